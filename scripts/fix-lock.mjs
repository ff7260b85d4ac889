// This machine's npm registry mirror does not serve rollup's builds for other
// platforms (404), so `npm install` leaves them out of package-lock.json and
// npm 11's `npm ci` then refuses the lock ("Missing: @rollup/... from lock file").
// This adds their entries with os/cpu/libc so `npm ci` skips them on Linux
// without fetching anything. Run after any change to the lock:
//   node scripts/fix-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  if (!key.endsWith('node_modules/rollup') || !pkg.optionalDependencies) continue;
  for (const [name, version] of Object.entries(pkg.optionalDependencies)) {
    const entryKey = `node_modules/${name}`;
    if (packages[entryKey]) continue;
    const [os, cpu, abi = ''] = name.split('/rollup-')[1].split('-');
    const entry = { version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
    if (abi.startsWith('gnu')) entry.libc = ['glibc'];
    if (abi.startsWith('musl')) entry.libc = ['musl'];
    packages[entryKey] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lock: added ${added} platform entries`);

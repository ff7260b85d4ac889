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
    // Keys in the order npm itself writes them, so a later `npm install` leaves these entries untouched.
    const libc = abi.startsWith('gnu') ? ['glibc'] : abi.startsWith('musl') ? ['musl'] : undefined;
    packages[entryKey] = { version, cpu: [cpu], ...(libc ? { libc } : {}), license: 'MIT', optional: true, os: [os] };
    added++;
  }
}
// npm sorts package keys with localeCompare('en') (string_decoder before string-width), the root '' first.
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lock: added ${added} platform entries`);

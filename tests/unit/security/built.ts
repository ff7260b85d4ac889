import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../../..');
export const outputDir = join(root, '.output/chrome-mv3');
const manifestFile = join(outputDir, 'manifest.json');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((e) => newestMtime(join(path, e))));
}

/**
 * The checks read what ships, so they need a build that matches the source.
 * `npm test` runs unit tests before the e2e script builds, hence the build
 * here when .output is missing or older than the source (about 3 s).
 */
export function ensureBuilt(): void {
  const sources = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json'].map((p) => join(root, p));
  const fresh = existsSync(manifestFile) && statSync(manifestFile).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh) return;
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', timeout: 180_000 });
  } catch {
    // Another build running at the same moment (they share .wxt/ and .output/): once more, alone.
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
  }
}

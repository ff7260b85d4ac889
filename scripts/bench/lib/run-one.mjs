// Runs ONE benchmark module in its own process and writes its rows as JSON.
// Used by scripts/bench.mjs: a crashing or hanging bench cannot take the
// others down, and .ts benches get the project's Vite transform (vite-node).
// Inputs come from the environment so the same file works under node and vite-node.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const file = process.env.BENCH_FILE;
const out = process.env.BENCH_OUT;
if (!file || !out) {
  console.error('BENCH_FILE and BENCH_OUT must be set');
  process.exit(2);
}

const started = Date.now();
try {
  const mod = await import(pathToFileURL(resolve(file)).href);
  if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
  const rows = await mod.run();
  if (!Array.isArray(rows)) throw new Error(`${file}: run() did not return an array`);
  await writeFile(out, JSON.stringify({ rows, ms: Date.now() - started }));
  process.exit(0);
} catch (error) {
  await writeFile(out, JSON.stringify({ error: String(error?.stack ?? error), ms: Date.now() - started }));
  process.exit(1);
}

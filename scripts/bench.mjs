#!/usr/bin/env node
// `npm run bench`: runs every benchmark module in scripts/bench/, prints ONE
// table and writes bench-output/bench.json (plus a timestamped copy in
// bench-output/history/) so runs can be compared.
//
// A benchmark module is scripts/bench/<name>.{mjs,js,ts} (not starting with
// `_`; helpers live in scripts/bench/lib/) exporting
//   export async function run(): Promise<Array<{ figure, value, unit, aim, ok }>>
// Each runs in its own process, one after another (the Chromium benches need
// the machine to themselves), .ts ones through vite-node with the project's
// Vite config.
//
// Options:
//   --only a,b      run only these benches (file names without extension)
//   --no-build      do not rebuild the extension even if .output looks stale
//   --docs          also write docs/bench-latest.json and refresh the table between
//                   <!-- bench:start --> and <!-- bench:end --> in README.md
//   --strict        exit 1 when an aim is missed (a crashed bench always exits 1)
// Also written: bench-output/bench.md, the same table in Markdown (for the README).
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const benchDir = join(root, 'scripts/bench');
const outDir = join(root, 'bench-output');
const builtManifest = join(root, '.output/chrome-mv3/manifest.json');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 6 * 60_000);
/** Benches that replay a whole scripted day need longer: accuracy runs two ~10-minute phases; sync pulls 100,000 records. */
const LONG_BENCHES = { accuracy: 30 * 60_000, sync: 20 * 60_000 };

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const onlyArg = args.find((a, i) => args[i - 1] === '--only' || a.startsWith('--only='));
const only = onlyArg ? onlyArg.replace(/^--only=/, '').split(',').filter(Boolean) : null;

/** Newest modification time under the folders the build reads. */
function newestSourceMtime() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const s = statSync(path);
    if (s.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json']) visit(join(root, p));
  return newest;
}

function run(command, commandArgs, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, { cwd: root, detached: true, ...options });
    const timer = setTimeout(() => {
      // Kill the bench's whole process group (it may have started Chromium).
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, options.timeout ?? timeoutMs);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolvePromise({ code, signal: sig });
    });
  });
}

/**
 * The benches measure a private copy of the build (bench-output/extension),
 * handed to them as E2E_EXTENSION_DIR: another `wxt build` running meanwhile
 * (it empties .output first) cannot pull the extension from under a bench,
 * and the copy is exactly what was measured.
 */
const benchExtension = join(outDir, 'extension');
function snapshotBuild() {
  rmSync(benchExtension, { recursive: true, force: true });
  cpSync(join(root, '.output/chrome-mv3'), benchExtension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(benchExtension, 'manifest.json'), 'utf8'));
  const needed = [manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])].filter(Boolean);
  return needed.every((f) => existsSync(join(benchExtension, f)));
}

async function ensureBuild() {
  const stale = !existsSync(builtManifest) || statSync(builtManifest).mtimeMs < newestSourceMtime();
  if (!stale) return 'up to date';
  if (flag('--no-build')) return 'stale (not rebuilt: --no-build)';
  console.log('Building the extension (npx wxt build)...');
  const { code } = await run('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60_000 });
  if (code !== 0) throw new Error('wxt build failed');
  return 'rebuilt';
}

function machine() {
  const read = (cmd, cmdArgs) => {
    try {
      return execFileSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const dirty = read('git', ['status', '--porcelain']);
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    chromium: read('/usr/bin/chromium', ['--version']),
    commit: read('git', ['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: dirty === null ? null : dirty.length > 0,
    // Other work on the machine skews the timing figures: the 1-minute load average before and after.
    loadAverage: { before: loadBefore, after: Math.round(loadavg()[0] * 100) / 100 },
  };
}

function discover() {
  return readdirSync(benchDir)
    .filter((f) => /\.(mjs|js|ts)$/.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts'))
    .map((f) => ({ name: basename(f, extname(f)), file: join(benchDir, f) }))
    .filter((b) => !only || only.includes(b.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function runBench({ name, file }) {
  const out = join(tmpdir(), `inbox-pilot-bench-${process.pid}-${name}.json`);
  await rm(out, { force: true });
  const runner = join(benchDir, 'lib/run-one.mjs');
  const env = { ...process.env, BENCH_FILE: file, BENCH_OUT: out, E2E_EXTENSION_DIR: benchExtension };
  const isTs = file.endsWith('.ts');
  const [cmd, cmdArgs] = isTs
    ? [join(root, 'node_modules/.bin/vite-node'), ['-c', 'vitest.config.ts', runner]]
    : [process.execPath, [runner]];
  const started = Date.now();
  process.stdout.write(`- ${name} ... `);
  // The bench's own output goes to a log file, so the table stays readable.
  await mkdir(join(outDir, 'logs'), { recursive: true });
  const log = openSync(join(outDir, 'logs', `${name}.log`), 'w');
  const timeout = process.env.BENCH_TIMEOUT_MS ? timeoutMs : (LONG_BENCHES[name] ?? timeoutMs);
  const { code, signal } = await run(cmd, cmdArgs, { env, stdio: ['ignore', log, log], timeout });
  closeSync(log);
  let result;
  try {
    result = JSON.parse(await readFile(out, 'utf8'));
  } catch {
    result = { error: signal ? `killed (${signal}) after ${Math.round((Date.now() - started) / 1000)} s` : `exited ${code} without results` };
  }
  await rm(out, { force: true });
  console.log(result.error ? 'FAILED' : `${result.rows.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.error) {
    console.log(String(result.error).split('\n').slice(0, 6).map((l) => `    ${l}`).join('\n'));
    console.log(`    (full output: bench-output/logs/${name}.log)`);
  }
  return { bench: name, ms: Date.now() - started, ...result };
}

function formatValue(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  // Three significant digits at most, without trailing zeros (68.5, 1.08, 0.047).
  return String(Number(Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)));
}

function printTable(results, previous) {
  const prevRows = new Map();
  for (const r of previous?.results ?? []) for (const row of r.rows ?? []) prevRows.set(`${r.bench}\u0000${row.figure}`, row);
  const lines = [['bench', 'figure', 'value', 'aim', 'ok', 'previous']];
  for (const r of results) {
    if (r.error) {
      lines.push([r.bench, '(bench failed)', '-', '-', 'FAIL', '']);
      continue;
    }
    for (const row of r.rows) {
      const prev = prevRows.get(`${r.bench}\u0000${row.figure}`);
      lines.push([
        r.bench,
        row.figure,
        `${formatValue(row.value)} ${row.unit ?? ''}`.trim(),
        row.aim ?? '',
        row.ok ? 'ok' : 'MISSED',
        prev ? `${formatValue(prev.value)} ${prev.unit ?? ''}`.trim() : '',
      ]);
    }
  }
  const widths = lines[0].map((_, i) => Math.min(60, Math.max(...lines.map((l) => String(l[i]).length))));
  const fmt = (l) => l.map((c, i) => String(c).padEnd(widths[i])).join(' | ').trimEnd();
  console.log('');
  console.log(fmt(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines.slice(1)) console.log(fmt(l));
}

function markdown(report) {
  const esc = (t) => String(t).replace(/\|/g, '\\|');
  const m = report.machine;
  const lines = [
    `Measured ${report.at.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu} (${m.cores} cores), Node ${m.node}, ${m.chromium ?? 'no Chromium'}; load average ${m.loadAverage.before} before, ${m.loadAverage.after} after; commit ${m.commit}${m.uncommittedChanges ? ' + uncommitted changes' : ''}.`,
    '',
    '| Bench | Figure | Value | Aim | Met |',
    '| --- | --- | ---: | --- | --- |',
  ];
  for (const r of report.results) {
    if (r.error) lines.push(`| ${r.bench} | (bench failed) | | | no |`);
    else for (const row of r.rows) lines.push(`| ${r.bench} | ${esc(row.figure)} | ${formatValue(row.value)} ${esc(row.unit ?? '')} | ${esc(row.aim ?? '')} | ${row.ok ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n') + '\n';
}

const started = Date.now();
const loadBefore = Math.round(loadavg()[0] * 100) / 100;
let build = await ensureBuild();
try {
  if (!snapshotBuild()) {
    // Caught another build half-way: build once more and copy again.
    await run('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60_000 });
    if (!snapshotBuild()) throw new Error('incomplete');
    build = 'rebuilt';
  }
} catch (error) {
  console.error(`Could not copy the build from .output/chrome-mv3 (${error.message}); run \`npx wxt build\` and retry.`);
  process.exit(1);
}
const benches = discover();
if (benches.length === 0) {
  console.error(only ? `No bench named ${only.join(', ')}` : 'No benchmark modules in scripts/bench/');
  process.exit(1);
}
console.log(`Running ${benches.length} benchmark(s), one at a time (build: ${build}):`);
const results = [];
for (const b of benches) results.push(await runBench(b));

const report = { at: new Date().toISOString(), totalSeconds: Math.round((Date.now() - started) / 1000), machine: machine(), build, results };
const latest = join(outDir, 'bench.json');
const previous = existsSync(latest) ? JSON.parse(await readFile(latest, 'utf8').catch(() => 'null')) : null;
printTable(results, previous);

await mkdir(join(outDir, 'history'), { recursive: true });
const text = JSON.stringify(report, null, 2) + '\n';
await writeFile(latest, text);
await writeFile(join(outDir, 'history', `bench-${report.at.replace(/[:.]/g, '-')}.json`), text);
await writeFile(join(outDir, 'bench.md'), markdown(report));
if (flag('--docs')) {
  await writeFile(join(root, 'docs/bench-latest.json'), text);
  for (const doc of ['README.md'].map((f) => join(root, f))) {
    if (!existsSync(doc)) continue;
    const before = await readFile(doc, 'utf8');
    const after = before.replace(/(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/, (_, start, end) => `${start}${markdown(report)}${end}`);
    if (after !== before) await writeFile(doc, after);
  }
}
console.log(`\n${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}, ${report.machine.chromium ?? 'no Chromium'}; ${report.totalSeconds} s in all.`);
console.log(`Load average (1 min) before/after: ${report.machine.loadAverage.before} / ${report.machine.loadAverage.after}${report.machine.loadAverage.before > report.machine.cores ? ' (busy machine: timing figures are noisy)' : ''}.`);
console.log(`Written: bench-output/bench.json and bench.md${flag('--docs') ? ', docs/bench-latest.json and the README table' : ''} (previous runs in bench-output/history/).`);

const crashed = results.some((r) => r.error);
const missed = results.some((r) => r.rows?.some((row) => !row.ok));
process.exit(crashed || (flag('--strict') && missed) ? 1 : 0);

#!/usr/bin/env node
// Benchmark: the timers sidebar with 200 waiting conversations for 60 s on the real shared clock (utils/clock.ts:
// it moves only when a row shown or the list's state reads differently, on its 10-second marks; timers show
// whole minutes),
// in real Chromium (headless, /usr/bin/chromium via playwright-core), on a test page that renders
// the real TimersPanel + timing pipeline (scripts/bench/timers.page.tsx, bundled here with Vite).
//
// Figures:
// - main-thread ms per second: Chrome's own counters (CDP Performance metrics) over 60 s of ticking:
//   ThreadTime (CPU time of the renderer main thread: script, style, layout, paint, GC) and
//   TaskDuration (wall time of its tasks, inflated when other processes share the cores), each minus
//   the same ticking harness run for 60 s without the sidebar (the harness' own cost is not counted);
//   two cases: ages spread over 7 minutes (a row changes state about every second: worst case) and
//   over 3 hours (steady: states rarely change);
// - per clock move (worst case): MOVES moves at the instants the real clock would move (its 10-s grid,
//   the first instant a row or the list needs), replayed without waiting the 10 s but each MOVE_GAP_MS
//   after the last frame; the span is the ticker's effect with the style and layout it causes (forced
//   inside the span), timed to 5 µs (the page is served cross-origin isolated). After each move, a bare
//   round writes as many of the rows' texts with no extension code, as long after a frame: the floor
//   any changed text costs here. The aim is on what a move adds above its own bare round (median).
//   Why the gap: after about 100 ms of idle this machine runs the same work about 3 times slower (one
//   text written and laid out: 0.09 ms right after a frame, 0.29 ms after 100 ms to 3 s of idle), and
//   the real clock's moves always come after 10 s of idle;
// - long tasks (> 50 ms) observed while ticking.
// Run alone: `node scripts/bench/timers.mjs` (TICKS=10 MOVES=20 for a quick run; BENCH_DEBUG=1 prints each move). Needs /usr/bin/chromium (or CHROME_PATH).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'bench-output/timers-page');
const TICKS = Number(process.env.TICKS ?? 60);
/** Clock moves measured one by one (measureMoves), and the idle time before each (the machine's cold state). */
const MOVES = Number(process.env.MOVES ?? 60);
const MOVE_GAP_MS = 500;

async function buildPage() {
  const { build } = await import('vite');
  const { default: preact } = await import('@preact/preset-vite');
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [preact()],
    // The page imports pure modules only; settings.ts pulls WXT's storage, which needs an extension: stub it.
    resolve: { alias: { 'wxt/utils/storage': path.join(root, 'scripts/bench/lib/timers-storage-stub.mjs') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: process.env.BENCH_MINIFY !== '0',
      lib: { entry: path.join(root, 'scripts/bench/timers.page.tsx'), formats: ['es'], fileName: () => 'page.js' },
      cssCodeSplit: false,
    },
  });
  const links = readdirSync(outDir).filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="${f}">`).join('');
  await writeFile(path.join(outDir, 'index.html'), `<!doctype html><meta charset="utf-8">${links}<body><script type="module" src="page.js"></script></body>`);
  return path.join(outDir, 'index.html');
}

/**
 * Serves the built page on loopback, cross-origin isolated (COOP + COEP): there performance.now() is
 * precise to 5 µs, not 100 (a file:// page is not isolated). A move costs a few tenths of a millisecond,
 * so at 100 µs its median could only read 0.2, 0.3...
 */
async function servePage(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    try {
      if (!file.startsWith(dir + path.sep)) throw new Error('outside the page');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/index.html`, close: () => new Promise((r) => server.close(r)) };
}

/** Ticks the page for TICKS seconds; CPU (ThreadTime) and wall task time (TaskDuration) per second. */
async function measure(browser, page, query) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(page.url + query);
    await tab.waitForFunction(() => document.title === 'ready' && '__bench' in window);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const m = (await cdp.send('Performance.getMetrics')).metrics;
      const get = (name) => m.find((x) => x.name === name)?.value ?? 0;
      return { cpu: get('ThreadTime'), task: get('TaskDuration') };
    };
    await tab.waitForTimeout(1_000);
    const m0 = await metrics();
    const t0 = Date.now();
    const result = await tab.evaluate((seconds) => window.__bench.start(seconds), TICKS);
    const seconds = (Date.now() - t0) / 1000;
    const m1 = await metrics();
    return { cpu: ((m1.cpu - m0.cpu) * 1000) / seconds, task: ((m1.task - m0.task) * 1000) / seconds, result };
  } finally {
    await tab.close();
  }
}

/**
 * The clock's moves one by one, at the instants the real clock would move (timers.page.tsx measureMoves),
 * each MOVE_GAP_MS after the last frame: per move, the ticker's script with the style and layout it
 * causes, and the floor under it (as many text writes laid out with no extension code).
 */
async function measureMoves(browser, page) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(page.url + '?spread=7');
    await tab.waitForFunction(() => document.title === 'ready' && '__bench' in window);
    if (!(await tab.evaluate(() => crossOriginIsolated))) throw new Error('The timers page is not cross-origin isolated: its timings would be 100 µs coarse');
    await tab.waitForTimeout(1_000);
    return await tab.evaluate(([n, gap]) => window.__bench.moves(n, gap), [MOVES, MOVE_GAP_MS]);
  } finally {
    await tab.close();
  }
}

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (n) => Math.round(n * 1000) / 1000;

export async function run() {
  const page = await servePage(path.dirname(await buildPage()));
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) throw new Error(`No Chromium at ${chrome} (apt-get install -y chromium, or set CHROME_PATH)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const baseline = await measure(browser, page, '?harness-only');
    const worst = await measure(browser, page, '?spread=7');
    const steady = await measure(browser, page, '?spread=180');
    const cpu = (m) => Math.max(0, m.cpu - baseline.cpu);
    const task = (m) => Math.max(0, m.task - baseline.task);
    const moved = await measureMoves(browser, page);
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify(moved));
    const above = moved.tickMs.map((ms, i) => ms - moved.floorMs[i]);
    const perMove = `worst case, ${moved.tickMs.length} moves at the clock's own instants, each ${MOVE_GAP_MS} ms after the last frame`;
    // Rows in the DOM (the panel lists the most urgent ones until "Show all" is pressed) of all those waiting.
    const rows = `${worst.result.waiting} waiting (${worst.result.rows} rows shown)`;
    const moves = `${worst.result.moves} clock moves`;
    const longTasks = worst.result.longTasks + steady.result.longTasks;
    return [
      { figure: `timers: main-thread CPU, ${rows}, ${TICKS} s, a state change every ~1 s, ${moves} (ThreadTime − harness)`, value: round(cpu(worst)), unit: 'ms/s', aim: '< 0.5', ok: cpu(worst) < 0.5 },
      { figure: `timers: main-thread CPU, ${rows}, ${TICKS} s, steady, ${steady.result.moves} clock moves (ThreadTime − harness)`, value: round(cpu(steady)), unit: 'ms/s', aim: '< 0.5', ok: cpu(steady) < 0.5 },
      { figure: 'timers: main-thread task time, worst case (TaskDuration − harness, wall)', value: round(task(worst)), unit: 'ms/s', aim: '< 0.5', ok: task(worst) < 0.5 },
      { figure: `timers: per clock move, script+style+layout, ${perMove} (median, in page)`, value: round(pct(moved.tickMs, 50)), unit: 'ms', aim: 'report only (the floor under it: next row)', ok: true },
      { figure: 'timers: the floor under a move: as many text writes laid out with no extension code, as long after a frame (median)', value: round(pct(moved.floorMs, 50)), unit: 'ms', aim: 'report only', ok: true },
      { figure: 'timers: per clock move, above that floor (median of each move minus its bare round)', value: round(pct(above, 50)), unit: 'ms', aim: '< 0.25', ok: pct(above, 50) < 0.25 },
      { figure: 'timers: per clock move, script only (median)', value: round(pct(moved.scriptMs, 50)), unit: 'ms', aim: 'report only', ok: true },
      { figure: 'timers: per clock move, script+style+layout (p95)', value: round(pct(moved.tickMs, 95)), unit: 'ms', aim: '< 2', ok: pct(moved.tickMs, 95) < 2 },
      { figure: 'timers: long tasks while the clock runs (both cases)', value: longTasks, unit: 'count', aim: '0', ok: longTasks === 0 },
    ];
  } finally {
    await browser.close();
    await page.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await mkdir(outDir, { recursive: true });
  const rows = await run();
  for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.figure}: ${r.value} ${r.unit} (aim ${r.aim})`);
}

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
// - per tick, script+style+layout measured in the page around each tick (layout forced), median/p95;
// - long tasks (> 50 ms) observed while ticking.
// Run alone: `node scripts/bench/timers.mjs` (TICKS=10 for a quick run). Needs /usr/bin/chromium (or CHROME_PATH).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'bench-output/timers-page');
const TICKS = Number(process.env.TICKS ?? 60);

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

/** Ticks the page for TICKS seconds; CPU (ThreadTime) and wall task time (TaskDuration) per second. */
async function measure(browser, page, query) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(pathToFileURL(page).href + query);
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

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (n) => Math.round(n * 1000) / 1000;

export async function run() {
  const page = await buildPage();
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) throw new Error(`No Chromium at ${chrome} (apt-get install -y chromium, or set CHROME_PATH)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  try {
    const baseline = await measure(browser, page, '?harness-only');
    const worst = await measure(browser, page, '?spread=7');
    const steady = await measure(browser, page, '?spread=180');
    const cpu = (m) => Math.max(0, m.cpu - baseline.cpu);
    const task = (m) => Math.max(0, m.task - baseline.task);
    const median = pct(worst.result.tickMs, 50);
    const p95 = pct(worst.result.tickMs, 95);
    // Rows in the DOM (the panel lists the most urgent ones until "Show all" is pressed) of all those waiting.
    const rows = `${worst.result.waiting} waiting (${worst.result.rows} rows shown)`;
    const moves = `${worst.result.moves} clock moves`;
    const longTasks = worst.result.longTasks + steady.result.longTasks;
    return [
      { figure: `timers: main-thread CPU, ${rows}, ${TICKS} s, a state change every ~1 s, ${moves} (ThreadTime − harness)`, value: round(cpu(worst)), unit: 'ms/s', aim: '< 0.5', ok: cpu(worst) < 0.5 },
      { figure: `timers: main-thread CPU, ${rows}, ${TICKS} s, steady, ${steady.result.moves} clock moves (ThreadTime − harness)`, value: round(cpu(steady)), unit: 'ms/s', aim: '< 0.5', ok: cpu(steady) < 0.5 },
      { figure: 'timers: main-thread task time, worst case (TaskDuration − harness, wall)', value: round(task(worst)), unit: 'ms/s', aim: '< 0.5', ok: task(worst) < 0.5 },
      { figure: 'timers: per clock move, script+style+layout, worst case (median, in page)', value: round(median), unit: 'ms', aim: '< 0.5', ok: median < 0.5 },
      { figure: 'timers: per clock move, script+style+layout, worst case (p95, in page)', value: round(p95), unit: 'ms', aim: '< 2', ok: p95 < 2 },
      { figure: 'timers: long tasks while the clock runs (both cases)', value: longTasks, unit: 'count', aim: '0', ok: longTasks === 0 },
    ];
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await mkdir(outDir, { recursive: true });
  const rows = await run();
  for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.figure}: ${r.value} ${r.unit} (aim ${r.aim})`);
}

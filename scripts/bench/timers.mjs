#!/usr/bin/env node
// Benchmark: the timers sidebar with 200 waiting conversations ticking once a second for 60 s,
// in real Chromium (headless, /usr/bin/chromium via playwright-core), on a test page that renders
// the real TimersPanel + timing core (scripts/bench/timers.page.tsx, bundled here with Vite).
//
// Figures:
// - main-thread ms per second: Chrome's own TaskDuration (CDP Performance metrics: script, style,
//   layout, paint, GC — everything on the main thread) during 60 s of ticking, minus the same page's
//   idle TaskDuration per second measured just before with the clock stopped;
// - per-tick script+style+layout (measured in the page around each tick, forced layout), p95;
// - long tasks (> 50 ms) observed while ticking.
// Run alone: `node scripts/bench/timers.mjs` (TICKS=10 for a quick run).
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'bench-output/timers-page');
const TICKS = Number(process.env.TICKS ?? 60);
const IDLE_MS = Number(process.env.IDLE_MS ?? 15_000);

async function buildPage() {
  const { build } = await import('vite');
  const { default: preact } = await import('@preact/preset-vite');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [preact()],
    // The page imports pure modules only; settings.ts pulls WXT's storage, which needs an extension: stub it.
    resolve: { alias: { 'wxt/utils/storage': path.join(root, 'scripts/bench/lib/timers-storage-stub.mjs') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: path.join(root, 'scripts/bench/timers.page.tsx'), formats: ['es'], fileName: () => 'page.js' },
      cssCodeSplit: false,
    },
  });
  const css = existsSync(path.join(outDir, 'style.css')) ? '<link rel="stylesheet" href="style.css">' : '';
  const cssFiles = (await import('node:fs')).readdirSync(outDir).filter((f) => f.endsWith('.css'));
  const links = cssFiles.map((f) => `<link rel="stylesheet" href="${f}">`).join('') || css;
  await writeFile(path.join(outDir, 'index.html'), `<!doctype html><meta charset="utf-8">${links}<body><script type="module" src="page.js"></script></body>`);
  return path.join(outDir, 'index.html');
}

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export async function run() {
  const page = await buildPage();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(() => document.title === 'ready' && '__bench' in window);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable');
    // ThreadTime = CPU time of the renderer's main thread (robust when other processes share the cores);
    // TaskDuration = wall time of its tasks (inflated when the machine is busy). Both minus the idle page.
    const metrics = async () => {
      const m = (await cdp.send('Performance.getMetrics')).metrics;
      const get = (name) => m.find((x) => x.name === name)?.value ?? 0;
      return { cpu: get('ThreadTime'), task: get('TaskDuration') };
    };

    await tab.waitForTimeout(1_000);
    const idle0 = await metrics();
    await tab.waitForTimeout(IDLE_MS);
    const idle1 = await metrics();
    const idleCpu = ((idle1.cpu - idle0.cpu) * 1000) / (IDLE_MS / 1000);
    const idleTask = ((idle1.task - idle0.task) * 1000) / (IDLE_MS / 1000);

    const busy0 = await metrics();
    const t0 = Date.now();
    const result = await tab.evaluate((ticks) => window.__bench.start(ticks, 1000), TICKS);
    const seconds = (Date.now() - t0) / 1000;
    const busy1 = await metrics();
    const cpuPerSecond = Math.max(0, ((busy1.cpu - busy0.cpu) * 1000) / seconds - idleCpu);
    const taskPerSecond = Math.max(0, ((busy1.task - busy0.task) * 1000) / seconds - idleTask);
    const median = pct(result.tickMs, 50);
    return [
      { figure: `timers: main-thread CPU, ${result.rows} rows ticking ${TICKS} s (Chromium ThreadTime − idle)`, value: round(cpuPerSecond), unit: 'ms/s', aim: '< 0.5', ok: cpuPerSecond < 0.5 },
      { figure: 'timers: main-thread task time (Chromium TaskDuration − idle, wall)', value: round(taskPerSecond), unit: 'ms/s', aim: '< 0.5', ok: taskPerSecond < 0.5 },
      { figure: 'timers: per tick, script+style+layout (median, in page)', value: round(median), unit: 'ms', aim: '< 0.5', ok: median < 0.5 },
      { figure: 'timers: per tick, script+style+layout (p95, in page)', value: round(pct(result.tickMs, 95)), unit: 'ms', aim: '< 2', ok: pct(result.tickMs, 95) < 2 },
      { figure: 'timers: long tasks while ticking', value: result.longTasks, unit: 'count', aim: '0', ok: result.longTasks === 0 },
    ];
  } finally {
    await browser.close();
  }
}

const round = (n) => Math.round(n * 1000) / 1000;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await mkdir(outDir, { recursive: true });
  const rows = await run();
  for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.figure}: ${r.value} ${r.unit} (aim ${r.aim})`);
}

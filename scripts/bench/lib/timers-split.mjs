// Where the reply timers' worst-case cost goes (issue 14): timers.mjs measures the main thread's CPU with 200
// waiting and a state change about every second (ThreadTime minus the ticking harness alone), while its in-page
// figure per clock move counts only script, style and layout. This traces the same page for a while in both
// cases (?spread=7, and ?harness-only) and sums each trace event's self time on the page's main thread by event
// name, per second, largest difference first (paint, layerize, compositing, GC, the panel's script...).
//   node scripts/bench/timers.mjs once first (it builds bench-output/timers-page), then
//   node scripts/bench/lib/timers-split.mjs [seconds=20]   (TIMERS_QUERY='?spread=180': the steady case)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { ROOT } from './sim-page.mjs';
import { eventCounts, selfTimes } from './trace-self.mjs';
import { round, traceDuring } from './chromium.mjs';

const seconds = Number(process.argv[2] ?? 20);
const page = path.join(ROOT, 'bench-output/timers-page/index.html');
if (!existsSync(page)) throw new Error(`No ${page}: run node scripts/bench/timers.mjs once first (TICKS=5 is enough).`);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
});

async function traced(query) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(pathToFileURL(page).href + query);
    await tab.waitForFunction(() => document.title === 'ready' && '__bench' in window);
    await tab.waitForTimeout(1_000);
    const cdp = await tab.context().newCDPSession(tab);
    const events = await traceDuring(cdp, () => tab.evaluate((s) => window.__bench.start(s), seconds));
    return selfTimes(events);
  } finally {
    await tab.close();
  }
}

try {
  const harness = await traced('?harness-only');
  eventCounts.clear();
  const worst = await traced(process.env.TIMERS_QUERY ?? '?spread=7');
  const worstCounts = new Map(eventCounts);
  const names = new Set([...harness.keys(), ...worst.keys()]);
  const rows = [...names].map((name) => ({ name, worst: (worst.get(name) ?? 0) / seconds, harness: (harness.get(name) ?? 0) / seconds }));
  for (const r of rows) r.diff = r.worst - r.harness;
  rows.sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
  const sum = (m) => [...m.values()].reduce((s, v) => s + v, 0) / seconds;
  console.log(`${seconds} s each, load ${loadavg()[0].toFixed(2)}; self time on the page's main thread, ms per second:`);
  console.log(`total: worst case ${round(sum(worst), 3)}, harness alone ${round(sum(harness), 3)}, difference ${round(sum(worst) - sum(harness), 3)}`);
  console.log('event'.padEnd(44), 'worst'.padStart(8), 'harness'.padStart(8), 'diff'.padStart(8), 'worst events/s'.padStart(15));
  for (const r of rows.slice(0, 20)) console.log(r.name.padEnd(44), r.worst.toFixed(3).padStart(8), r.harness.toFixed(3).padStart(8), r.diff.toFixed(3).padStart(8), ((worstCounts.get(r.name) ?? 0) / seconds).toFixed(2).padStart(15));
} finally {
  await browser.close();
}

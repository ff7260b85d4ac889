// Inbox adapter benchmark: snapshot and live observer on the simulated inbox with
// 500 conversations and 300 messages in the open thread, under a burst of 1,000
// mutations, in real Chromium (no extension: the adapter is bundled into the page).
// Runs on both page layouts: 2026 (the default, LAYOUT-2026.md) and the dated 2025-11.
//   node scripts/bench/inbox.mjs
// Aims (issue 3, issue 11 on the 2026 layout, issue 14): a snapshot under 2 ms, no batch over 4 ms.
// The whole thread (300 messages) is in the page; the adapter reads its last 60 rows (THREAD_TAIL_ROWS).
// What a slow batch is made of: lib/batch-log.mjs (rows read afresh, page walks, heap per batch) and
// lib/batch-trace.mjs (GC pauses inside each batch, and its callback's CPU time beside the wall time).
import { pathToFileURL } from 'node:url';
import { bundle, launchSim, openSimInbox } from './lib/sim-page.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 1000) / 1000;

const LAYOUTS = ['2026', '2025-11'];
/** Snapshot reads before the timed ones (JIT): 10 were not enough, the slowest tenth of reads 11-70 were still tiering up. */
const WARM_UP = 200;

/** The figures for one layout of the sim, in a fresh page of `context`. */
async function measure(context, code, layout) {
  const { page, id } = await openSimInbox(context, layout);
  await page.addScriptTag({ content: code });

  // Snapshot: the first reads of a fresh page run while V8 still tiers the adapter's code up (its optimizing
  // compiler works on background threads, which a loaded machine slows): reads 11-70 are timed apart, as a
  // report. Then the aim's figure: 60 reads after WARM_UP more (per-read series: steady after about 40 reads).
  await page.evaluate(() => window.__inboxBench.snapshots(10));
  const cold = await page.evaluate(() => window.__inboxBench.snapshots(60));
  await page.evaluate((n) => window.__inboxBench.snapshots(n), WARM_UP);
  const snap = await page.evaluate(() => window.__inboxBench.snapshots(60));
  // The same reads in main-thread CPU time (CDP ThreadTime): other processes' load barely moves it, unlike the clock.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
  const cpu0 = await threadTime();
  await page.evaluate(() => window.__inboxBench.snapshots(200));
  const snapCpu = ((await threadTime()) - cpu0) * 1000 / 200;
  if (process.env.BENCH_PARTS) console.log(await page.evaluate(() => window.__inboxBenchParts(20)));

  // Observer: one burst of 1,000 mutations plus live traffic, batches timed inside the page.
  await page.evaluate(() => window.__inboxBench.startObserver());
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__inboxBenchBatches.splice(0));
  // Five rounds: a burst of 1,000 mutations, then a customer message (a full re-render of list and thread).
  for (let round = 0; round < 5; round++) {
    await page.evaluate(() => window.__sim.burst(1000));
    await page.waitForTimeout(300);
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hello, is anyone there?'), id);
    await page.waitForTimeout(300);
  }
  const batches = await page.evaluate(() => window.__inboxBenchBatches.slice());
  if (process.env.BENCH_PARTS) console.log(batches);
  const records = batches.reduce((n, b) => n + b.records, 0);
  const maxBatch = Math.max(...batches.map((b) => b.ms));
  const medianBatch = median(batches.map((b) => b.ms));
  const maxLayout = Math.max(...batches.map((b) => b.layout));

  const snapMedian = median(snap.times);
  const p90 = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)];
  const snapP90 = p90(snap.times);
  await page.close();
  return [
    { figure: `inbox snapshot (${layout}), median (${snap.rows} visible rows of 500; thread of 300 messages, ${snap.messages} read: the last 60 rows, THREAD_TAIL_ROWS)`, value: round(snapMedian), unit: 'ms', aim: '< 2 ms', ok: snapMedian < 2 },
    { figure: `inbox snapshot (${layout}), p90 (after ${10 + 60 + WARM_UP} reads)`, value: round(snapP90), unit: 'ms', aim: '< 2 ms', ok: snapP90 < 2 },
    { figure: `inbox snapshot (${layout}), p90 of a fresh page's reads 11-70 (JIT still tiering up; load-sensitive)`, value: round(p90(cold.times)), unit: 'ms', aim: 'report only', ok: true },
    { figure: `inbox snapshot (${layout}), main-thread CPU per read (ThreadTime over 200 reads; steady under load)`, value: round(snapCpu), unit: 'ms', aim: 'report only', ok: true },
    { figure: `inbox observer (${layout}), median batch (${batches.length} batches for ${records} mutation records)`, value: round(medianBatch), unit: 'ms', aim: '< 4 ms', ok: medianBatch < 4 },
    { figure: `inbox observer (${layout}), slowest batch`, value: round(maxBatch), unit: 'ms', aim: '< 4 ms', ok: maxBatch < 4 },
    // Not the adapter's work: the page's pending style/layout, flushed before each batch (paid by the next frame anyway).
    { figure: `inbox observer (${layout}), page layout flushed before the slowest such batch (information)`, value: round(maxLayout), unit: 'ms', aim: 'n/a', ok: true },
  ];
}

export async function run() {
  const code = await bundle();
  const { browser, context } = await launchSim();
  try {
    const figures = [];
    for (const layout of LAYOUTS) figures.push(...(await measure(context, code, layout)));
    return figures;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await run();
  for (const f of figures) console.log(`${f.ok ? 'ok  ' : 'SLOW'} ${f.figure}: ${f.value} ${f.unit} (aim ${f.aim})`);
}

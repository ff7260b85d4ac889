// What makes a slow observer batch (issue 11): the inbox bench's traffic (bursts of 1,000 mutations, then a
// customer message that re-renders list and thread), for more rounds, with one line per batch:
//   kind (burst / message), ms (the adapter's, as inbox.mjs times it), the page layout flushed before it,
//   records, list rows read afresh (their title searched; readList also asks the first row, for health),
//   message rows read afresh (their bubble text searched),
//   whole-document walks (querySelector(All) on the document), and the JS heap's change over the batch
//   (precise memory info: what it allocated, or a GC inside it when the heap shrank).
// Then the slowest batches with their line, and the medians by kind.
//   node scripts/bench/lib/batch-log.mjs [layout] [rounds=15]   (BENCH_ENTRY=<another build's inbox-entry.ts>; BATCH_LOG_WALKS=1)
import { loadavg } from 'node:os';
import { bundle, launchSim, openSimInbox } from './sim-page.mjs';

const layout = process.argv[2] ?? '2026';
const rounds = Number(process.argv[3] ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// In the page: counters the batch lines read. Reads of rows are counted where the live source caches them
// (a WeakMap entry set = a row read afresh), walks where the document itself is queried.
const probe = () => {
  const c = (window.__batchLog = { rows: new Set(), messages: new Set(), walks: 0, walked: [], lines: [], heap: 0 });
  for (const m of ['querySelector', 'querySelectorAll']) {
    const f = Document.prototype[m];
    Document.prototype[m] = function (sel) {
      c.walks++;
      c.walked.push(sel);
      return f.call(this, sel);
    };
  }
  // A message row read afresh: its bubble text searched (messageText, the dir=auto alternatives). A list row
  // read afresh: its title searched (rowTitle's first alternative; readList also asks the first row, for health).
  const qs = Element.prototype.querySelector;
  Element.prototype.querySelector = function (sel) {
    if (sel.includes('[dir="auto"]') && this.hasAttribute('data-message-id')) c.messages.add(this);
    if (sel.startsWith('[data-surface*="thread_row"][data-surface*="thread_title"]')) c.rows.add(this);
    return qs.call(this, sel);
  };
  // A batch starts with the bench seam's layout flush (live.ts, body.getBoundingClientRect()).
  const gbcr = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (this === document.body) {
      c.walks = 0;
      c.rows = new Set();
      c.walked = [];
      c.messages = new Set();
      c.heap = performance.memory.usedJSHeapSize;
    }
    return gbcr.call(this);
  };
};

const code = await bundle(process.env.BENCH_ENTRY || undefined);
const { browser, context } = await launchSim(['--enable-precise-memory-info']);
try {
  const load = [loadavg()[0]];
  const { page, id } = await openSimInbox(context, layout);
  await page.addScriptTag({ content: code });
  await page.evaluate(probe);
  await page.evaluate(() => {
    window.__inboxBench.startObserver();
    const batches = window.__inboxBenchBatches;
    const c = window.__batchLog;
    const push = batches.push.bind(batches);
    batches.push = (b) => {
      const heapAfter = performance.memory.usedJSHeapSize;
      c.lines.push({ ...b, kind: c.kind, rows: c.rows.size, messages: c.messages.size, walks: c.walks, walked: c.walked, heapKb: (heapAfter - c.heap) / 1024 });
      return push(b);
    };
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__batchLog.lines.splice(0));
  for (let round = 0; round < rounds; round++) {
    await page.evaluate(() => ((window.__batchLog.kind = 'burst'), window.__sim.burst(1000)));
    await page.waitForTimeout(300);
    await page.evaluate((id) => ((window.__batchLog.kind = 'message'), window.__sim.addCustomerMessage(id, 'Hello, is anyone there?')), id);
    await page.waitForTimeout(300);
  }
  const lines = await page.evaluate(() => window.__batchLog.lines.slice());
  load.push(loadavg()[0]);
  const fmt = (l, i) =>
    `${String(i).padStart(3)} ${l.kind.padEnd(7)} ${l.ms.toFixed(1).padStart(5)} ms  layout ${l.layout.toFixed(1).padStart(5)}  records ${String(l.records).padStart(4)}  rows ${String(l.rows).padStart(3)}  messages ${String(l.messages).padStart(3)}  walks ${String(l.walks).padStart(2)}  heap ${l.heapKb >= 0 ? '+' : ''}${Math.round(l.heapKb)} KB${l.heapKb < 0 ? ' (GC)' : ''}`;
  console.log(`${layout}: ${lines.length} batches, load ${load.map((x) => x.toFixed(2)).join(' -> ')}`);
  lines.forEach((l, i) => console.log(fmt(l, i)));
  // BATCH_LOG_WALKS=1: the selectors of the first batch's document walks.
  if (process.env.BATCH_LOG_WALKS) for (const sel of lines[1]?.walked ?? []) console.log(`  walk: ${sel.slice(0, 100)}`);
  console.log('slowest:');
  [...lines.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5).forEach(([i, l]) => console.log(fmt(l, i)));
  for (const kind of ['burst', 'message']) {
    const of = lines.filter((l) => l.kind === kind);
    const gc = of.filter((l) => l.heapKb < 0);
    console.log(`${kind}: median ${median(of.map((l) => l.ms)).toFixed(2)} ms, slowest ${Math.max(...of.map((l) => l.ms)).toFixed(1)}; with a GC inside: ${gc.length}, their median ${median(gc.map((l) => l.ms)).toFixed(2)}`);
  }
} finally {
  await browser.close();
}

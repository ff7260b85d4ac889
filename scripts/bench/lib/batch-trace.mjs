// What the slowest observer batches are made of, from a Chromium trace (issue 11): the inbox bench's traffic
// (bursts of 1,000 mutations, then a customer message) with the trace's V8 GC events and the batches marked
// as user timings, so a garbage collection inside a batch is seen, not guessed from the heap's size.
// Prints per batch: kind, ms (as inbox.mjs times it), records, and the GC pauses inside it (type, ms);
// then the slowest batches, and per kind the batches with a GC inside and without.
//   node scripts/bench/lib/batch-trace.mjs [layout] [rounds=15]   (BENCH_ENTRY=<another build's inbox-entry.ts>)
import { loadavg } from 'node:os';
import { bundle, launchSim, openSimInbox } from './sim-page.mjs';

const layout = process.argv[2] ?? '2026';
const rounds = Number(process.argv[3] ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const code = await bundle(process.env.BENCH_ENTRY || undefined);
const { browser, context } = await launchSim();
try {
  const load = [loadavg()[0]];
  const { page, id } = await openSimInbox(context, layout);
  await page.addScriptTag({ content: code });
  await page.evaluate(() => {
    window.__inboxBench.startObserver();
    const batches = window.__inboxBenchBatches;
    const push = batches.push.bind(batches);
    // Each batch as a user timing (it ends now; inbox.mjs's ms is measured inside the batch).
    batches.push = (b) => {
      const end = performance.now();
      performance.measure(`batch:${batches.length}:${window.__traceKind}`, { start: end - b.ms, end });
      return push(b);
    };
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__inboxBenchBatches.splice(0));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'disabled-by-default-v8.gc'] });
  for (let round = 0; round < rounds; round++) {
    await page.evaluate(() => ((window.__traceKind = 'burst'), window.__sim.burst(1000)));
    await page.waitForTimeout(300);
    await page.evaluate((id) => ((window.__traceKind = 'message'), window.__sim.addCustomerMessage(id, 'Hello, is anyone there?')), id);
    await page.waitForTimeout(300);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const batches = await page.evaluate(() => window.__inboxBenchBatches.slice());
  load.push(loadavg()[0]);
  const events = trace.traceEvents ?? trace;
  // User timings are async pairs (b/e) keyed by id; GC pauses are complete events on the renderer's main thread.
  const open = new Map();
  const marks = [];
  for (const e of events) {
    if (!String(e.name).startsWith('batch:')) continue;
    if (e.ph === 'b') open.set(e.name + e.id, e.ts);
    else if (e.ph === 'e' && open.has(e.name + e.id)) {
      const [, i, kind] = e.name.split(':');
      marks.push({ i: Number(i), kind, start: open.get(e.name + e.id), end: e.ts, tid: e.tid, pid: e.pid });
    }
  }
  marks.sort((a, b) => a.i - b.i);
  const main = marks[0] ? { pid: marks[0].pid, tid: marks[0].tid } : null;
  const gcNames = new Set(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'V8.GCIncrementalMarking', 'V8.GCMinorMS', 'V8.GC_MC_INCREMENTAL', 'V8.GCFinalizeMCReduceMemory']);
  const gcs = events.filter((e) => e.ph === 'X' && gcNames.has(e.name) && (!main || (e.pid === main.pid && e.tid === main.tid))).map((e) => ({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) }));
  // The frame callback (or timer) that ran each batch, with its thread CPU time (tdur): a batch slow in wall
  // time while its callback's CPU time stays small was descheduled (other processes' load), not busier.
  const hosts = events.filter((e) => e.ph === 'X' && (e.name === 'FireAnimationFrame' || e.name === 'TimerFire') && main && e.pid === main.pid && e.tid === main.tid);
  const lines = marks.map((m) => {
    const host = hosts.find((h) => h.ts <= m.start && h.ts + h.dur >= m.end);
    const inside = gcs.filter((g) => g.start < m.end && g.end > m.start);
    // Outermost GC events only (MinorGC holds V8.GCScavenger): the longest one per overlapping group.
    const top = inside.filter((g) => !inside.some((o) => o !== g && o.start <= g.start && o.end >= g.end && o.end - o.start > g.end - g.start));
    const b = batches[m.i] ?? { ms: (m.end - m.start) / 1000, records: NaN };
    return { ...m, ms: b.ms, records: b.records, gc: top.map((g) => ({ name: g.name, ms: (Math.min(g.end, m.end) - Math.max(g.start, m.start)) / 1000 })), host: host ? { wall: host.dur / 1000, cpu: (host.tdur ?? NaN) / 1000 } : null };
  });
  const fmt = (l) =>
    `${String(l.i).padStart(3)} ${l.kind.padEnd(7)} ${l.ms.toFixed(2).padStart(6)} ms  records ${String(l.records).padStart(4)}  callback ${l.host ? `wall ${l.host.wall.toFixed(2)} cpu ${l.host.cpu.toFixed(2)} ms` : '?'}  ${l.gc.map((g) => `${g.name} ${g.ms.toFixed(2)} ms`).join(', ')}`;
  console.log(`${layout}: ${lines.length} batches (${batches.length} timed), ${gcs.length} GC events in the renderer, load ${load.map((x) => x.toFixed(2)).join(' -> ')}`);
  lines.forEach((l) => console.log(fmt(l)));
  // The collections of the whole run, to see that they are found at all (and when they ran relative to the batches).
  const nearest = (g) => Math.min(...marks.map((m) => (g.start > m.end ? g.start - m.end : m.start > g.end ? m.start - g.end : 0))) / 1000;
  console.log(`GC events: ${gcs.map((g) => `${g.name} ${((g.end - g.start) / 1000).toFixed(2)} ms (${nearest(g).toFixed(1)} ms from a batch)`).join('; ')}`);
  console.log('slowest:');
  [...lines].sort((a, b) => b.ms - a.ms).slice(0, 8).forEach((l) => console.log(fmt(l)));
  for (const kind of ['burst', 'message']) {
    const of = lines.filter((l) => l.kind === kind);
    const withGc = of.filter((l) => l.gc.length);
    const without = of.filter((l) => !l.gc.length);
    const gcMs = withGc.map((l) => l.gc.reduce((s, g) => s + g.ms, 0));
    console.log(
      `${kind}: ${of.length} batches, median ${median(of.map((l) => l.ms)).toFixed(2)} ms, slowest ${Math.max(...of.map((l) => l.ms)).toFixed(2)}; ` +
        `with a GC inside ${withGc.length} (median ${median(withGc.map((l) => l.ms)).toFixed(2)} ms, GC part median ${median(gcMs).toFixed(2)} ms); ` +
        `without ${without.length} (median ${median(without.map((l) => l.ms)).toFixed(2)}, slowest ${Math.max(...without.map((l) => l.ms)).toFixed(2)})`,
    );
  }
} finally {
  await browser.close();
}

// Per-read times of the adapter's snapshot on a fresh page of the sim, with the JS heap's change over each read
// (a drop: a GC inside it): what the inbox bench's p90 tail is made of (JIT tier-up among the first reads, GC, load).
//   node scripts/bench/lib/snapshot-series.mjs [layout] [entry]   (120 reads after 10; precise memory info)
import { loadavg } from 'node:os';
import { bundle, launchSim, openSimInbox } from './sim-page.mjs';
const layout = process.argv[2] ?? '2026';
const entry = process.argv[3];
const code = await bundle(entry || undefined);
const { browser, context } = await launchSim(['--enable-precise-memory-info']);
try {
  const { page } = await openSimInbox(context, layout);
  await page.addScriptTag({ content: code });
  const load0 = loadavg()[0];
  const r = await page.evaluate(() => {
    window.__inboxBench.snapshots(10);
    const out = [];
    for (let i = 0; i < 120; i++) {
      const h = performance.memory.usedJSHeapSize;
      const t = performance.now();
      window.__inboxBench.snapshots(1);
      const ms = performance.now() - t;
      out.push([ms, (performance.memory.usedJSHeapSize - h) / 1024]);
    }
    return out;
  });
  const sorted = r.map((x) => x[0]).sort((a, b) => a - b);
  const q = (f) => sorted[Math.floor(sorted.length * f)].toFixed(2);
  const gc = r.filter((x) => x[1] < 0);
  const slow = r.filter((x) => x[0] >= Number(q(0.9)));
  console.log(`${layout}: median ${q(0.5)} p90 ${q(0.9)} max ${sorted.at(-1).toFixed(2)}; GC inside ${gc.length}/${r.length} (their ms ${gc.map((x) => x[0].toFixed(1)).join(' ')}); alloc median ${r.map((x) => x[1]).filter((x) => x > 0).sort((a, b) => a - b)[50]?.toFixed(0)} KB; slowest 10%: ${slow.map((x) => `${x[0].toFixed(1)}${x[1] < 0 ? 'gc' : ''}`).join(' ')}; load ${load0.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
  console.log(r.map((x, i) => `${i}:${x[0].toFixed(1)}${x[1] < 0 ? 'g' : ''}`).join(' '));
} finally {
  await browser.close();
}

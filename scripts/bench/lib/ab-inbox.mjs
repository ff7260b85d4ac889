// Paired A/B timing of the adapter's snapshot: two builds of scripts/bench/lib/inbox-entry.ts (say, the
// base commit's, extracted with `git archive`, and the working tree's) injected into ONE page of the
// simulated inbox, timed in alternation, so load on a shared machine hits both alike. Prints the median
// of the paired ratios B/A and their spread.
//   node scripts/bench/lib/ab-inbox.mjs <entry A> <entry B> [layout]   (AB_ROUNDS=60)
import { loadavg } from 'node:os';
import { launchSim, openSimAB } from './sim-page.mjs';

const [a, b, layout = '2026'] = process.argv.slice(2);
const { browser, context } = await launchSim();
try {
  const page = await openSimAB(context, a, b, layout);
  const load = [loadavg()[0]];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Main-thread CPU time (ThreadTime) of N snapshots: unlike the page's clock, other processes' load barely moves it.
  const cpuOf = async (name, n = 40) => {
    const get = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
    const before = await get();
    await page.evaluate(({ name, n }) => window[name].snapshots(n), { name, n });
    return ((await get()) - before) * 1000 / n;
  };
  const ratios = [];
  const t = { A: [], B: [] };
  for (let round = 0; round < Number(process.env.AB_ROUNDS ?? 30); round++) {
    const order = round % 2 ? ['benchA', 'benchB'] : ['benchB', 'benchA'];
    const r = {};
    for (const name of order) r[name] = await cpuOf(name);
    t.A.push(r.benchA);
    t.B.push(r.benchB);
    ratios.push(r.benchB / r.benchA);
  }
  load.push(loadavg()[0]);
  const q = (xs, f) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length * f)];
  console.log(
    `layout ${layout}: CPU per snapshot (incl. CDP overhead / 40): A median ${q(t.A, 0.5).toFixed(3)} ms, B median ${q(t.B, 0.5).toFixed(3)} ms; B/A median ${q(ratios, 0.5).toFixed(3)} (IQR ${q(ratios, 0.25).toFixed(3)}-${q(ratios, 0.75).toFixed(3)}); load ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
  );
} finally {
  await browser.close();
}

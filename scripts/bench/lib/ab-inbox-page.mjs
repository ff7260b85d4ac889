// Paired A/B of the adapter's snapshot timed inside the page (performance.now), many short alternating rounds:
// each round times 10 snapshots of build A and 10 of build B in random order, so load hits both alike. Prints
// the medians per snapshot and the median of the paired ratios B/A with its spread. Quicker than ab-inbox.mjs
// (no CDP round trip per measure), for the same question.
//   node scripts/bench/lib/ab-inbox-page.mjs <entry A> <entry B> [layout]   (AB_ROUNDS=200)
import { loadavg } from 'node:os';
import { launchSim, openSimAB } from './sim-page.mjs';

const [a, b, layout = '2026'] = process.argv.slice(2);
const { browser, context } = await launchSim();
try {
  const page = await openSimAB(context, a, b, layout);
  const load = [loadavg()[0]];
  const r = await page.evaluate((rounds) => {
    const time = (name) => {
      const t = performance.now();
      window[name].snapshots(10);
      return (performance.now() - t) / 10;
    };
    for (let i = 0; i < 20; i++) time('benchA'), time('benchB');
    const A = [];
    const B = [];
    for (let i = 0; i < rounds; i++) {
      if (Math.random() < 0.5) A.push(time('benchA')), B.push(time('benchB'));
      else B.push(time('benchB')), A.push(time('benchA'));
    }
    return { A, B };
  }, Number(process.env.AB_ROUNDS ?? 200));
  load.push(loadavg()[0]);
  const q = (xs, f) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length * f)];
  const ratios = r.A.map((x, i) => r.B[i] / x);
  console.log(
    `layout ${layout}: per snapshot A median ${q(r.A, 0.5).toFixed(3)} ms (p90 ${q(r.A, 0.9).toFixed(3)}), B median ${q(r.B, 0.5).toFixed(3)} ms (p90 ${q(r.B, 0.9).toFixed(3)}); B/A median ${q(ratios, 0.5).toFixed(3)} (IQR ${q(ratios, 0.25).toFixed(3)}-${q(ratios, 0.75).toFixed(3)}); load ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
  );
} finally {
  await browser.close();
}

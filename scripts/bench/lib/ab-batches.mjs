// Paired A/B of the live adapter's batches: two builds of scripts/bench/lib/inbox-entry.ts (say, the base
// commit's, extracted with `git archive`, and the working tree's), each with its own live source on ONE
// page of the simulated inbox. Both observers get the same mutation records and run their batch in the
// same frame, so load on a shared machine hits both alike; each goes first in one of two pages. Load as in scripts/bench/inbox.mjs (bursts of
// 1,000 mutations, then a customer message that re-renders list and thread). Prints per build the median
// and slowest batch, and the median of the paired ratios B/A of batch times (and their spread).
//   node scripts/bench/lib/ab-batches.mjs <entry A> <entry B> [layout]   (AB_ROUNDS=10)
import { loadavg } from 'node:os';
import { bundle, launchSim, openSimInbox } from './sim-page.mjs';

const wrap = (code, name) =>
  `(function(){ const w = window; const saved = w.__inboxBench; ${code}; w['${name}'] = w.__inboxBench; w.__inboxBench = saved; })();`;
const [a, b, layout = '2026'] = process.argv.slice(2);
const codes = [wrap(await bundle(a), 'benchA'), wrap(await bundle(b), 'benchB')];
const { browser, context } = await launchSim();
try {
  const load = [loadavg()[0]];
  const A = [];
  const B = [];
  // Two pages, each build's observer first in one of them: the first batch of a frame pays the page's pending style.
  for (const order of [['benchA', 'benchB'], ['benchB', 'benchA']]) {
    const { page, id } = await openSimInbox(context, layout);
    for (const c of codes) await page.addScriptTag({ content: c });
    // Each build's startObserver publishes its batch log as a global: keep each one under its own name.
    await page.evaluate((order) => {
      for (const name of order) {
        window[name].startObserver();
        window[`${name}Batches`] = window.__inboxBenchBatches;
      }
    }, order);
    await page.waitForTimeout(300);
    await page.evaluate(() => (window.benchABatches.splice(0), window.benchBBatches.splice(0)));
    for (let round = 0; round < Number(process.env.AB_ROUNDS ?? 10); round++) {
      await page.evaluate(() => window.__sim.burst(1000));
      await page.waitForTimeout(300);
      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hello, is anyone there?'), id);
      await page.waitForTimeout(300);
    }
    const got = await page.evaluate(() => ({ A: window.benchABatches.slice(), B: window.benchBBatches.slice() }));
    const n = Math.min(got.A.length, got.B.length);
    A.push(...got.A.slice(0, n));
    B.push(...got.B.slice(0, n));
    await page.close();
  }
  load.push(loadavg()[0]);
  const q = (xs, f) => [...xs].sort((p, q) => p - q)[Math.min(xs.length - 1, Math.floor(xs.length * f))];
  const ms = (xs) => xs.map((x) => x.ms);
  const n = Math.min(A.length, B.length);
  const ratios = [];
  for (let i = 0; i < n; i++) if (A[i].ms > 0) ratios.push(B[i].ms / A[i].ms);
  const big = (xs) => ms(xs.filter((x) => x.records < 100));
  console.log(
    `layout ${layout}: ${A.length}/${B.length} batches; A median ${q(ms(A), 0.5).toFixed(2)} ms, slowest ${Math.max(...ms(A)).toFixed(2)}; ` +
      `B median ${q(ms(B), 0.5).toFixed(2)} ms, slowest ${Math.max(...ms(B)).toFixed(2)}; ` +
      `customer-message batches (< 100 records): A median ${q(big(A), 0.5).toFixed(2)}, B median ${q(big(B), 0.5).toFixed(2)}; ` +
      `B/A paired median ${q(ratios, 0.5).toFixed(3)} (IQR ${q(ratios, 0.25).toFixed(3)}-${q(ratios, 0.75).toFixed(3)}); load ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
  );
} finally {
  await browser.close();
}

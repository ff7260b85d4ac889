// Diagnostic (issue 14): what one real change of the waiting list costs the page's main thread, with the sidebar
// drawn and with it hidden (display:none, the Preact renders still run), alternated in blocks on the same page.
//   node scripts/bench/lib/drawcost-probe.mjs [blocks=6] [perBlock=10]
import { launch, openBenchInbox, waitForSidebar, cdpFor, mainThreadMetrics, diff, median, round, traceDuring } from './chromium.mjs';
import { printSplit, selfTimes } from './trace-self.mjs';
import { isolatedWorld } from '../../../tests/e2e/browser.mjs';

const blocks = Number(process.argv[2] ?? 6);
const perBlock = Number(process.argv[3] ?? 10);
const browser = await launch();
try {
  const page = await openBenchInbox(browser, { conversations: 500, messages: 300 });
  await waitForSidebar(page);
  const world = await isolatedWorld(page);
  await world(`globalThis.__probeStyle = Object.assign(document.createElement('style'), { textContent: ${JSON.stringify(process.env.PROBE_CSS ?? ':host{display:none!important}')} }); 1`);
  const cdp = await cdpFor(browser, page);
  const ids = await page.evaluate(() => window.__sim.list().map((c) => c.id));
  let n = 0;
  const results = { shown: [], hidden: [] };
  const traces = { with: [], without: [] };
  for (let b = 0; b < blocks * 2; b++) {
    const mode = b % 2 === 0 ? 'shown' : 'hidden';
    await world(mode === 'hidden' ? `globalThis.__inboxPilotSidebarRoot.append(globalThis.__probeStyle); 1` : `globalThis.__probeStyle.remove(); 1`);
    await page.waitForTimeout(1500);
    const before = await mainThreadMetrics(cdp);
    const changes = async () => {
      for (let i = 0; i < perBlock; i++) {
        await page.evaluate(([id, k]) => window.__sim.addCustomerMessage(id, `Probe message ${k}: is my order on its way?`), [ids[(n * 13) % ids.length], n]);
        n++;
        await page.waitForTimeout(400);
      }
    };
    // PROBE_TRACE=1: also the split by trace event (shown as "with", the variant as "without").
    if (process.env.PROBE_TRACE) traces[mode === 'shown' ? 'with' : 'without'].push(selfTimes(await traceDuring(cdp, changes)));
    else await changes();
    const after = await mainThreadMetrics(cdp);
    results[mode].push(Object.fromEntries(Object.entries(diff(before, after)).map(([k, v]) => [k, (v * 1000) / perBlock])));
  }
  for (const mode of ['shown', 'hidden']) {
    const keys = Object.keys(results[mode][0]);
    console.log(mode.padEnd(7), keys.map((k) => `${k} ${round(median(results[mode].map((r) => r[k])), 2)}`).join('  '), '(ms per change, medians of blocks)');
  }
  if (process.env.PROBE_TRACE) printSplit(traces, blocks, `block of ${perBlock} changes`, 30);
} finally {
  await browser.close();
}

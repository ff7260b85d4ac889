// Trace of the extension on an unchanging simulated inbox (helper, not a bench): main-thread time by
// trace event name, to see what the idle cost of extension-cost.mjs is made of (script, style, layout, paint).
//   node scripts/bench/lib/trace-idle.mjs [seconds] [burst] [without] [answered]
// `answered`: every conversation answered (the sim's ?waiting=0), so no timer row has anything to count.
import { launch } from '../../../tests/e2e/browser.mjs';
import { mutationBurst, openBenchInbox, stubExtensionDir, traceDuring, waitForSidebar } from './chromium.mjs';

const seconds = Number(process.argv[2] ?? 5);
const without = process.argv.includes('without');
const browser = await launch(without ? { extensionDir: stubExtensionDir() } : undefined);
try {
  const page = await openBenchInbox(browser, { conversations: 500, messages: 300, ...(process.argv.includes('answered') ? { waiting: 0 } : {}) });
  if (!without) await waitForSidebar(page);
  if (process.argv.includes('burst')) await mutationBurst(page, { steps: 60, perStep: 100, gapMs: 16 });
  await page.waitForTimeout(2000);
  const cdp = await browser.context.newCDPSession(page);
  const events = await traceDuring(cdp, () => page.waitForTimeout(seconds * 1000));
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const by = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const k = e.name + (e.args?.data?.functionName ? `:${e.args.data.functionName}` : '') + (e.args?.data?.url ? ` ${String(e.args.data.url).slice(0, 60)}` : '');
    const v = by.get(k) ?? { ms: 0, n: 0 };
    v.ms += (e.dur ?? 0) / 1000;
    v.n++;
    by.set(k, v);
  }
  for (const [k, v] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`${v.ms.toFixed(1).padStart(8)} ms ${String(v.n).padStart(5)}x  ${k}`);
} finally {
  await browser.close();
}

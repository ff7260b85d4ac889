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
  await page.waitForTimeout(Number(process.env.TRACE_SETTLE_MS ?? 2000));
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
  // Each call into the extension's scripts: when (s into the trace), how long, and where (function, line:column of the build).
  const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const calls = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && String(e.args?.data?.url ?? '').startsWith('chrome-extension://'));
  console.log(`${calls.length} calls into the extension in ${seconds} s:`);
  for (const e of calls) console.log(`  ${((e.ts - t0) / 1e6).toFixed(2).padStart(7)} s ${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ms  ${e.name} ${e.args.data.functionName || '(anonymous)'} ${e.args.data.lineNumber ?? ''}:${e.args.data.columnNumber ?? ''}`);
  const fires = events.filter((e) => e.name === 'TimerFire' && main.has(`${e.pid}:${e.tid}`));
  console.log(`${fires.length} TimerFire: ${fires.map((e) => `${((e.ts - t0) / 1e6).toFixed(1)}s`).join(' ')}`);
} finally {
  await browser.close();
}

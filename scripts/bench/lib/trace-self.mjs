// Self time per trace event name on a page's busiest renderer main thread (burst-split.mjs, timers-split.mjs):
// each event's duration minus its children's, script events split into the extension's and the page's by their
// script URL (a callback an extension call made is still the extension's time), and, for style or layout forced
// inside the extension's code, the call that forced it (with the disabled-by-default-devtools.timeline.stack category).
import { loadavg } from 'node:os';
import { EXT_URL, median, round } from './chromium.mjs';

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction', 'V8.Execute', 'EventDispatch']);

/** Style/layout forced inside the extension's code, by forcing call (ms), summed over every call of selfTimes. */
export const forced = new Map();

/** How many events of each name selfTimes saw, summed over every call (frames: Commit, Paint...). */
export const eventCounts = new Map();

/** Self time (ms) by event name on the busiest renderer main thread of a trace. */
export function selfTimes(events) {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const counts = new Map();
  for (const e of events) if (e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`)) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const thread = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = new Map();
  // A stack of open events: each event's time goes to it minus its children's (the innermost name wins).
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const done = stack.pop();
      out.set(done.name, (out.get(done.name) ?? 0) + (done.dur - done.children) / 1000);
      if (stack.length) stack.at(-1).children += done.dur;
    }
  };
  // Script events inherit "extension" from an enclosing extension call (a callback it made is still its time).
  for (const e of mine) {
    close(e.ts);
    const url = String(e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? e.args?.data?.scriptName ?? '');
    const parentExt = stack.some((s) => s.ext);
    const ext = SCRIPT_EVENTS.has(e.name) ? EXT_URL.test(url) || parentExt : parentExt;
    let name = ext ? `${e.name} [extension]` : e.name;
    // SPLIT_TASKS=1: a task's own time by where it was posted from (the scheduler's posting location).
    if (process.env.SPLIT_TASKS && e.name === 'ThreadControllerImpl::RunTask') name += ` ${e.args?.src_func ?? e.args?.src ?? JSON.stringify(e.args ?? {}).slice(0, 60)}`;
    // A style or layout forced inside the extension's code: where (the trace's stack of the forcing call).
    if (ext && (e.name === 'Layout' || e.name === 'UpdateLayoutTree')) {
      const top = e.args?.beginData?.stackTrace?.[0] ?? e.args?.elementData?.stackTrace?.[0];
      const where = top ? `${e.name} ${top.functionName || '(anonymous)'} ${String(top.url).replace(/^.*\//, '')}:${top.lineNumber}:${top.columnNumber}` : `${e.name} (no stack)`;
      forced.set(where, (forced.get(where) ?? 0) + e.dur / 1000);
    }
    eventCounts.set(name, (eventCounts.get(name) ?? 0) + 1);
    stack.push({ name, ext, end: e.ts + e.dur, dur: e.dur, children: 0 });
  }
  close(Infinity);
  return out;
}

/**
 * Prints a with/without split (burst-split.mjs, startup-split.mjs): `results.with` and `results.without` hold one
 * selfTimes map per round; each event's medians over the rounds and their difference, largest first, then the
 * style and layout forced inside the extension. `per` names what one round is ("burst", "load").
 */
export function printSplit(results, rounds, per, lines = 25) {
  const names = new Set([...results.with, ...results.without].flatMap((m) => [...m.keys()]));
  const rows = [...names].map((name) => {
    const w = median(results.with.map((m) => m.get(name) ?? 0));
    const wo = median(results.without.map((m) => m.get(name) ?? 0));
    return { name, with: w, without: wo, diff: w - wo };
  });
  rows.sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
  const total = (side) => median(results[side].map((m) => [...m.values()].reduce((s, v) => s + v, 0)));
  console.log(`${rounds} rounds per browser, load ${loadavg()[0].toFixed(2)}; self time per ${per} on the page's main thread (ms, medians):`);
  console.log(`total: with ${round(total('with'), 1)}, without ${round(total('without'), 1)}, difference ${round(total('with') - total('without'), 1)}`);
  console.log('event'.padEnd(44), 'with'.padStart(8), 'without'.padStart(8), 'diff'.padStart(8));
  for (const row of rows.slice(0, lines)) console.log(row.name.padEnd(44), round(row.with, 1).toFixed(1).padStart(8), round(row.without, 1).toFixed(1).padStart(8), round(row.diff, 1).toFixed(1).padStart(8));
  console.log('\nforced style/layout inside the extension, by the call that forced it (ms, all rounds):');
  for (const [where, ms] of [...forced].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${round(ms, 1)}  ${where}`);
}

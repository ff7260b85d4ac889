// Shared Chromium helpers for the extension-cost and memory benches.
//
// Both benches compare the simulated inbox WITH the built extension and
// WITHOUT it, in the same run and with the same launch flags and request
// routing (the e2e harness, tests/e2e/browser.mjs). "Without" loads a stub
// extension that has a service worker and nothing else, so the only
// difference between the two browsers is Inbox Pilot's code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, sidebar, sidebarFrame } from '../../../tests/e2e/browser.mjs';

/** The user-timing mark the sidebar's frame sets once it drew the sidebar (SIDEBAR_DRAWN_MARK, components/sidebar/mount.tsx). */
const SIDEBAR_DRAWN_MARK = 'inbox-pilot:sidebar-drawn';

export { launch };

/** BENCH_PAIR_CONTROL=1: the stub on both sides (see launchPair). */
export const PAIR_CONTROL = process.env.BENCH_PAIR_CONTROL === '1';

/** A do-nothing MV3 extension: the baseline browser's service worker, so the harness starts the same way. */
export function stubExtensionDir() {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-pilot-stub-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Baseline stub', version: '0.0.1', background: { service_worker: 'background.js' } }),
  );
  writeFileSync(join(dir, 'background.js'), '// baseline: no content script, no work\n');
  return dir;
}

/**
 * BENCH_BASELINE_DIR: an extension build for the "without" browser instead of the stub (an A/B of two builds,
 * or of one build with BENCH_SIDEBAR_CSS on the "with" side only).
 */
export const BASELINE_DIR = process.env.BENCH_BASELINE_DIR || null;

/**
 * Launches the two browsers used for a with/without comparison. BENCH_PAIR_CONTROL=1: both get the stub (a
 * control run: the ratio the pair gives with no extension on either side, i.e. the harness's own bias and noise).
 */
export async function launchPair() {
  const without = await launch({ extensionDir: BASELINE_DIR ?? stubExtensionDir() });
  const withExt = PAIR_CONTROL ? await launch({ extensionDir: stubExtensionDir() }) : await launch();
  return { without, with: withExt };
}

/**
 * Diagnostic: BENCH_WITHOUT_CSS is a stylesheet for the page in the browser without the extension, e.g.
 * `html{margin-right:320px}` (as narrow as the open sidebar makes it: what the narrower page alone costs).
 */
export async function styleWithoutPage(pair) {
  const css = process.env.BENCH_WITHOUT_CSS;
  if (!css) return;
  await pair.without.context.addInitScript((text) => {
    document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: text })));
  }, css);
}

/** Diagnostic: BENCH_SIDEBAR_CSS is a stylesheet for the sidebar's frame, e.g. `.ip-sidebar{display:none!important}`. */
export async function styleSidebar(page) {
  const css = process.env.BENCH_SIDEBAR_CSS;
  if (!css) return;
  const found = await sidebarFrame(page);
  if (!found) throw new Error('BENCH_SIDEBAR_CSS: no sidebar frame on the page');
  await found.frame.evaluate((text) => document.head.append(Object.assign(document.createElement('style'), { textContent: text })), css);
}

/** Records main-world long tasks (PerformanceObserver 'longtask') in window.__longTasks. */
export const LONG_TASK_RECORDER = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Main world: when DOMContentLoaded fired and when the sidebar's host element entered the page. */
export const STARTUP_RECORDER = `(() => {
  const t = (window.__startup = { dcl: null, sidebar: null });
  document.addEventListener('DOMContentLoaded', () => (t.dcl = performance.now()), { once: true });
  const seen = () => document.querySelector('inbox-pilot-sidebar');
  new MutationObserver((_, o) => {
    if (seen()) {
      t.sidebar = performance.now();
      o.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Opens the simulated inbox with one conversation open (so list, thread and composer are all there). */
export async function openBenchInbox(browser, params) {
  await browser.context.addInitScript({ content: LONG_TASK_RECORDER });
  const page = await browser.openInbox({ seed: 1, ...params });
  const first = await page.evaluate(() => window.__sim.list()[0].id);
  await page.evaluate((id) => window.__sim.openConversation(id), first);
  await page.waitForFunction(() => document.querySelector('[contenteditable="true"][role="textbox"]') !== null);
  return page;
}

/**
 * A CDP session on the sidebar's frame (an extension page in the extension's own renderer process, not the
 * inbox's), with its Performance metrics on: what the sidebar costs where it is drawn.
 */
export async function frameCdpFor(browser, page) {
  const found = await sidebarFrame(page);
  if (!found) throw new Error('no sidebar frame on the page');
  const cdp = await browser.context.newCDPSession(found.frame);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** Epoch ms at which the sidebar's frame first drew the sidebar (its user-timing mark), once it has. */
export async function sidebarDrawnAt(page, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = await sidebarFrame(page);
    const at = found
      ? await found.frame.evaluate((mark) => {
          const m = performance.getEntriesByName(mark)[0];
          return m ? performance.timeOrigin + m.startTime : null;
        }, SIDEBAR_DRAWN_MARK).catch(() => null)
      : null;
    if (at !== null) return at;
    if (Date.now() > until) throw new Error('the sidebar frame did not draw the sidebar');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once the extension's sidebar is rendered (with-extension browser only). */
export async function waitForSidebar(page, timeout = 20_000) {
  // In its frame (an extension page), found through the content script's own handle on it.
  await sidebar(page).locator('.ip-section').first().waitFor({ state: 'attached', timeout });
}

/**
 * A mutation burst like Meta's churn, deterministic so both browsers get the
 * same: `steps` tasks `gapMs` apart, each doing `perStep` DOM mutations in the
 * inbox (a list re-render every 50, see __sim.burst); every 10th step a new
 * customer message (a real list + thread change).
 */
export async function mutationBurst(page, { steps = 150, perStep = 100, gapMs = 16 } = {}) {
  await page.evaluate(
    async ({ steps, perStep, gapMs }) => {
      const sim = window.__sim;
      const ids = sim.list().map((c) => c.id);
      for (let i = 0; i < steps; i++) {
        sim.burst(perStep);
        if (i % 10 === 9) sim.addCustomerMessage(ids[(i * 7) % ids.length], `Burst message ${i}: is my order on its way?`);
        await new Promise((r) => setTimeout(r, gapMs));
      }
    },
    { steps, perStep, gapMs },
  );
}

export async function cdpFor(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** Main-thread figures (seconds) from CDP Performance.getMetrics. */
export async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    task: get('TaskDuration'),
    thread: get('ThreadTime'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration'),
    style: get('RecalcStyleDuration'),
  };
}

export const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));

/** Records a trace of the page's renderer while `fn` runs; returns the trace events. */
export async function traceDuring(cdp, fn, extraCategories = '') {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel${extraCategories ? `,${extraCategories}` : ''}`,
    transferMode: 'ReportEvents',
  });
  try {
    await fn();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** A script of an extension (trace events name the script's URL). */
export const EXT_URL = /^chrome-extension:\/\//;

/**
 * Splits a trace into the renderer main thread's tasks and the time the
 * extension's code ran inside each. A task is attributed to the extension
 * when it is long (>= 50 ms) and would not have been without the
 * extension's part (task minus extension time < 50 ms).
 */
export function analyseTrace(events) {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e) => mainThreads.has(`${e.pid}:${e.tid}`);
  // The busiest renderer main thread is the inbox page's.
  const counts = new Map();
  for (const e of events) if (e.name === 'RunTask' && onMain(e)) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const thread = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = (e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && typeof e.dur === 'number';
  // Outermost tasks only (a nested run loop reports RunTask inside RunTask).
  const tasks = [];
  for (const t of events.filter((e) => mine(e) && e.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (last && t.ts + t.dur <= last.ts + last.dur) continue;
    tasks.push(t);
  }
  const extCalls = events
    .filter((e) => mine(e) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame') && EXT_URL.test(String(e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '')))
    .sort((a, b) => a.ts - b.ts);
  // Keep only outermost extension calls (a nested one is already inside its parent's duration).
  const outer = [];
  for (const c of extCalls) {
    const last = outer[outer.length - 1];
    if (last && c.ts >= last.ts && c.ts + c.dur <= last.ts + last.dur) continue;
    outer.push(c);
  }
  let ti = 0;
  const perTask = new Map();
  for (const c of outer) {
    while (ti < tasks.length && tasks[ti].ts + tasks[ti].dur < c.ts) ti++;
    const t = tasks[ti];
    if (t && c.ts >= t.ts) perTask.set(t, (perTask.get(t) ?? 0) + c.dur);
  }
  const LONG = 50_000; // µs
  const longTasks = tasks.filter((t) => t.dur >= LONG);
  const attributed = longTasks.filter((t) => (perTask.get(t) ?? 0) > 0 && t.dur - (perTask.get(t) ?? 0) < LONG);
  const extTotal = outer.reduce((s, c) => s + c.dur, 0);
  const mainTotal = tasks.reduce((s, t) => s + t.dur, 0);
  return {
    tasks: tasks.length,
    mainThreadMs: mainTotal / 1000,
    extensionMs: extTotal / 1000,
    extensionCalls: outer.length,
    maxExtensionInOneTaskMs: Math.max(0, ...perTask.values()) / 1000,
    longTasks: longTasks.length,
    longTasksWithExtensionCode: longTasks.filter((t) => (perTask.get(t) ?? 0) > 0).length,
    longTasksCausedByExtension: attributed.length,
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

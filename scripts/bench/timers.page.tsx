// Benchmark page for the timers sidebar (built by scripts/bench/timers.mjs, loaded in Chromium).
// It runs the same pipeline as the content script: tracker state -> computeTimers on the shared
// clock -> alert signature -> TimersPanel, with 200 waiting conversations.
import { render } from 'preact';
import { computed, signal } from '@preact/signals';
import { TimersPanel } from '../../components/features/timers/TimersPanel';
import { alertsChanged, computeTimers, toAlertItems } from '../../utils/timers/timers';
import { createTimerViews } from '../../components/features/timers/views';
import { applyEvent, emptyTracker } from '../../utils/timers/tracker';
import { isOpenAt } from '../../utils/timers/business-hours';
import type { InboxHealth } from '../../utils/inbox/types';
import type { TrackerState } from '../../utils/timers/types';
import '../../entrypoints/inbox.content/sidebar.css';
import '../../components/features/timers/style.css';

declare global {
  interface Window {
    __bench: { start(ticks: number, periodMs: number): Promise<{ tickMs: number[]; scriptMs: number[]; longTasks: number; rows: number; waiting: number }> };
  }
}

const ROWS = 200;
const start = Date.now();
let tracks: TrackerState = emptyTracker;
for (let i = 0; i < ROWS; i++) {
  // Spread over 0–7 minutes: a mix of ok, soon and late rows, some approximate, some near the 24-h window.
  // ?spread=N: ages spread over N minutes (default 7: about one state change per second, the worst case).
  const spreadMs = Number(new URLSearchParams(location.search).get('spread') ?? 7) * 60_000;
  const at = i % 40 === 0 ? start - 22.5 * 3_600_000 : start - ((i * spreadMs) / ROWS);
  tracks = applyEvent(tracks, {
    kind: 'customer-message', id: `e${i}`, pageId: 'p1', conversation: `c${i}`, customerName: `Customer ${i} ${'é'.repeat(i % 7)}`,
    at, precision: i % 3 === 0 ? 'approximate' : 'exact', atLatest: at + 60_000,
  });
}

const now = signal(start);
const tracksSig = signal(tracks);
const settings = signal({ warningLeadMinutes: 1, businessHours: null, timeBasis: 'auto' as const });
// The same pipeline as the content script's controller (components/features/timers/controller.ts).
const { views, waiting } = createTimerViews({ tracks: tracksSig, clock: now, targetMinutes: signal(5), settings, pageId: signal('p1') });
let lastItems: ReturnType<typeof toAlertItems> | null = null;
// What the controller does when the list changes: check whether the background must hear of it.
const reporter = computed(() => {
  const list = views.value;
  void isOpenAt(now.peek(), null);
  if (!alertsChanged(lastItems, list)) return false;
  lastItems = toAlertItems(list);
  return true;
});
const health = signal<InboxHealth>({ found: { list: true, thread: false, composer: false }, missing: [], recognized: true });
const today = signal({ withinTargetPct: 87, responses: 31 });
const target = signal(5);

const host = document.createElement('div');
host.className = 'ip-sidebar';
host.style.position = 'fixed';
document.body.append(host);
const body = document.createElement('div');
body.className = 'ip-body';
host.append(body);
const harnessOnly = location.search.includes('harness-only');
// ?frozen: the panel is shown but the clock does not move (what merely having it on the page costs).
const frozen = location.search.includes('frozen');
if (!harnessOnly) render(<TimersPanel views={views} now={now} health={health} today={today} targetMinutes={target} open={() => true} />, body);
// ?expanded: the agent pressed "Show all" (every waiting row in the DOM, not only the most urgent).
if (!harnessOnly && location.search.includes('expanded')) body.querySelector<HTMLButtonElement>('[data-testid="timers-show-all"]')?.click();

let longTasks = 0;
new PerformanceObserver((list) => void (longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: false });

window.__bench = {
  start(ticks, periodMs) {
    longTasks = 0;
    const tickMs: number[] = [];
    const scriptMs: number[] = [];
    return new Promise((resolve) => {
      let n = 0;
      const id = setInterval(() => {
        const t0 = performance.now();
        if (!harnessOnly && !frozen) {
          now.value = Date.now();
          void reporter.value;
        }
        // Preact re-renders components on a microtask-debounced queue; signal-bound text nodes update synchronously.
        queueMicrotask(() => {
          queueMicrotask(() => {
            const t1 = performance.now();
            void body.offsetHeight; // force style + layout now, so they are inside the measured span
            const t2 = performance.now();
            tickMs.push(t2 - t0);
            scriptMs.push(t1 - t0);
            if (++n >= ticks) {
              clearInterval(id);
              setTimeout(() => resolve({ tickMs, scriptMs, longTasks, rows: body.querySelectorAll('[data-testid="timer-row"]').length, waiting: views.value.length }), 100);
            }
          });
        });
      }, periodMs);
    });
  },
};
document.title = 'ready';
// Diagnostics for tuning (not used by the benchmark figures).
(window as unknown as { __parts: unknown }).__parts = {
  compute: (n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) computeTimers(waiting.value, { now: Date.now() + i, targetMinutes: 5, settings: settings.value, pageId: 'p1' });
    return (performance.now() - t0) / n;
  },
  /** n ticks back to back (clock advanced 1 s each), each flushed and laid out: ms per tick. */
  ticks: async (n: number, layout = true) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      now.value += 1000;
      void reporter.value;
      await new Promise<void>((r) => queueMicrotask(() => queueMicrotask(() => queueMicrotask(r))));
      if (layout) void body.offsetHeight;
    }
    return (performance.now() - t0) / n;
  },
  signature: (n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) alertsChanged(lastItems, views.value);
    return (performance.now() - t0) / n;
  },
};

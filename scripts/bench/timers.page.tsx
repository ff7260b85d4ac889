// Benchmark page for the timers sidebar (built by scripts/bench/timers.mjs, loaded in Chromium).
// It runs the same pipeline as the sidebar frame: tracker state -> computeTimers on the shared
// clock -> alert signature -> TimersPanel, with 200 waiting conversations.
import { render } from 'preact';
import { computed, effect, signal } from '@preact/signals';
import { TimersPanel } from '../../components/features/timers/TimersPanel';
import { createTicker, viewsByKey } from '../../components/features/timers/ticker';
import { CLOCK_GRID_MS, createClock } from '../../utils/clock';
import { alertsChanged, computeTimers, toAlertItems } from '../../utils/timers/timers';
import { createTimerViews } from '../../components/features/timers/views';
import { applyEvent, emptyTracker } from '../../utils/timers/tracker';
import { isOpenAt } from '../../utils/timers/business-hours';
import type { InboxHealth } from '../../utils/inbox/types';
import type { TrackerState } from '../../utils/timers/types';
import '../../entrypoints/sidebar/sidebar.css';
import '../../components/features/timers/style.css';

declare global {
  interface Window {
    __bench: {
      start(seconds: number): Promise<{ longTasks: number; moves: number; rows: number; waiting: number }>;
      moves(n: number, gapMs: number): Promise<{ tickMs: number[]; scriptMs: number[]; floorMs: number[]; writes: number[] }>;
    };
  }
}

// ?rows=N: as many waiting (a diagnostic: a move costs the same with 30 as with 200, its cost is not per row).
const ROWS = Number(new URLSearchParams(location.search).get('rows') ?? 200);
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

const harnessOnly = location.search.includes('harness-only');
// ?frozen: the panel is shown but the clock does not move (what merely having it on the page costs).
const frozen = location.search.includes('frozen');
// The content script's one shared clock (utils/clock.ts): it moves only when a row shown or the list's
// state will read differently. Started by __bench.start; before that, a clock that never moves.
const clockAbort = new AbortController();
const clock = signal<ReturnType<typeof createClock> | null>(null);
const idle = signal(start);
const now = computed(() => (clock.value ? clock.value.now.value : idle.value));
const wakes: Array<ReturnType<typeof signal<number>>> = [];
const wakeAt = (at: { value: number; peek(): number }) => {
  const mirror = signal(at.peek());
  effect(() => void (mirror.value = at.value));
  wakes.push(mirror);
  return () => undefined;
};
const tracksSig = signal(tracks);
const settings = signal({ warningLeadMinutes: 1, businessHours: null, timeBasis: 'auto' as const });
// The same pipeline as the content script's controller (components/features/timers/controller.ts).
const { views, waiting, stateChangeAt } = createTimerViews({ tracks: tracksSig, clock: now, targetMinutes: signal(5), settings, pageId: signal('p1') });
wakeAt(stateChangeAt);
/** Time spent in the ticker's clock effect per move, with the style and layout it causes (forced inside the span). */
let measuring = false;
const tickMsLog: number[] = [];
const scriptMsLog: number[] = [];
/** The ticking texts each measured move rewrote (the ticker writes a text node's data, or replaces an element's text). */
const writesLog: number[] = [];
const textWrites = new MutationObserver(() => undefined);
const benchScope = {
  effect(fn: () => void | (() => void)) {
    effect(() => {
      if (measuring) textWrites.takeRecords();
      const t0 = performance.now();
      const r = fn();
      if (measuring) {
        const t1 = performance.now();
        void body.offsetHeight;
        tickMsLog.push(performance.now() - t0);
        scriptMsLog.push(t1 - t0);
        writesLog.push(textWrites.takeRecords().length);
      }
      return r;
    });
  },
  onInvalidated: () => undefined,
};
const byKey = viewsByKey(views);
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
textWrites.observe(body, { characterData: true, childList: true, subtree: true });
const ticker = createTicker(benchScope, byKey, now, wakeAt);
if (!harnessOnly) render(<TimersPanel views={views} now={now} ticker={ticker} health={health} today={today} targetMinutes={target} open={() => true} />, body);
// ?expanded: the agent pressed "Show all" (every waiting row in the DOM, not only the most urgent).
if (!harnessOnly && location.search.includes('expanded')) body.querySelector<HTMLButtonElement>('[data-testid="timers-show-all"]')?.click();

let longTasks = 0;
new PerformanceObserver((list) => void (longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: false });

window.__bench = {
  /** Runs the real clock for `seconds`: it moves only when something on screen changes (the figures count its moves). */
  start(seconds) {
    longTasks = 0;
    let moves = 0;
    if (!harnessOnly && !frozen) {
      const c = createClock(clockAbort.signal);
      for (const w of wakes) c.wakeAt(w);
      clock.value = c;
      effect(() => {
        void c.now.value;
        moves++;
        void reporter.value;
      });
      moves = 0;
    }
    return new Promise((resolve) => {
      setTimeout(() => {
        clockAbort.abort();
        resolve({ longTasks, moves, rows: body.querySelectorAll('[data-testid="timer-row"]').length, waiting: views.value.length });
      }, seconds * 1000);
    });
  },
  /** Measures `n` of the clock's moves, each with its floor (measureMoves); before `start` only. */
  moves: (n, gapMs) => measureMoves(n, gapMs),
};
/** A frame, then `gapMs` of nothing: the machine is as idle as between two of the clock's moves (10 s and more). */
const settle = (gapMs: number) => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, gapMs)));

/**
 * The floor under a move: `writes` of the rows' ticking texts changed by hand and laid out, with no
 * extension code. Any text changed on screen costs this much style and layout, whoever changes it.
 */
function bareWrites(writes: number): number {
  const texts = [...body.querySelectorAll('.ip-tick')].map((el) => el.firstChild).filter((n): n is Text => n?.nodeType === 3);
  const t0 = performance.now();
  for (let i = 0; i < writes; i++) {
    const node = texts[i % texts.length]!;
    node.data = node.data.endsWith(' ') ? node.data.slice(0, -1) : `${node.data} `;
  }
  void body.offsetHeight;
  return performance.now() - t0;
}

async function measureMoves(n: number, gapMs: number) {
  const tickMs: number[] = [];
  const scriptMs: number[] = [];
  const writes: number[] = [];
  // The real clock's moves (utils/clock.ts: the first instant a row or the list needs, on its 10-s grid),
  // replayed on the harness clock without waiting the 10 s, each `gapMs` after the last one's frame; after
  // each, a bare round of as many text writes (bareWrites), as long after its own frame.
  const floorMs: number[] = [];
  for (let i = 0; i < n; i++) {
    await settle(gapMs);
    const t = idle.peek();
    let need = Number.POSITIVE_INFINITY;
    for (const w of wakes) if (w.peek() > t && w.peek() < need) need = w.peek();
    if (!Number.isFinite(need)) break;
    const logged = tickMsLog.length;
    measuring = true;
    idle.value = Math.ceil(need / CLOCK_GRID_MS) * CLOCK_GRID_MS; // the ticker's effect runs here, measured
    measuring = false;
    // One run of the ticker per move (the signals settle the list first); summed should that ever change.
    const sum = (log: number[]) => log.splice(logged).reduce((a, b) => a + b, 0);
    tickMs.push(sum(tickMsLog));
    scriptMs.push(sum(scriptMsLog));
    writes.push(sum(writesLog));
    await settle(gapMs);
    floorMs.push(bareWrites(writes[writes.length - 1]!));
  }
  return { tickMs, scriptMs, floorMs, writes };
}
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
      idle.value += 1000;
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

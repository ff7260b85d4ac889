import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Scope } from '../../../utils/lifecycle/scope';
import { formatDuration, messagesFor } from '../../../utils/i18n';
import { advance, windowNotice } from '../../../utils/timers/timers';
import { nextWakeAt, shownMinutes, textsChangeIn } from '../../../utils/timers/schedule';
import type { TimerView } from '../../../utils/timers/types';
import { timerMessages } from './strings';

/**
 * The ticking texts of the timer rows: what they say at an instant, when they
 * can next read differently, and the one clock effect that keeps the rows in
 * view current. Between two changes of its texts (a late row's minutes, a
 * window's minutes), a row costs one comparison per tick: no formatting, no
 * allocation, no DOM write, no frame.
 */

const t = messagesFor(timerMessages);

/** The texts of a row that move with the clock. */
export interface RowTexts {
  elapsed: string;
  detail: string;
  window: string;
}

/** A duration as the whole minutes it shows (under a minute: "< 1 min"; "4 min", "1 h 05", from two days "2 d 3 h"). */
function minutesText(ms: number): string {
  const m = shownMinutes(ms);
  return m === 0 ? t.value.underAMinute : formatDuration(m * 60).replace(/ 00$/, '');
}

/** What a row says at `at`: every figure in whole minutes (issue 14), so the clock can sleep between minutes (schedule.ts). */
export function rowTexts(v: TimerView | undefined, now: number, approximate: boolean): RowTexts {
  if (!v) return { elapsed: '', detail: '', window: '' };
  const f = advance(v, now);
  const approx = approximate ? '~' : '';
  const label = t.value[`state_${v.state}`];
  const elapsed = approx + minutesText(f.elapsedWallMs);
  const detail =
    v.state === 'closed'
      ? label
      : v.state === 'late'
        ? `${label} · ${t.value.over(approx + minutesText(-f.leftMs))}`
        : `${label} · ${t.value.left(approx + minutesText(f.leftMs))}`;
  const w = windowNotice({ windowLeftMs: f.windowLeftMs, humanAgentLeftMs: f.humanAgentLeftMs });
  const d = w && w.kind !== 'closed' ? approx + minutesText(w.leftMs) : '';
  const window = !w
    ? ''
    : w.kind === 'closed'
      ? w.after === 'messaging'
        ? t.value.templatesOnly
        : t.value.windowClosed
      : w.kind === 'messaging'
        ? t.value.windowLeft(d)
        : t.value.humanAgentLeft(d);
  return { elapsed, detail, window };
}

/** A list's views by key. */
export interface ViewLookup {
  get(key: string): TimerView | undefined;
}

/**
 * The views by key, for the ticker and the rows: a new lookup for each list (what re-runs them), over one
 * map patched in place (not a new map of 200 entries on each state change). A lookup answers for its
 * own list only.
 */
export function viewsByKey(views: ReadonlySignal<readonly TimerView[]>): ReadonlySignal<ViewLookup> {
  const map = new Map<string, { view: TimerView; list: number }>();
  let lists = 0;
  return computed(() => {
    const list = views.value;
    const id = ++lists;
    for (const v of list) {
      const entry = map.get(v.key);
      if (entry) {
        entry.view = v;
        entry.list = id;
      } else map.set(v.key, { view: v, list: id });
    }
    if (map.size > list.length) for (const [key, entry] of map) if (entry.list !== id) map.delete(key);
    return {
      get(key: string) {
        const entry = map.get(key);
        return entry && entry.list === id ? entry.view : undefined;
      },
    };
  });
}

const shifted = (a: number | null, b: number | null, dt: number) => (a === null ? b === null : b !== null && a - b === dt);

/**
 * Whether two views of a conversation show the same figures at any instant
 * after both: a list recomputed for another row's state change leaves this
 * one's texts as they were.
 */
export function sameFigures(a: TimerView, b: TimerView): boolean {
  if (a === b) return true;
  const dt = b.at - a.at;
  return (
    a.key === b.key &&
    a.state === b.state &&
    a.precision === b.precision &&
    a.counting === b.counting &&
    b.elapsedWallMs - a.elapsedWallMs === dt &&
    (a.counting ? a.leftMs - b.leftMs === dt : a.leftMs === b.leftMs) &&
    shifted(a.windowLeftMs, b.windowLeftMs, dt) &&
    shifted(a.humanAgentLeftMs, b.humanAgentLeftMs, dt)
  );
}

/** A row's ticking texts as shown, and what they were computed from. */
export interface RowHandle {
  key: string;
  approximate: boolean;
  els: { elapsed: HTMLElement | null; detail: HTMLElement | null; window: HTMLElement | null };
  last: RowTexts;
  view: TimerView | undefined;
  /** The instant the texts are for, and the first instant they can read differently. */
  at: number;
  nextAt: number;
}

export function rowHandle(key: string, approximate: boolean): RowHandle {
  const none = { elapsed: '', detail: '', window: '' };
  return { key, approximate, els: { elapsed: null, detail: null, window: null }, last: none, view: undefined, at: 0, nextAt: 0 };
}

/** Recomputes a row's texts at `at` (and when they next change). */
export function refresh(h: RowHandle, v: TimerView | undefined, at: number): RowTexts {
  h.view = v;
  h.at = at;
  h.nextAt = v ? at + textsChangeIn(v, at) : Number.POSITIVE_INFINITY;
  return (h.last = rowTexts(v, at, h.approximate));
}

/**
 * One clock effect for the whole list, bound to the feature's scope: on each
 * move of the clock it rewrites the ticking texts of the rows shown whose texts
 * can have changed, and only the texts that did. It asks the shared clock to
 * wake at the first instant a row will read differently (nextWakeAt); the state
 * changes of the list are the controller's. No IntersectionObserver for the rows
 * out of the sidebar's view (issue 14): it computed intersections on every frame
 * of the page (5 ms per mutation burst), while the clock moves at most every
 * 10 s and a row costs one comparison until its texts change.
 */
export function createTicker(
  scope: Pick<Scope, 'effect' | 'onInvalidated'>,
  byKey: ReadonlySignal<ViewLookup>,
  now: ReadonlySignal<number>,
  wakeAt: (at: ReadonlySignal<number>) => () => void,
) {
  const rows = new Set<RowHandle>();
  let locale = t.peek();
  /** The first instant a row shown reads differently (+Infinity: none). */
  const wake = signal(Number.POSITIVE_INFINITY);
  const plan = () => {
    wake.value = nextWakeAt(rows, Number.POSITIVE_INFINITY);
  };
  const write = (h: RowHandle, at: number, force: boolean) => {
    const v = byKey.peek().get(h.key);
    if (!force && at >= h.at && at < h.nextAt && (v === h.view || (v !== undefined && h.view !== undefined && sameFigures(h.view, v)))) {
      h.view = v; // same figures: the texts and their next change stand
      return;
    }
    const before = h.last;
    const next = refresh(h, v, at);
    for (const part of ['elapsed', 'detail', 'window'] as const) {
      const el = h.els[part];
      if (!el || next[part] === before[part]) continue;
      // Write into the text node Preact rendered (it keeps a reference to it); never parsed as HTML.
      const node = el.firstChild;
      if (node && node.nodeType === 3 && !node.nextSibling) (node as Text).data = next[part];
      else el.textContent = next[part];
    }
  };
  scope.effect(() => {
    const at = now.value;
    void byKey.value;
    const lang = t.value; // the language changed: rewrite everything
    const force = lang !== locale;
    locale = lang;
    for (const h of rows) write(h, at, force);
    plan();
  });
  scope.onInvalidated(wakeAt(wake));
  scope.onInvalidated(() => rows.clear());
  return {
    byKey,
    /** When the clock must next move for the rows shown (tests). */
    wake: wake as ReadonlySignal<number>,
    watch(h: RowHandle) {
      rows.add(h);
      plan();
      return () => {
        rows.delete(h);
        plan();
      };
    },
  };
}
export type Ticker = ReturnType<typeof createTicker>;

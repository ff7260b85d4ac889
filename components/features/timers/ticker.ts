import { effect, type ReadonlySignal } from '@preact/signals';
import { formatDuration, messagesFor } from '../../../utils/i18n';
import { advance, windowNotice } from '../../../utils/timers/timers';
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

/** A duration rounded down to whole minutes (under a minute: "< 1 min"). */
function wholeMinutes(ms: number): string {
  if (ms < 60_000) return t.value.underAMinute;
  return formatDuration(Math.floor(ms / 60_000) * 60).replace(/ 00$/, '');
}

export function rowTexts(v: TimerView | undefined, now: number, approximate: boolean): RowTexts {
  if (!v) return { elapsed: '', detail: '', window: '' };
  const f = advance(v, now);
  const approx = approximate ? '~' : '';
  const label = t.value[`state_${v.state}`];
  // Past the target, seconds add nothing: late rows count in whole minutes (and change once a minute).
  const elapsed = approx + (v.state === 'late' ? wholeMinutes(f.elapsedWallMs) : formatDuration(f.elapsedWallMs / 1000));
  // Seconds only where they matter (about to be late): fewer changing texts, less noise to read.
  const detail =
    v.state === 'closed'
      ? label
      : v.state === 'soon'
      ? `${label} · ${t.value.left(approx + formatDuration(Math.max(0, f.leftMs) / 1000))}`
      : v.state === 'late'
        ? `${label} · ${t.value.over(approx + wholeMinutes(-f.leftMs))}`
        : `${label} · ${t.value.left(approx + wholeMinutes(f.leftMs))}`;
  const w = windowNotice({ windowLeftMs: f.windowLeftMs, humanAgentLeftMs: f.humanAgentLeftMs });
  const d = w && w.kind !== 'closed' ? approx + formatDuration(w.leftMs / 1000) : '';
  const window = !w ? '' : w.kind === 'closed' ? t.value.windowClosed : w.kind === 'messaging' ? t.value.windowLeft(d) : t.value.humanAgentLeft(d);
  return { elapsed, detail, window };
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
/** formatDuration shows seconds under an hour (a second's margin for its rounding). */
const SECONDS_SHOWN_UNDER_MS = 3_601_000;

/**
 * Ms until a duration moving by `slope` ms per ms can show differently with a
 * display step of `step` ms: it crosses a multiple of the step, or half a
 * second either side of one (formatDuration rounds to the second). Early is
 * harmless (one recomputation that finds the same texts); late never happens.
 */
function msToNextStep(ms: number, slope: 1 | -1 | 0, step: number): number {
  if (slope === 0) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (const offset of [-500, 0, 500]) {
    const d = slope > 0 ? mod(offset - ms, step) : mod(ms - offset, step);
    // On a boundary now: a falling value reads differently 1 ms later.
    best = Math.min(best, d === 0 ? 1 : d);
  }
  return best;
}

/**
 * Ms from `at` until rowTexts(v, …) can read differently, as long as `v`
 * stands (state changes, windows appearing, schedule edges recompute the
 * views: see nextChangeAt). Mirrors the steps rowTexts shows.
 */
export function textsChangeIn(v: TimerView, at: number): number {
  const f = advance(v, at);
  const elapsedStep = v.state !== 'late' && f.elapsedWallMs < SECONDS_SHOWN_UNDER_MS ? 1_000 : 60_000;
  let next = msToNextStep(f.elapsedWallMs, 1, elapsedStep);
  next = Math.min(next, msToNextStep(f.leftMs, v.counting ? -1 : 0, v.state === 'soon' ? 1_000 : 60_000));
  const w = windowNotice(f);
  if (w && w.kind !== 'closed') next = Math.min(next, msToNextStep(w.leftMs, -1, w.leftMs < SECONDS_SHOWN_UNDER_MS ? 1_000 : 60_000));
  return next;
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
  visible: boolean;
  els: { elapsed: HTMLElement | null; detail: HTMLElement | null; window: HTMLElement | null };
  last: RowTexts;
  view: TimerView | undefined;
  /** The instant the texts are for, and the first instant they can read differently. */
  at: number;
  nextAt: number;
}

export function rowHandle(key: string, approximate: boolean): RowHandle {
  const none = { elapsed: '', detail: '', window: '' };
  return { key, approximate, visible: true, els: { elapsed: null, detail: null, window: null }, last: none, view: undefined, at: 0, nextAt: 0 };
}

/** Recomputes a row's texts at `at` (and when they next change). */
export function refresh(h: RowHandle, v: TimerView | undefined, at: number): RowTexts {
  h.view = v;
  h.at = at;
  h.nextAt = v ? at + textsChangeIn(v, at) : Number.POSITIVE_INFINITY;
  return (h.last = rowTexts(v, at, h.approximate));
}

/**
 * One clock effect for the whole list: on each tick it rewrites the ticking
 * texts of the rows in view (an IntersectionObserver tells which) whose texts
 * can have changed, and only the texts that did. Rows out of view cost
 * nothing until they scroll in.
 */
export function createTicker(byKey: ReadonlySignal<Map<string, TimerView>>, now: ReadonlySignal<number>) {
  const rows = new Map<Element, RowHandle>();
  let locale = t.peek();
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
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              const h = rows.get(e.target);
              if (!h) continue;
              h.visible = e.isIntersecting;
              if (h.visible) write(h, now.peek(), true);
            }
          },
          { rootMargin: '200px 0px' },
        )
      : null;
  const stop = effect(() => {
    const at = now.value;
    void byKey.value;
    const lang = t.value; // the language changed: rewrite everything
    const force = lang !== locale;
    locale = lang;
    for (const h of rows.values()) if (h.visible) write(h, at, force);
  });
  return {
    watch(li: Element, h: RowHandle) {
      rows.set(li, h);
      io?.observe(li);
      return () => {
        io?.unobserve(li);
        rows.delete(li);
      };
    },
    dispose() {
      stop();
      io?.disconnect();
      rows.clear();
    },
  };
}
export type Ticker = ReturnType<typeof createTicker>;

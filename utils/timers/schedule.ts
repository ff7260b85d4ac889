import { advance, windowNotice } from './timers';
import type { TimerView } from './types';

/**
 * When a timer row reads differently (issue 14: the clock sleeps until then).
 *
 * Rows show whole minutes ("< 1 min", "4 min", "1 h 05"), and whole hours from
 * two days on ("2 d 3 h", formatDuration's own step there). So each figure of a
 * row changes at a known instant, and the one shared clock can sleep until the
 * first of them, or the next state change (nextChangeAt), whichever is first.
 * Pure: the ticker and its tests call the same functions.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** From this duration on, formatDuration shows days and hours (its `h < 48` branch). */
export const HOURS_SHOWN_FROM_MS = 48 * HOUR_MS;

const mod = (a: number, n: number) => ((a % n) + n) % n;
const stepOf = (ms: number) => (ms >= HOURS_SHOWN_FROM_MS ? HOUR_MS : MINUTE_MS);

/** The whole minutes a duration shows as (0: "< 1 min"; from two days on, whole hours of minutes). Negative: 0. */
export function shownMinutes(ms: number): number {
  if (!(ms > 0)) return 0;
  const step = stepOf(ms);
  return (Math.floor(ms / step) * step) / MINUTE_MS;
}

/** Ms until a duration growing from `ms` shows another figure (it reaches its next step). */
export function untilRising(ms: number): number {
  if (ms < 0) return MINUTE_MS - ms; // shown as 0 until it reaches one minute
  const step = stepOf(ms);
  return step - mod(ms, step);
}

/** Ms until a duration falling from `ms` shows another figure (it drops below its current step); never, under a minute. */
export function untilFalling(ms: number): number {
  if (ms < MINUTE_MS) return Number.POSITIVE_INFINITY; // "< 1 min" down to 0 (where the state changes: nextChangeAt)
  // Shown as floor(ms / step): it changes 1 ms after reaching the step below (exactly on it, it still reads the same).
  return mod(ms, stepOf(ms)) + 1;
}

/**
 * Ms from `at` until the row's texts (rowTexts, components/features/timers/ticker.ts: whole minutes
 * elapsed, before or over the target, a window's time left) read differently, as long as `v` stands (a state change, a window
 * appearing or closing, a schedule edge recompute the views: nextChangeAt plans those). Exact: at the
 * instant it gives, the row reads differently (and never before it).
 */
export function textsChangeIn(v: TimerView, at: number): number {
  const f = advance(v, at);
  let next = untilRising(f.elapsedWallMs);
  if (v.counting && v.state !== 'closed') next = Math.min(next, v.state === 'late' ? untilRising(-f.leftMs) : untilFalling(f.leftMs));
  const w = windowNotice(f);
  if (w && w.kind !== 'closed') next = Math.min(next, untilFalling(w.leftMs));
  return next;
}

/**
 * The instant the shared clock must next move: the first text change of a row on screen
 * (`shown`, each with the instant its texts are for and its view), or `stateChangeAt` (the
 * list's next state change, nextChangeAt), whichever is first. +Infinity: nothing will change.
 */
export function nextWakeAt(shown: Iterable<{ view: TimerView | undefined; at: number; nextAt?: number }>, stateChangeAt: number): number {
  let next = stateChangeAt;
  for (const { view, at, nextAt } of shown) {
    if (!view) continue;
    // A row whose texts were just worked out (the ticker's refresh) knows it already: not again on every move.
    const t = nextAt ?? at + textsChangeIn(view, at);
    if (t < next) next = t;
  }
  return next;
}

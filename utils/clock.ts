import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';

/**
 * One shared clock for every timer on the page (issue 14): a signal that moves
 * only when something on screen will read differently. Consumers tell it when
 * with `wakeAt` (a signal of the next instant they need, +Infinity for never);
 * the clock sleeps until the earliest one, with one timer. No tick while nothing
 * would change. When the tab is hidden it sleeps, and it catches up at once when
 * the tab shows again.
 *
 * It moves on the wall clock's marks every CLOCK_GRID_MS: needs that fall
 * between two marks share one move, one recomputation and one frame. With 200
 * waiting, rows reach their next minute or state at instants a second or two
 * apart, and a move with its frame costs about 2.5 ms of the main thread
 * whatever it carries (issue 14, scripts/bench/timers.mjs). A figure then
 * changes at most that late, never early; the figures are whole minutes.
 */
export const CLOCK_GRID_MS = 10_000;
export interface Clock {
  now: ReadonlySignal<number>;
  /** Asks the clock to move at the instant `at` holds (ms since the epoch; re-read whenever it changes). Returns the release. */
  wakeAt(at: ReadonlySignal<number>): () => void;
}

export function createClock(signal_: AbortSignal, doc: Document = document, read: () => number = Date.now, gridMs = CLOCK_GRID_MS): Clock {
  const now = signal(read());
  const needs = signal<ReadonlyArray<ReadonlySignal<number>>>([]);
  const visible = signal(doc.visibilityState !== 'hidden');
  // The first instant still ahead: a need the clock already reached (a consumer that has not planned
  // again yet, or never will) is met, so it can neither wake the clock again nor spin it.
  const next = computed(() => {
    const t = now.value;
    let at = Number.POSITIVE_INFINITY;
    for (const n of needs.value) if (n.value > t && n.value < at) at = n.value;
    return at;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const arm = (need: number) => {
    stop();
    if (!visible.peek() || !Number.isFinite(need)) return;
    const at = Math.ceil(need / gridMs) * gridMs;
    timer = setTimeout(() => {
      timer = undefined;
      const t = read();
      // A timer may fire a little early by the wall clock: sleep the rest, never move before the instant.
      if (t < at) return arm(at);
      now.value = t; // the consumers plan their next instant from it; the effect below arms the clock for it
    }, Math.max(0, at - read()));
  };
  const dispose = effect(() => {
    const at = next.value;
    if (visible.value) arm(at);
    else stop();
  });
  const onVisibility = () => {
    const shown = doc.visibilityState !== 'hidden';
    if (shown && !visible.peek()) now.value = read(); // catch up at once
    visible.value = shown;
  };
  doc.addEventListener('visibilitychange', onVisibility, { signal: signal_ });
  signal_.addEventListener(
    'abort',
    () => {
      dispose();
      stop();
    },
    { once: true },
  );
  return {
    now,
    wakeAt(at) {
      if (signal_.aborted) return () => undefined;
      needs.value = [...needs.peek(), at];
      return () => void (needs.value = needs.peek().filter((n) => n !== at));
    },
  };
}

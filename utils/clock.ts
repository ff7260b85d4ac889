import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * One shared clock for every timer on the page: a signal that ticks once a
 * second while the tab is visible (no per-row intervals). When the tab is
 * hidden it stops, and it catches up at once when the tab shows again.
 */
export function createClock(signal_: AbortSignal, periodMs = 1000, doc: Document = document): ReadonlySignal<number> {
  const now = signal(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => {
    if (timer !== undefined) return;
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), periodMs);
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const onVisibility = () => (doc.visibilityState === 'hidden' ? stop() : start());
  doc.addEventListener('visibilitychange', onVisibility, { signal: signal_ });
  signal_.addEventListener('abort', stop, { once: true });
  onVisibility();
  return now;
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type { Scope } from '../../../utils/lifecycle/scope';

/**
 * The waiting list drawn at most once per second (the rows' own figures tick at that pace anyway).
 *
 * Why (issue 14): each change of the list the sidebar draws cost about 3 ms of paint, layout and compositing
 * besides the script (measured when the sidebar was drawn inside the inbox's page, stop 30), and a burst of new
 * messages brought one change per batch. The sidebar is now drawn in its own frame, off the inbox's main thread
 * (components/sidebar/page-host.ts); the rule still spares the laptop that work. A change after a quiet second is drawn at once, so a single new
 * message (or a reply that takes a row away) shows as soon as it is read; the changes that follow within
 * the second are drawn together at its end, as the list is then. A hidden tab draws nothing: there the
 * list follows at once (and a throttled timer of a hidden tab cannot hold it back when the tab shows again).
 */
export const DRAW_GAP_MS = 1_000;

export function drawnEvery<T>(
  source: ReadonlySignal<T>,
  scope: Pick<Scope, 'effect' | 'onInvalidated'>,
  options: { gapMs?: number; clock?: () => number; hidden?: () => boolean } = {},
): ReadonlySignal<T> {
  const gapMs = options.gapMs ?? DRAW_GAP_MS;
  const clock = options.clock ?? (() => performance.now());
  const hidden = options.hidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
  const drawn = signal(source.peek());
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    clearTimeout(timer);
    timer = undefined;
    lastAt = clock();
    drawn.value = source.peek();
  };
  scope.effect(() => {
    const next = source.value;
    if (timer !== undefined) {
      // Planned: the gap's end draws the list as it is then (a tab hidden meanwhile follows at once).
      if (hidden()) draw();
      return;
    }
    if (next === drawn.peek()) return;
    if (hidden() || clock() - lastAt >= gapMs) draw();
    else timer = setTimeout(draw, lastAt + gapMs - clock());
  });
  scope.onInvalidated(() => clearTimeout(timer));
  return drawn;
}

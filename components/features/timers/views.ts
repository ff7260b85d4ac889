import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { TimingSettings } from '../../../utils/timers/settings';
import { computeTimers, createTimerMemo, scheduleEdgeAfter, waitingTracks } from '../../../utils/timers/timers';
import type { TimerView, TrackerState } from '../../../utils/timers/types';

export interface TimerInputs {
  tracks: ReadonlySignal<TrackerState>;
  /** The shared clock (moves when a row or the list will read differently: utils/clock.ts). */
  clock: ReadonlySignal<number>;
  targetMinutes: ReadonlySignal<number>;
  settings: ReadonlySignal<Pick<TimingSettings, 'warningLeadMinutes' | 'businessHours' | 'timeBasis'>>;
  pageId: ReadonlySignal<string | null>;
}

/**
 * The waiting list as a signal that changes only when something in it does:
 * the tracker, the settings, or the clock crossing the next state change
 * (nextChangeAt). Between two changes a tick costs one comparison here; the
 * ticking figures of the rows shown advance from `view.at` on their own.
 * A recomputation keeps the view objects whose state still stands (TimerMemo):
 * with 200 waiting, a change of one row rebuilds one view, not 200.
 */
export function createTimerViews(inputs: TimerInputs) {
  const waiting = computed(() => waitingTracks(inputs.tracks.value));
  const epoch = signal(0);
  let changeAt = Number.POSITIVE_INFINITY;
  const memo = createTimerMemo();
  const views = computed<TimerView[]>(() => {
    void epoch.value;
    const now = inputs.clock.peek();
    const settings = inputs.settings.value;
    const list = computeTimers(waiting.value, { now, targetMinutes: inputs.targetMinutes.value, settings, pageId: inputs.pageId.value }, memo);
    // The schedule's own edges (not only when counting business time): quiet hours follow them too.
    // The views' own edges come with the memo (viewChangeAt).
    changeAt = Math.min(memo.changeAt, scheduleEdgeAfter(now, settings.businessHours));
    return list;
  });
  const dispose = effect(() => {
    const now = inputs.clock.value;
    void views.value; // computed first: it sets changeAt
    if (now >= changeAt) epoch.value = epoch.peek() + 1;
  });
  /** The next state change of the list (the clock wakes for it: controller.ts). */
  const stateChangeAt = computed(() => {
    void views.value; // computed first: it sets changeAt
    return changeAt;
  });
  return { views, waiting, nextChangeAt: () => changeAt, stateChangeAt, dispose };
}

import { computed, type ReadonlySignal } from '@preact/signals';
import type { TimerState, TimerView } from '../../../utils/timers/types';

/** States worth interrupting a screen-reader user for, most urgent first. */
const ANNOUNCED: readonly TimerState[] = ['late', 'soon'];

export interface Announcement {
  state: TimerState;
  names: string[];
}

/**
 * What changed worth saying since the last list: conversations that entered
 * `late` or `soon` (in that order). The views only change on state changes,
 * never on a tick, so this speaks at most once per change and never every
 * second. The first list (page load) says nothing: the list itself is there
 * to be read.
 */
export function stateChanges(previous: ReadonlyMap<string, TimerState> | null, views: readonly TimerView[], unknownName: string): Announcement[] {
  if (!previous) return [];
  const out: Announcement[] = [];
  for (const state of ANNOUNCED) {
    const names = views.filter((v) => v.state === state && previous.get(v.key) !== state).map((v) => v.customerName?.trim() || unknownName);
    if (names.length) out.push({ state, names });
  }
  return out;
}

/** The announcements as a signal, keeping the last list's states between changes. */
export function announcements(views: ReadonlySignal<TimerView[]>, unknownName: () => string): ReadonlySignal<Announcement[]> {
  let previous: Map<string, TimerState> | null = null;
  let last: Announcement[] = [];
  return computed(() => {
    const list = views.value;
    const next = stateChanges(previous, list, unknownName());
    previous = new Map(list.map((v) => [v.key, v.state]));
    // Nothing new: keep the last text (a changed text is what makes a live region speak).
    if (next.length) last = next;
    return last;
  });
}

import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { TimerState, TimerView } from '../../../utils/timers/types';

/** States worth interrupting a screen-reader user for, most urgent first. */
const ANNOUNCED: readonly TimerState[] = ['late', 'soon'];

export interface Announcement {
  state: TimerState;
  names: string[];
}

/**
 * What changed worth saying since the last list: conversations that entered
 * `late` or `soon` (in that order), among the first `shown` of the list (the
 * rows the sidebar shows: a change past them is the badge's and the desktop
 * warnings', not a sentence for a list the agent cannot reach). The views only
 * change on state changes, never on a tick, so this speaks at most once per
 * change and never every second. The first list (page load) says nothing: the
 * list itself is there to be read. `previous` gets the new states (all rows).
 */
export function stateChanges(previous: Map<string, TimerState> | null, views: readonly TimerView[], unknownName: string, shown = Number.POSITIVE_INFINITY): Announcement[] {
  const out: Announcement[] = [];
  if (previous) {
    for (const state of ANNOUNCED) {
      const names: string[] = [];
      const n = Math.min(shown, views.length);
      for (let i = 0; i < n; i++) {
        const v = views[i]!;
        if (v.state === state && previous.get(v.key) !== state) names.push(v.customerName?.trim() || unknownName);
      }
      if (names.length) out.push({ state, names });
    }
  }
  return out;
}

/** The announcements as a signal, keeping the last list's states between changes. */
export function announcements(views: ReadonlySignal<TimerView[]>, unknownName: () => string, shown: ReadonlySignal<number> = signal(Number.POSITIVE_INFINITY)): ReadonlySignal<Announcement[]> {
  let previous: Map<string, TimerState> | null = null;
  let last: Announcement[] = [];
  return computed(() => {
    const list = views.value;
    const next = stateChanges(previous, list, unknownName(), shown.peek());
    // Every row's state, shown or not: a row that scrolls into a longer list ("Show all") is not news.
    // Updated in place (no new map of 200 on each state change); rebuilt when answered rows pile up.
    if (!previous || previous.size > 2 * list.length + 50) previous = new Map();
    for (const v of list) if (previous.get(v.key) !== v.state) previous.set(v.key, v.state);
    // Nothing new: keep the last text (a changed text is what makes a live region speak).
    if (next.length) last = next;
    return last;
  });
}

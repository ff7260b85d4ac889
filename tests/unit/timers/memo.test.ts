import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { advance, computeTimers, createTimerMemo, nextChangeAt, toAlertItems, waitingTracks, type TimerOptions } from '../../../utils/timers/timers';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { DEFAULT_TIMING_SETTINGS, type TimingSettings } from '../../../utils/timers/settings';
import { emptyWeekly } from '../../../utils/timers/business-hours';
import { viewsByKey } from '../../../components/features/timers/ticker';
import type { TimerView, TrackerState } from '../../../utils/timers/types';
import { customer, HOUR, MIN, replied, T0 } from './fixtures';

const opts = (now: number, settings: Partial<TimingSettings> = {}, targetMinutes = 5): TimerOptions => ({ now, targetMinutes, settings: { ...DEFAULT_TIMING_SETTINGS, ...settings } });
const office: TimingSettings['businessHours'] = {
  timeZone: 'Europe/Paris',
  weekly: { ...emptyWeekly(), mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] },
  holidays: [],
};

/** What a list shows at `now`: the order, each state, and each figure moved on to `now`. */
const shown = (views: TimerView[], now: number) => views.map((v) => ({ key: v.key, state: v.state, precision: v.precision, ...advance(v, now) }));

/** 40 conversations, waits spread over 2 days, some near the 24-hour window, one answered. */
function manyTracks(): TrackerState {
  let s: TrackerState = emptyTracker;
  for (let i = 0; i < 40; i++) {
    const at = T0 - i * 71 * MIN - (i % 5) * 13_000;
    s = applyEvent(s, customer(`c${i}`, at, i % 3 === 0 ? { precision: 'approximate', atLatest: at + MIN } : {}));
  }
  return applyEvent(s, replied('c7', T0 + MIN));
}

describe('computeTimers with a memo (issue 14: one changed row rebuilds one view)', () => {
  for (const [name, settings] of [
    ['wall time', {}],
    ['business time', { businessHours: office }],
  ] as const) {
    it(`${name}: at every instant, the same list as a fresh computation (order, states, figures)`, () => {
      const memo = createTimerMemo();
      let tracks = manyTracks();
      let kept = 0;
      let previous: TimerView[] = [];
      // Every 7 s for 3 hours, plus a new customer message and a reply on the way.
      for (let now = T0 + 2 * MIN; now < T0 + 3 * HOUR; now += 7_000) {
        if (now === T0 + 2 * MIN + 700 * 7_000) tracks = applyEvent(tracks, customer('late-comer', now - 30_000));
        if (now === T0 + 2 * MIN + 900 * 7_000) tracks = applyEvent(tracks, replied('c3', now - 1_000));
        const list = waitingTracks(tracks);
        const fresh = computeTimers(list, opts(now, settings));
        const reused = computeTimers(list, opts(now, settings), memo);
        expect(shown(reused, now)).toEqual(shown(fresh, now));
        // The memo's next change is the views' own (nextChangeAt without the schedule's edges).
        expect(memo.changeAt).toBe(nextChangeAt(reused, now, DEFAULT_TIMING_SETTINGS.warningLeadMinutes * MIN, null));
        kept += reused.filter((v) => previous.includes(v)).length;
        previous = reused;
      }
      // It did keep views (the point of it): most of them, most of the time.
      expect(kept).toBeGreaterThan(1_000 * 30);
    });
  }

  it('keeps a view object while its track and state stand; a changed track or option rebuilds', () => {
    const memo = createTimerMemo();
    const tracks = manyTracks();
    const list = waitingTracks(tracks);
    const first = computeTimers(list, opts(T0 + 2 * MIN), memo);
    const again = computeTimers(list, opts(T0 + 2 * MIN + 20_000), memo);
    const c0 = (views: TimerView[]) => views.find((v) => v.key === 'c0')!;
    // c0 waits since T0: "ok" for 4 minutes, so the same object 20 s later.
    expect(c0(again)).toBe(c0(first));
    // At the warning lead it becomes "soon": a new view.
    const soon = computeTimers(list, opts(T0 + 4 * MIN), memo);
    expect(c0(soon)).not.toBe(c0(again));
    expect(c0(soon).state).toBe('soon');
    // Another target: every view is rebuilt.
    const other = computeTimers(list, opts(T0 + 4 * MIN, {}, 10), memo);
    expect(other.every((v, i) => v !== soon[i])).toBe(true);
    expect(c0(other).state).toBe('ok');
    // A new message from c0's customer replaces its track: its view is rebuilt, the others are kept.
    const changed = waitingTracks(applyEvent(tracks, customer('c0', T0 + 3 * MIN)));
    const after = computeTimers(changed, opts(T0 + 4 * MIN, {}, 10), memo);
    expect(after.filter((v) => !other.includes(v)).map((v) => v.key)).toEqual(['c0']);
  });

  it('the background hears the time left at the report, not at the kept view\'s own instant', () => {
    const memo = createTimerMemo();
    const list = waitingTracks(manyTracks());
    computeTimers(list, opts(T0 + 2 * MIN), memo);
    const later = computeTimers(list, opts(T0 + 3 * MIN), memo);
    const c0 = later.find((v) => v.key === 'c0')!;
    expect(c0.at).toBe(T0 + 2 * MIN); // kept
    expect(toAlertItems(later, T0 + 3 * MIN).find((i) => i.key === 'c0')!.leftMs).toBe(2 * MIN);
    expect(toAlertItems(later).find((i) => i.key === 'c0')!.leftMs).toBe(3 * MIN);
  });
});

describe('viewsByKey', () => {
  it('a new lookup per list, answering for its own list only', () => {
    const list = computeTimers(waitingTracks(manyTracks()), opts(T0 + 2 * MIN));
    const views = signal(list);
    const byKey = viewsByKey(views);
    const first = byKey.value;
    expect(first.get('c0')).toBe(list.find((v) => v.key === 'c0'));
    expect(first.get('c7')).toBeUndefined(); // answered
    const shorter = list.filter((v) => v.key !== 'c0');
    views.value = shorter;
    const second = byKey.value;
    expect(second).not.toBe(first);
    expect(second.get('c0')).toBeUndefined();
    expect(second.get('c1')).toBe(shorter.find((v) => v.key === 'c1'));
    views.value = list;
    expect(byKey.value.get('c0')).toBe(list.find((v) => v.key === 'c0'));
    expect(second.get('c0')).toBeUndefined(); // an older lookup does not answer for a later list
  });
});

import { describe, expect, it } from 'vitest';
import { HOUR_MS, HOURS_SHOWN_FROM_MS, MINUTE_MS, nextWakeAt, shownMinutes, textsChangeIn, untilFalling, untilRising } from '../../../utils/timers/schedule';
import { computeTimers } from '../../../utils/timers/timers';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { DEFAULT_TIMING_SETTINGS } from '../../../utils/timers/settings';
import { customer, MIN, T0 } from './fixtures';

describe('shownMinutes: whole minutes, whole hours from two days', () => {
  it('rounds down to the minute, then to the hour from 48 h', () => {
    expect([-5, 0, 1, 59_999, 60_000, 119_999, 120_000].map(shownMinutes)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(shownMinutes(HOURS_SHOWN_FROM_MS - 1)).toBe(48 * 60 - 1);
    expect(shownMinutes(HOURS_SHOWN_FROM_MS)).toBe(48 * 60);
    expect(shownMinutes(HOURS_SHOWN_FROM_MS + 59 * MINUTE_MS)).toBe(48 * 60);
    expect(shownMinutes(HOURS_SHOWN_FROM_MS + HOUR_MS)).toBe(49 * 60);
  });
});

describe('untilRising / untilFalling: the first instant the shown figure differs, exactly', () => {
  // Brute force over a grid that crosses every kind of boundary (0, minutes, the 48-h switch to hours).
  const samples: number[] = [];
  for (const base of [0, 59 * MINUTE_MS, 61 * MINUTE_MS, HOURS_SHOWN_FROM_MS - 2 * MINUTE_MS, HOURS_SHOWN_FROM_MS, HOURS_SHOWN_FROM_MS + 30 * MINUTE_MS, 7 * 24 * HOUR_MS - 90_000]) {
    for (const off of [0, 1, 999, 30_000, 59_999, 60_000, 60_001]) samples.push(base + off);
  }
  it('a growing duration: same figure until then, another at that instant', () => {
    for (const ms of [...samples, -1, -30_000]) {
      const d = untilRising(ms);
      expect(d, `${ms}`).toBeGreaterThan(0);
      expect(shownMinutes(ms + d - 1), `${ms}`).toBe(shownMinutes(ms));
      expect(shownMinutes(ms + d), `${ms}`).not.toBe(shownMinutes(ms));
    }
  });
  it('a falling duration: same figure until then, another at that instant; never once at 0', () => {
    for (const ms of samples.filter((x) => x >= MINUTE_MS)) {
      const d = untilFalling(ms);
      expect(d, `${ms}`).toBeGreaterThan(0);
      expect(shownMinutes(ms - (d - 1)), `${ms}`).toBe(shownMinutes(ms));
      expect(shownMinutes(ms - d), `${ms}`).not.toBe(shownMinutes(ms));
    }
    expect(untilFalling(0)).toBe(Number.POSITIVE_INFINITY);
    expect(untilFalling(-5)).toBe(Number.POSITIVE_INFINITY);
    expect(untilFalling(MINUTE_MS - 1)).toBe(Number.POSITIVE_INFINITY); // "< 1 min" until the state changes
  });
  it('steps are a minute under two days and an hour from then on (a week-old window wakes once an hour)', () => {
    expect(untilRising(0)).toBe(MINUTE_MS);
    expect(untilRising(HOURS_SHOWN_FROM_MS)).toBe(HOUR_MS);
    expect(untilFalling(5 * 24 * HOUR_MS)).toBe(1);
    expect(untilFalling(5 * 24 * HOUR_MS - 1)).toBe(HOUR_MS);
  });
});

describe('nextWakeAt: the clock sleeps until the first row in view reads differently, or the next state change', () => {
  const tracks = applyEvent(applyEvent(emptyTracker, customer('a', T0)), customer('b', T0 + 20_000));
  const now = T0 + 2 * MIN + 30_000;
  const views = computeTimers(tracks, { now, targetMinutes: 5, settings: DEFAULT_TIMING_SETTINGS });
  const a = views.find((v) => v.key === 'a')!;
  const b = views.find((v) => v.key === 'b')!;

  it('the earliest row change, each row from the instant its texts are for', () => {
    // a: waited 2 min 30 s, next at 3 min (T0 + 3 min); b: waited 2 min 10 s, next at T0 + 3 min 20 s.
    expect(nextWakeAt([{ view: a, at: now }, { view: b, at: now }], Number.POSITIVE_INFINITY)).toBe(T0 + 3 * MIN);
    expect(nextWakeAt([{ view: b, at: now }], Number.POSITIVE_INFINITY)).toBe(T0 + 3 * MIN + 20_000);
    expect(nextWakeAt([{ view: b, at: now }], T0 + 3 * MIN)).toBe(T0 + 3 * MIN);
    expect(textsChangeIn(a, now)).toBe(30_000);
  });
  it('nothing in view and no state change: never (no tick while nothing would change)', () => {
    expect(nextWakeAt([], Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(nextWakeAt([{ view: undefined, at: now }], Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

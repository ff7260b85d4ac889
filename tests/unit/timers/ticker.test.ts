import { afterEach, describe, expect, it } from 'vitest';
import { rowTexts, sameFigures } from '../../../components/features/timers/ticker';
import { textsChangeIn } from '../../../utils/timers/schedule';
import { computeTimers, nextChangeAt } from '../../../utils/timers/timers';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { DEFAULT_TIMING_SETTINGS, effectiveSchedule, type TimingSettings } from '../../../utils/timers/settings';
import { emptyWeekly } from '../../../utils/timers/business-hours';
import { uiLocale } from '../../../utils/i18n';
import type { TrackerState } from '../../../utils/timers/types';
import { customer, HOUR, MIN, replied, T0 } from './fixtures';

afterEach(() => void (uiLocale.value = 'en'));

/** A small deterministic PRNG (mulberry32): the same cases on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const office: TimingSettings['businessHours'] = {
  timeZone: 'Europe/Paris',
  weekly: { ...emptyWeekly(), mon: [['09:00', '12:30'], ['13:30', '18:00']], tue: [['09:00', '18:00']] },
  holidays: [],
};

describe('textsChangeIn (the ticker skips rows whose texts cannot have changed)', () => {
  it('no row reads differently before the instant it gives, whatever the state, window or schedule', () => {
    const rnd = random(42);
    let checked = 0;
    const states = new Set<string>();
    for (let round = 0; round < 60; round++) {
      const settings = { ...DEFAULT_TIMING_SETTINGS, warningLeadMinutes: [0, 1, 2.5, 90][round % 4]!, businessHours: round % 3 === 0 ? office : null };
      const targetMinutes = [5, 15, 0.5, 90, 120][round % 5]!;
      // Mondays and Tuesdays around the lunch break and the evening closing (Paris), with ms-level offsets.
      const now = T0 + Math.floor(rnd() * 10 * HOUR) + Math.floor(rnd() * 1000);
      let tracks: TrackerState = emptyTracker;
      for (let i = 0; i < 8; i++) {
        // Ages from seconds to days: about to be late (seconds shown), some 21–24 h old (the 24-h window shows), some 6–7 days (the 7-day one, or closed past it).
        const ages = [rnd() * 10 * MIN, (targetMinutes - rnd() * (settings.warningLeadMinutes + 1)) * MIN, rnd() * 3 * HOUR, 21 * HOUR + rnd() * 3 * HOUR, 6 * 24 * HOUR + rnd() * 24 * HOUR, 7 * 24 * HOUR + rnd() * 24 * HOUR];
        const at = Math.floor(now - Math.max(0, ages[i % ages.length]!));
        // Every third on WhatsApp: no human-agent window, closed at 24 h.
        tracks = applyEvent(tracks, customer(`k${i}`, at, { precision: i % 2 ? 'approximate' : 'exact', atLatest: at + MIN, ...(i % 3 === 2 ? { channel: 'whatsapp' as const } : {}) }));
      }
      const opts = { now, targetMinutes, settings };
      const views = computeTimers(tracks, opts);
      // The views stand until the next change they plan (then the list is recomputed).
      const until = nextChangeAt(views, now, settings.warningLeadMinutes * MIN, effectiveSchedule(settings));
      for (const v of views) {
        states.add(v.state);
        let at = now + Math.floor(rnd() * 3000);
        for (let hop = 0; hop < 4 && at < until; hop++) {
          const shown = rowTexts(v, at, v.precision === 'approximate');
          const next = at + textsChangeIn(v, at);
          expect(next).toBeGreaterThan(at);
          // Every 500 ms up to the announced instant (and the last ms before it).
          for (let s = at; s < Math.min(next, until); s = s + 500 > next - 1 && s < next - 1 ? next - 1 : s + 500) {
            expect(rowTexts(v, s, v.precision === 'approximate'), `${v.key} ${v.state} at +${s - at} ms of ${next - at}`).toEqual(shown);
            checked++;
          }
          // Exact, not only never late: at that instant the row reads differently (no wasted wake).
          if (next < until) expect(rowTexts(v, next, v.precision === 'approximate'), `${v.key} ${v.state} at ${next - at} ms`).not.toEqual(shown);
          at = next;
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    // Every state was met, seconds shown or not.
    expect(states).toEqual(new Set(['ok', 'soon', 'late', 'paused', 'closed']));
    // Tens of thousands of renders: generous on a loaded machine.
  }, 30_000);

  it('a row is recomputed once a minute at most (whole minutes shown), at the minute it changes', () => {
    const tracks = applyEvent(emptyTracker, customer('a', T0));
    const [late] = computeTimers(tracks, { now: T0 + 7 * MIN + 20_300, targetMinutes: 5, settings: DEFAULT_TIMING_SETTINGS });
    expect(late!.state).toBe('late');
    // "7 min" / "2 min over" read differently at 8 min.
    expect(textsChangeIn(late!, late!.at)).toBe(39_700);
    const [soon] = computeTimers(tracks, { now: T0 + 4 * MIN + 200, targetMinutes: 5, settings: DEFAULT_TIMING_SETTINGS });
    expect(soon!.state).toBe('soon');
    // "4 min" waited, "< 1 min left": both move at 5 min (then the state changes too).
    expect(textsChangeIn(soon!, soon!.at)).toBe(59_800);
  });
});

describe('sameFigures', () => {
  it('a list recomputed later keeps a row with the same figures; a changed row is told apart', () => {
    const tracks = applyEvent(applyEvent(emptyTracker, customer('a', T0)), customer('b', T0 + MIN));
    const opts = (now: number) => ({ now, targetMinutes: 5, settings: DEFAULT_TIMING_SETTINGS });
    const [a1, b1] = computeTimers(tracks, opts(T0 + 2 * MIN));
    const [a2, b2] = computeTimers(tracks, opts(T0 + 2 * MIN + 1_234));
    expect(sameFigures(a1!, a2!)).toBe(true);
    expect(sameFigures(b1!, b2!)).toBe(true);
    expect(sameFigures(a1!, b2!)).toBe(false);
    // An earlier message of the burst seen late: the same row, another start.
    const earlier = applyEvent(tracks, customer('a', T0 - 30_000));
    expect(sameFigures(a1!, computeTimers(earlier, opts(T0 + 2 * MIN + 1_234))[0]!)).toBe(false);
    // Into the warning lead: another state.
    expect(sameFigures(a1!, computeTimers(tracks, opts(T0 + 4 * MIN))[0]!)).toBe(false);
    // A reply then a new message: another wait.
    const again = applyEvent(applyEvent(tracks, replied('a', T0 + 3 * MIN)), customer('a', T0 + 3 * MIN + 1));
    expect(sameFigures(a1!, computeTimers(again, opts(T0 + 4 * MIN)).find((v) => v.key === 'a')!)).toBe(false);
  });
});

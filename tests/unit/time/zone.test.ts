import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  browserTimeZone,
  isoWithOffset,
  isValidTimeZone,
  offsetMs,
  wallTime,
  zonedDayRange,
  zonedEpoch,
} from '../../../utils/time/zone';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const PARIS = 'Europe/Paris';
const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';

/** What Intl itself reads, without the module's offset cache. */
function intlWall(epoch: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(epoch)).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour! % 24, minute: p.minute, second: p.second };
}

describe('Europe/Paris spring forward, 2026-03-29 (02:00 CET -> 03:00 CEST at 01:00Z)', () => {
  it('offset changes exactly at the change', () => {
    expect(offsetMs(utc('2026-03-29T01:00:00Z') - 1, PARIS)).toBe(1 * H);
    expect(offsetMs(utc('2026-03-29T01:00:00Z'), PARIS)).toBe(2 * H);
  });

  it('wall clock jumps from 01:59:59 to 03:00:00; Sunday is weekday 7', () => {
    expect(wallTime(utc('2026-03-29T00:59:59Z'), PARIS)).toEqual({ year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59, weekday: 7 });
    expect(wallTime(utc('2026-03-29T01:00:00Z'), PARIS)).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0, weekday: 7 });
    expect(wallTime(utc('2026-03-29T22:00:00Z'), PARIS).weekday).toBe(1);
  });

  it('the skipped 02:30 shifts forward by the gap, or clamps to the change', () => {
    const wall = { year: 2026, month: 3, day: 29, hour: 2, minute: 30 };
    expect(zonedEpoch(wall, PARIS)).toBe(utc('2026-03-29T01:30:00Z'));
    expect(zonedEpoch(wall, PARIS, 'shift')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(zonedEpoch(wall, PARIS, 'clamp')).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('times either side of the gap are exact', () => {
    expect(zonedEpoch({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, PARIS, 'clamp')).toBe(utc('2026-03-29T00:30:00Z'));
    expect(zonedEpoch({ year: 2026, month: 3, day: 29, hour: 3 }, PARIS, 'clamp')).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('the day lasts 23 hours', () => {
    const r = zonedDayRange({ year: 2026, month: 3, day: 29 }, PARIS);
    expect(r).toEqual({ start: utc('2026-03-28T23:00:00Z'), end: utc('2026-03-29T22:00:00Z') });
    expect(r.end - r.start).toBe(23 * H);
  });

  it('the quarter-hour offset cache agrees with Intl minute by minute across the change', () => {
    for (let t = utc('2026-03-29T00:00:00Z'); t < utc('2026-03-29T02:00:00Z'); t += 60_000 + 7_000) {
      const { weekday: _w, ...w } = wallTime(t, PARIS);
      expect(w).toEqual(intlWall(t, PARIS));
    }
  });
});

describe('Europe/Paris fall back, 2026-10-25 (03:00 CEST -> 02:00 CET at 01:00Z)', () => {
  it('02:30 is read twice', () => {
    expect(wallTime(utc('2026-10-25T00:30:00Z'), PARIS)).toMatchObject({ hour: 2, minute: 30 });
    expect(wallTime(utc('2026-10-25T01:30:00Z'), PARIS)).toMatchObject({ hour: 2, minute: 30 });
    expect(offsetMs(utc('2026-10-25T00:30:00Z'), PARIS)).toBe(2 * H);
    expect(offsetMs(utc('2026-10-25T01:30:00Z'), PARIS)).toBe(1 * H);
  });

  it('the repeated 02:30 gives the earlier instant, whatever the gap rule', () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 2, minute: 30 };
    expect(zonedEpoch(wall, PARIS)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(zonedEpoch(wall, PARIS, 'clamp')).toBe(utc('2026-10-25T00:30:00Z'));
    expect(zonedEpoch({ ...wall, hour: 3, minute: 0 }, PARIS)).toBe(utc('2026-10-25T02:00:00Z'));
  });

  it('the day lasts 25 hours', () => {
    const r = zonedDayRange({ year: 2026, month: 10, day: 25 }, PARIS);
    expect(r).toEqual({ start: utc('2026-10-24T22:00:00Z'), end: utc('2026-10-25T23:00:00Z') });
  });
});

describe('America/New_York', () => {
  it('winter -5 h, summer -4 h', () => {
    expect(offsetMs(utc('2026-01-15T12:00:00Z'), NY)).toBe(-5 * H);
    expect(offsetMs(utc('2026-07-15T12:00:00Z'), NY)).toBe(-4 * H);
    expect(wallTime(utc('2026-01-01T03:00:00Z'), NY)).toEqual({ year: 2025, month: 12, day: 31, hour: 22, minute: 0, second: 0, weekday: 3 });
  });

  it('2026-03-08: 02:30 does not exist', () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 2, minute: 30 };
    expect(zonedEpoch(wall, NY)).toBe(utc('2026-03-08T07:30:00Z'));
    expect(zonedEpoch(wall, NY, 'clamp')).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('2026-11-01: 01:30 happens twice, the EDT one is taken', () => {
    expect(zonedEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY)).toBe(utc('2026-11-01T05:30:00Z'));
    expect(isoWithOffset(utc('2026-11-01T06:30:00Z'), NY)).toBe('2026-11-01T01:30:00-05:00');
  });
});

describe('Asia/Kolkata (half-hour offset, no DST)', () => {
  it('is +05:30 all year', () => {
    expect(offsetMs(utc('2026-01-01T00:00:00Z'), KOLKATA)).toBe(5.5 * H);
    expect(offsetMs(utc('2026-07-01T00:00:00Z'), KOLKATA)).toBe(5.5 * H);
    expect(wallTime(utc('2026-01-01T00:00:00Z'), KOLKATA)).toMatchObject({ day: 1, hour: 5, minute: 30 });
    expect(zonedEpoch({ year: 2026, month: 1, day: 1 }, KOLKATA)).toBe(utc('2025-12-31T18:30:00Z'));
    expect(isoWithOffset(utc('2026-01-01T00:00:05Z'), KOLKATA)).toBe('2026-01-01T05:30:05+05:30');
  });
});

describe('undefined zone = the runtime zone', () => {
  it('matches Date local fields', () => {
    for (const t of [utc('2026-01-15T12:34:56Z'), utc('2026-07-15T03:04:05Z'), utc('2026-10-25T01:30:00Z')]) {
      const d = new Date(t);
      expect(offsetMs(t)).toBe(-d.getTimezoneOffset() * 60_000 || 0);
      expect(wallTime(t)).toEqual({
        year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(),
        hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(), weekday: ((d.getDay() + 6) % 7) + 1,
      });
    }
  });

  it('round-trips a wall time and local midnight', () => {
    const t = utc('2026-11-16T08:05:07Z');
    expect(zonedEpoch(wallTime(t))).toBe(t);
    const midnight = new Date(2026, 10, 16).getTime();
    expect(zonedDayRange({ year: 2026, month: 11, day: 16 }).start).toBe(midnight);
  });

  it('browserTimeZone names a valid zone', () => {
    expect(isValidTimeZone(browserTimeZone())).toBe(true);
  });
});

describe('invalid zones', () => {
  it('are rejected', () => {
    for (const z of ['Mars/Olympus', '', '  ', 'x'.repeat(65), 42, null, undefined]) expect(isValidTimeZone(z)).toBe(false);
    for (const z of ['UTC', PARIS, NY, KOLKATA]) expect(isValidTimeZone(z)).toBe(true);
  });

  it('throw RangeError when used directly', () => {
    expect(() => offsetMs(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedEpoch({ year: 2026, month: 1, day: 1 }, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('is calendar arithmetic across months, years and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 2, day: 30 }, 0)).toEqual({ year: 2026, month: 3, day: 2 });
  });
});

describe('UTC without Intl (issue 14: start-up)', () => {
  it('answers UTC with no DateTimeFormat built, and the same figures', async () => {
    vi.resetModules(); // a fresh module: no formatter cached by the tests above
    const fresh = await import('../../../utils/time/zone');
    const Original = Intl.DateTimeFormat;
    let built = 0;
    const counting = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++;
      return new Original(...args);
    };
    Object.defineProperty(Intl, 'DateTimeFormat', { value: counting, configurable: true, writable: true });
    try {
      const at = Date.UTC(2026, 2, 29, 1, 30);
      expect(fresh.isValidTimeZone('UTC')).toBe(true);
      expect(fresh.offsetMs(at, 'UTC')).toBe(0);
      expect(fresh.wallTime(at, 'UTC')).toMatchObject({ year: 2026, month: 3, day: 29, hour: 1, minute: 30, weekday: 7 });
      expect(fresh.zonedEpoch({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'UTC')).toBe(Date.UTC(2026, 2, 29, 2, 30));
      expect(fresh.zonedDayRange({ year: 2026, month: 10, day: 25 }, 'UTC')).toEqual({ start: Date.UTC(2026, 9, 25), end: Date.UTC(2026, 9, 26) });
      expect(built).toBe(0);
      // Other zones still go through Intl.
      expect(fresh.offsetMs(Date.UTC(2026, 0, 15), 'Europe/Paris')).toBe(3_600_000);
      expect(built).toBe(1);
    } finally {
      Object.defineProperty(Intl, 'DateTimeFormat', { value: Original, configurable: true, writable: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { dayRange, formatIsoWeek, isoWeekOf, isoWeekOfDate, parseIsoWeek, shiftWeek, weekDayStarts, weekRange, weeksInYear } from '../../../utils/stats/week';
import { isoWithOffset, offsetMs } from '../../../utils/time/zone';

const PARIS = 'Europe/Paris';

describe('ISO weeks', () => {
  it('numbers weeks across year boundaries', () => {
    expect(isoWeekOfDate(2026, 1, 1)).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeekOfDate(2027, 1, 1)).toEqual({ year: 2026, week: 53 }); // Friday of 2026's week 53
    expect(isoWeekOfDate(2027, 1, 4)).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOfDate(2024, 12, 30)).toEqual({ year: 2025, week: 1 }); // Monday belonging to 2025
    expect(isoWeekOfDate(2026, 11, 16)).toEqual({ year: 2026, week: 47 });
    expect(isoWeekOfDate(2026, 11, 22)).toEqual({ year: 2026, week: 47 }); // Sunday
    expect(isoWeekOfDate(2026, 11, 23)).toEqual({ year: 2026, week: 48 });
  });

  it('knows 52- and 53-week years', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2020)).toBe(53);
  });

  it('formats and parses, refusing weeks that do not exist', () => {
    expect(formatIsoWeek({ year: 2026, week: 7 })).toBe('2026-W07');
    expect(parseIsoWeek('2026-W47')).toEqual({ year: 2026, week: 47 });
    expect(parseIsoWeek('2026W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-47')).toBeNull();
    expect(parseIsoWeek(47)).toBeNull();
  });

  it('shifts across year ends', () => {
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
    expect(shiftWeek({ year: 2026, week: 47 }, -52)).toEqual({ year: 2025, week: 47 });
  });

  it('gives Monday-midnight ranges on the zone wall clock', () => {
    const { start, end } = weekRange({ year: 2026, week: 47 }, PARIS);
    expect(new Date(start).toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(weekRange({ year: 2026, week: 47 }, 'UTC').start).toBe(Date.UTC(2026, 10, 16));
  });

  it('DST weeks last 167 and 169 hours', () => {
    // 29 March 2026: clocks go forward in Paris (week 13); 25 October 2026: back (week 43).
    const spring = weekRange({ year: 2026, week: 13 }, PARIS);
    expect((spring.end - spring.start) / 3_600_000).toBe(167);
    const autumn = weekRange({ year: 2026, week: 43 }, PARIS);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(169);
    const days = weekDayStarts({ year: 2026, week: 43 }, PARIS);
    expect((days[7]! - days[6]!) / 3_600_000).toBe(25); // the Sunday
    expect(new Date(days[6]!).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('puts instants near midnight in the right local week', () => {
    // Sunday 22 Nov 2026 23:30 in Paris = 22:30 UTC: still week 47 there, week 47 in UTC too.
    expect(isoWeekOf(Date.UTC(2026, 10, 22, 22, 30), PARIS)).toEqual({ year: 2026, week: 47 });
    // Monday 00:30 Paris = Sunday 23:30 UTC: week 48 in Paris, week 47 in UTC.
    expect(isoWeekOf(Date.UTC(2026, 10, 22, 23, 30), PARIS)).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf(Date.UTC(2026, 10, 22, 23, 30), 'UTC')).toEqual({ year: 2026, week: 47 });
  });

  it('gives local day ranges, including the 23-hour day', () => {
    const d = dayRange(Date.UTC(2026, 2, 29, 12), PARIS);
    expect((d.end - d.start) / 3_600_000).toBe(23);
  });
});

describe('ISO 8601 with offset', () => {
  it('writes the zone offset of the instant', () => {
    expect(isoWithOffset(Date.UTC(2026, 10, 16, 8, 5, 7), PARIS)).toBe('2026-11-16T09:05:07+01:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 8, 5), PARIS)).toBe('2026-07-01T10:05:00+02:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 8, 5), 'America/St_Johns')).toBe('2026-07-01T05:35:00-02:30');
    expect(offsetMs(Date.UTC(2026, 0, 1), 'UTC')).toBe(0);
  });
});

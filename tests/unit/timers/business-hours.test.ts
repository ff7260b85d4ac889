import { describe, expect, it } from 'vitest';
import {
  businessMillis,
  defaultSchedule,
  emptyWeekly,
  isOpenAt,
  nextClosing,
  nextOpening,
  validateSchedule,
  zonedToInstant,
  type Schedule,
} from '../../../utils/timers/business-hours';

const H = 3_600_000;
const M = 60_000;
const utc = (iso: string) => Date.parse(iso);

function schedule(timeZone: string, patch: Partial<Schedule['weekly']> = {}, holidays: string[] = []): Schedule {
  return { timeZone, weekly: { ...emptyWeekly(), ...patch }, holidays };
}
const weekdays = (intervals: Array<[string, string]>) => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });

describe('businessMillis basics', () => {
  it('null schedule is wall time, never negative', () => {
    expect(businessMillis(1000, 5000, null)).toBe(4000);
    expect(businessMillis(5000, 1000, null)).toBe(0);
    expect(businessMillis(new Date(0), new Date(H), null)).toBe(H);
  });

  it('counts split shifts with a lunch break (Paris, winter)', () => {
    const s = schedule('Europe/Paris', weekdays([['09:00', '12:30'], ['13:30', '18:00']]));
    // Mon 2026-01-05, Paris = UTC+1. 08:00 -> 19:00 local covers 3.5 h + 4.5 h.
    expect(businessMillis(utc('2026-01-05T07:00:00Z'), utc('2026-01-05T18:00:00Z'), s)).toBe(8 * H);
    // 12:00 -> 14:00 local: 30 min before lunch, 30 min after.
    expect(businessMillis(utc('2026-01-05T11:00:00Z'), utc('2026-01-05T13:00:00Z'), s)).toBe(60 * M);
    // Entirely in the lunch break.
    expect(businessMillis(utc('2026-01-05T11:45:00Z'), utc('2026-01-05T12:15:00Z'), s)).toBe(0);
  });

  it('skips holidays', () => {
    const s = schedule('Europe/Paris', weekdays([['09:00', '17:00']]), ['2026-12-25']);
    // Thu 24 -> Sat 26 December: only the 24th counts (Fri 25 is a holiday).
    expect(businessMillis(utc('2026-12-24T00:00:00Z'), utc('2026-12-26T23:00:00Z'), s)).toBe(8 * H);
    expect(isOpenAt(utc('2026-12-25T10:00:00Z'), s)).toBe(false);
  });

  it('an overnight span counts evening and next morning only', () => {
    const s = schedule('Europe/Paris', weekdays([['09:00', '18:00']]));
    // Tue 17:00 local -> Wed 10:00 local (winter).
    expect(businessMillis(utc('2026-02-03T16:00:00Z'), utc('2026-02-04T09:00:00Z'), s)).toBe(2 * H);
    // Friday 17:00 -> Monday 10:00: the weekend is closed.
    expect(businessMillis(utc('2026-02-06T16:00:00Z'), utc('2026-02-09T09:00:00Z'), s)).toBe(2 * H);
  });

  it('supports overnight shifts that end the next day', () => {
    const s = schedule('UTC', { fri: [['22:00', '06:00']] });
    // Fri 2026-01-09 20:00 -> Sat 08:00 UTC: 8 h of night shift.
    expect(businessMillis(utc('2026-01-09T20:00:00Z'), utc('2026-01-10T08:00:00Z'), s)).toBe(8 * H);
    expect(isOpenAt(utc('2026-01-10T03:00:00Z'), s)).toBe(true);
    expect(isOpenAt(utc('2026-01-10T07:00:00Z'), s)).toBe(false);
    // A 24:00 end.
    const late = schedule('UTC', { sat: [['20:00', '24:00']] });
    expect(businessMillis(utc('2026-01-10T00:00:00Z'), utc('2026-01-11T12:00:00Z'), late)).toBe(4 * H);
  });

  it('multi-week spans add whole weeks exactly', () => {
    const s = schedule('Europe/Paris', weekdays([['09:00', '12:30'], ['13:30', '18:00']]));
    // 3 weeks from Monday 2026-01-05 00:00 local: 3 * 5 * 8 h.
    const start = utc('2026-01-04T23:00:00Z');
    expect(businessMillis(start, start + 21 * 24 * H, s)).toBe(3 * 5 * 8 * H);
  });

  it('merges overlapping intervals instead of counting twice', () => {
    const s = schedule('UTC', { mon: [['09:00', '12:00'], ['11:00', '13:00']] });
    expect(businessMillis(utc('2026-01-05T00:00:00Z'), utc('2026-01-06T00:00:00Z'), s)).toBe(4 * H);
  });
});

describe('daylight saving (Europe/Paris)', () => {
  it('spring forward 2026-03-29: a 00:00–06:00 Sunday shift lasts 5 hours', () => {
    const s = schedule('Europe/Paris', { sun: [['00:00', '06:00']] });
    expect(businessMillis(utc('2026-03-28T12:00:00Z'), utc('2026-03-29T12:00:00Z'), s)).toBe(5 * H);
    // 00:00 CET = 23:00Z the day before; 06:00 CEST = 04:00Z.
    expect(zonedToInstant(Date.UTC(2026, 2, 29) / 86_400_000, 0, 'Europe/Paris')).toBe(utc('2026-03-28T23:00:00Z'));
    expect(zonedToInstant(Date.UTC(2026, 2, 29) / 86_400_000, 6 * 60, 'Europe/Paris')).toBe(utc('2026-03-29T04:00:00Z'));
  });

  it('spring forward: the skipped hour maps to the change, a 02:00–03:00 shift is empty', () => {
    const s = schedule('Europe/Paris', { sun: [['02:00', '03:00']] });
    expect(businessMillis(utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'), s)).toBe(0);
    const day = Date.UTC(2026, 2, 29) / 86_400_000;
    expect(zonedToInstant(day, 2 * 60 + 30, 'Europe/Paris')).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('business hours after the change follow the new offset (09:00 CEST = 07:00Z)', () => {
    const s = schedule('Europe/Paris', { mon: [['09:00', '18:00']] });
    expect(isOpenAt(utc('2026-03-30T06:59:00Z'), s)).toBe(false);
    expect(isOpenAt(utc('2026-03-30T07:00:00Z'), s)).toBe(true);
    expect(isOpenAt(utc('2026-03-23T07:30:00Z'), s)).toBe(false); // a week earlier it was 08:30 CET
  });

  it('fall back 2026-10-25: a 00:00–06:00 Sunday shift lasts 7 hours', () => {
    const s = schedule('Europe/Paris', { sun: [['00:00', '06:00']] });
    expect(businessMillis(utc('2026-10-24T12:00:00Z'), utc('2026-10-25T12:00:00Z'), s)).toBe(7 * H);
  });

  it('a week of 9–18 spanning each change is exactly 5 × 9 h', () => {
    const s = schedule('Europe/Paris', weekdays([['09:00', '18:00']]));
    expect(businessMillis(utc('2026-03-25T00:00:00Z'), utc('2026-04-01T00:00:00Z'), s)).toBe(5 * 9 * H);
    expect(businessMillis(utc('2026-10-21T00:00:00Z'), utc('2026-10-28T00:00:00Z'), s)).toBe(5 * 9 * H);
  });
});

describe('a schedule in another zone than the process', () => {
  it('America/New_York 9–17 is read in New York time, whatever the process zone', () => {
    const s = schedule('America/New_York', weekdays([['09:00', '17:00']]));
    // Mon 2026-01-05: 09:00 EST = 14:00Z.
    expect(isOpenAt(utc('2026-01-05T13:59:00Z'), s)).toBe(false);
    expect(isOpenAt(utc('2026-01-05T14:00:00Z'), s)).toBe(true);
    expect(isOpenAt(utc('2026-01-05T22:00:00Z'), s)).toBe(false);
    expect(businessMillis(utc('2026-01-05T00:00:00Z'), utc('2026-01-06T00:00:00Z'), s)).toBe(8 * H);
    // US DST starts 2026-03-08: Monday 03-09 opens at 13:00Z.
    expect(isOpenAt(utc('2026-03-09T13:00:00Z'), s)).toBe(true);
    expect(isOpenAt(utc('2026-03-02T13:00:00Z'), s)).toBe(false);
  });

  it('the New York local weekday decides, not the UTC one', () => {
    const s = schedule('America/New_York', { fri: [['18:00', '23:00']] });
    // Fri 2026-01-09 20:00 EST = Sat 01:00Z.
    expect(isOpenAt(utc('2026-01-10T01:00:00Z'), s)).toBe(true);
  });

  it('works for half-hour zones (Asia/Kolkata)', () => {
    const s = schedule('Asia/Kolkata', weekdays([['09:00', '18:00']]));
    expect(isOpenAt(utc('2026-01-05T03:30:00Z'), s)).toBe(true);
    expect(isOpenAt(utc('2026-01-05T03:29:00Z'), s)).toBe(false);
  });
});

describe('nextOpening / nextClosing', () => {
  const s = schedule('Europe/Paris', weekdays([['09:00', '12:30'], ['13:30', '18:00']]), ['2026-01-12']);
  it('returns t when open, the next shift otherwise, skipping weekends and holidays', () => {
    expect(nextOpening(utc('2026-01-05T09:00:00Z'), s)).toBe(utc('2026-01-05T09:00:00Z'));
    expect(nextOpening(utc('2026-01-05T11:45:00Z'), s)).toBe(utc('2026-01-05T12:30:00Z'));
    // Friday evening -> Monday 12th is a holiday -> Tuesday 13th 09:00 CET.
    expect(nextOpening(utc('2026-01-09T18:00:00Z'), s)).toBe(utc('2026-01-13T08:00:00Z'));
    expect(nextClosing(utc('2026-01-05T09:00:00Z'), s)).toBe(utc('2026-01-05T11:30:00Z'));
    expect(nextOpening(0, null)).toBe(0);
    expect(nextOpening(0, schedule('UTC'))).toBeNull();
  });
});

describe('validateSchedule', () => {
  it('accepts null (always open) and the default schedule', () => {
    expect(validateSchedule(null)).toEqual({ value: null, issues: [] });
    const d = defaultSchedule('Europe/Paris');
    expect(validateSchedule(d)).toEqual({ value: d, issues: [] });
  });

  it('reports bad zones, times, empty and overlapping intervals, bad dates', () => {
    const { value, issues } = validateSchedule({
      timeZone: 'Mars/Olympus',
      weekly: { ...emptyWeekly(), mon: [['9:00', '12:00']], tue: [['10:00', '10:00']], wed: [['09:00', '12:00'], ['11:00', '14:00']] },
      holidays: ['2026-02-30', 'soon'],
    });
    expect(value).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'timeZone', code: 'invalidZone' },
        { field: 'weekly', code: 'invalidTime', day: 'mon', index: 0 },
        { field: 'weekly', code: 'emptyInterval', day: 'tue', index: 0 },
        { field: 'weekly', code: 'overlap', day: 'wed', index: 1 },
        { field: 'holidays', code: 'invalidDate', index: 0 },
        { field: 'holidays', code: 'invalidDate', index: 1 },
      ]),
    );
  });

  it('sees an overnight shift overlapping the next morning, and a schedule with no hours', () => {
    const overnight = validateSchedule({ timeZone: 'UTC', weekly: { ...emptyWeekly(), sun: [['22:00', '08:00']], mon: [['07:00', '12:00']] }, holidays: [] });
    expect(overnight.issues).toContainEqual({ field: 'weekly', code: 'overlap', day: 'mon', index: 0 });
    expect(validateSchedule({ timeZone: 'UTC', weekly: emptyWeekly(), holidays: [] }).issues).toEqual([{ field: 'weekly', code: 'noOpenHours' }]);
  });

  it('normalises: sorted intervals, sorted unique holidays', () => {
    const { value } = validateSchedule({
      timeZone: 'America/New_York',
      weekly: { ...emptyWeekly(), mon: [['14:00', '18:00'], ['08:00', '12:00']] },
      holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
    });
    expect(value?.weekly.mon).toEqual([['08:00', '12:00'], ['14:00', '18:00']]);
    expect(value?.holidays).toEqual(['2026-01-01', '2026-12-25']);
  });
});

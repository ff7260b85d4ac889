import { wallTime, zonedDayRange, zonedEpoch } from '../time/zone';

/**
 * ISO 8601 weeks (Monday start; week 1 holds the year's first Thursday),
 * written `2026-W47`. A week runs from Monday 00:00 to the next Monday 00:00
 * on the wall clock of a time zone, so a DST week lasts 167 or 169 hours.
 */
export interface IsoWeek {
  year: number;
  week: number;
}

const DAY = 86_400_000;

/** ISO week of a calendar date (month 1-12). */
export function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const date = Date.UTC(year, month - 1, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = date + (3 - weekday) * DAY;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / DAY / 7);
  return { year: isoYear, week };
}

/** ISO week holding instant `ms` on `timeZone`'s calendar. */
export function isoWeekOf(ms: number, timeZone?: string): IsoWeek {
  const w = wallTime(ms, timeZone);
  return isoWeekOfDate(w.year, w.month, w.day);
}

export function weeksInYear(year: number): number {
  return isoWeekOfDate(year, 12, 28).week;
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Parses `2026-W47` (also `2026W47`); null when malformed or when the year has no such week. */
export function parseIsoWeek(text: unknown): IsoWeek | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-?W(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/** The calendar date (as a UTC-midnight timestamp) of the week's Monday. */
function mondayDate({ year, week }: IsoWeek): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY + (week - 1) * 7 * DAY;
}

/** Start of each of the week's 7 days and the following Monday (8 instants) on `timeZone`'s wall clock. */
export function weekDayStarts(week: IsoWeek, timeZone?: string): number[] {
  const monday = mondayDate(week);
  const starts: number[] = [];
  for (let i = 0; i <= 7; i++) {
    const d = new Date(monday + i * DAY);
    starts.push(zonedEpoch({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, timeZone));
  }
  return starts;
}

/** [start, end) of the week in epoch ms. */
export function weekRange(week: IsoWeek, timeZone?: string): { start: number; end: number } {
  const days = weekDayStarts(week, timeZone);
  return { start: days[0]!, end: days[7]! };
}

/** The week `delta` weeks away (negative = earlier). */
export function shiftWeek(week: IsoWeek, delta: number): IsoWeek {
  const d = new Date(mondayDate(week) + delta * 7 * DAY);
  return isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}

/** Start and end of the local day holding `ms`. */
export function dayRange(ms: number, timeZone?: string): { start: number; end: number } {
  return zonedDayRange(wallTime(ms, timeZone), timeZone);
}

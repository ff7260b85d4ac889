/**
 * Wall-clock arithmetic in IANA time zones with Intl only (no date library,
 * no DOM). The one place the inbox, the stats and the business-hours timers
 * turn instants into wall clocks and back: a day there is 23 or 25 hours long
 * on daylight-saving change days.
 *
 * `timeZone` undefined means the runtime's own zone (the browser's).
 *
 * Offsets are looked up once per zone and UTC quarter hour and cached: every
 * zone in use today changes offset on a quarter-hour boundary, so the cache is
 * exact (only pre-1970s local-mean-time changes at odd seconds are not).
 */

/** A calendar date: month 1-12, day 1-31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** What a wall clock in a zone reads at some instant. */
export interface WallTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday (`weekday % 7` gives JavaScript's 0 = Sunday). */
  weekday: number;
}

/** A wall-clock reading to turn into an instant; a missing hour/minute/second is 0. */
export interface WallClock extends CivilDate {
  hour?: number;
  minute?: number;
  second?: number;
}

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it. Throws RangeError for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * UTC is 0 at every instant: answered without a formatter. The inbox reads time tokens' syntax in UTC, and a
 * content script's first Intl.DateTimeFormat cost 14 ms of its start-up (issue 14).
 */
const UTC = 'UTC';

/** True when the runtime knows this IANA zone (type guard: accepts any input, e.g. an imported setting). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 64) return false;
  if (timeZone === UTC) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The browser's own zone name, for defaults ('UTC' when the runtime cannot tell). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Offset at instant `at` straight from Intl (at is whole seconds, as quarter-hour boundaries are). */
function offsetFromIntl(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // `% 24`: some engines still print midnight as 24 despite h23.
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - at;
}

const offsets = new Map<string, number>();

/**
 * Milliseconds to add to UTC to get `timeZone`'s wall clock at `epoch`
 * (Paris in summer: +7_200_000; New York in winter: -18_000_000).
 */
export function offsetMs(epoch: number, timeZone?: string): number {
  // The runtime's zone: Date already knows it, cheaply and exactly (`|| 0` turns UTC's -0 into 0).
  if (timeZone === undefined) return -new Date(epoch).getTimezoneOffset() * 60_000 || 0;
  if (timeZone === UTC) return 0;
  const bucket = Math.floor(epoch / QUARTER_HOUR_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetFromIntl(bucket * QUARTER_HOUR_MS, timeZone);
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall clock of `timeZone` at `epoch`. */
export function wallTime(epoch: number, timeZone?: string): WallTime {
  const t = new Date(epoch + offsetMs(epoch, timeZone));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: ((t.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * What to do with a wall time that never happens (clocks jump forward over it):
 * - `'shift'`: move it forward by the length of the gap (Paris 02:30 -> 03:30),
 *   as RFC 5545 and Temporal's default do. Right for reading a timestamp.
 * - `'clamp'`: the instant the clocks changed (Paris 02:30 -> 03:00). Right
 *   for an opening hour: the shop opens when its clock next reads a later time.
 */
export type GapRule = 'shift' | 'clamp';

/**
 * The instant at which `timeZone`'s wall clock reads `wall`. A wall time that
 * happens twice (clocks go back) gives the EARLIER instant; one that never
 * happens (clocks go forward) follows `gap` (default `'shift'`).
 */
export function zonedEpoch(wall: WallClock, timeZone?: string, gap: GapRule = 'shift'): number {
  const w = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
  // The offsets a day either side bracket any change near `w`.
  const before = offsetMs(w - DAY_MS, timeZone);
  const after = offsetMs(w + DAY_MS, timeZone);
  const candidates = [w - before, w - after].filter((t) => t + offsetMs(t, timeZone) === w);
  if (candidates.length) return Math.min(...candidates);
  if (gap === 'shift') return w - before;
  // Clamp: find the change between the two readings, quarter hour by quarter hour (zones change on those).
  let lo = Math.floor(Math.min(w - before, w - after) / QUARTER_HOUR_MS);
  let hi = Math.ceil(Math.max(w - before, w - after) / QUARTER_HOUR_MS);
  const offLo = offsetMs(lo * QUARTER_HOUR_MS, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid * QUARTER_HOUR_MS, timeZone) === offLo) lo = mid;
    else hi = mid;
  }
  return hi * QUARTER_HOUR_MS;
}

/** The calendar date `days` after `date` (negative: before). Pure calendar arithmetic, no zone. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** [midnight, next midnight) of a calendar date in `timeZone`: 23, 24 or 25 hours. Takes a WallTime too (its clock is ignored). */
export function zonedDayRange(date: CivilDate, timeZone?: string): { start: number; end: number } {
  const midnight = { year: date.year, month: date.month, day: date.day };
  return { start: zonedEpoch(midnight, timeZone), end: zonedEpoch(addDays(midnight, 1), timeZone) };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 with the zone's offset, to the second: `2026-11-16T09:05:00+01:00`. */
export function isoWithOffset(epoch: number, timeZone?: string): string {
  const off = Math.round(offsetMs(epoch, timeZone) / 60_000);
  const d = new Date(epoch + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

import { browserTimeZone, isValidTimeZone, offsetMs, zonedEpoch } from '../time/zone';

/**
 * Business hours: how much of a span falls inside a weekly schedule, in the
 * schedule's own IANA time zone, whatever zone the browser runs in.
 *
 * Pure Intl math (no date library): a wall-clock time of the schedule's zone
 * is turned into an instant by asking Intl for the zone's UTC offset. Each
 * local day's open intervals are computed once and cached, so the sidebar can
 * call `businessMillis` for every row on every tick.
 *
 * Rules:
 * - `weekly[day]` lists `[open, close]` pairs as `HH:MM` (24 h). `close` may be
 *   `24:00`; a `close` earlier than `open` is an overnight shift that ends the
 *   next day (`['22:00', '06:00']`). Overlapping intervals are merged.
 * - A holiday (`YYYY-MM-DD`, local date) closes the shifts that START that day.
 * - Daylight saving: a local time skipped by a spring-forward change maps to
 *   the instant of the change (so a shift is shorter by an hour that day); a
 *   local time that happens twice in autumn maps to its first occurrence (so a
 *   shift spanning the change is an hour longer). Both match what a clock on
 *   the wall of the shop shows.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface Schedule {
  timeZone: string;
  weekly: Record<Weekday, Array<[string, string]>>;
  holidays: string[];
}

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Index of a weekday as `Date.getUTCDay()` numbers it (0 = Sunday). */
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- time zones

/** Civil date as days since 1970-01-01 (no zone: pure calendar arithmetic). */
type DayNumber = number;

/** The local calendar day of instant `t` in `timeZone`. */
export function localDay(t: number, timeZone: string): DayNumber {
  return Math.floor((t + offsetMs(t, timeZone)) / DAY_MS);
}

function isoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(day: DayNumber): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(day * DAY_MS).getUTCDay()]!;
}

/** The instant a wall-clock time of `timeZone` denotes (see the DST rules above: a skipped time clamps to the change). */
export function zonedToInstant(day: DayNumber, minuteOfDay: number, timeZone: string): number {
  const date = new Date(day * DAY_MS);
  // minuteOfDay may be 1440 (24:00): Date.UTC rolls it into the next day.
  const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), minute: minuteOfDay };
  return zonedEpoch(wall, timeZone, 'clamp');
}

// ---------------------------------------------------------------- schedule

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** `HH:MM` -> minutes after midnight; null when malformed. `24:00` is 1440. */
export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || !TIME_RE.test(value)) return null;
  const [h, m] = value.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

type Interval = [number, number];

/** Cache of each local day's open intervals (as instants), per schedule object. */
const dayCache = new WeakMap<Schedule, Map<DayNumber, Interval[]>>();

/** Instants during which shifts STARTING on `day` are open (an overnight one runs into the next day). */
function shiftsStartingOn(schedule: Schedule, day: DayNumber): Interval[] {
  let perSchedule = dayCache.get(schedule);
  if (!perSchedule) dayCache.set(schedule, (perSchedule = new Map()));
  const cached = perSchedule.get(day);
  if (cached) return cached;

  const out: Interval[] = [];
  if (!schedule.holidays.includes(isoDate(day))) {
    for (const [open, close] of schedule.weekly[weekdayOf(day)] ?? []) {
      const from = parseTime(open);
      const to = parseTime(close);
      if (from === null || to === null || from === to || from === 1440) continue;
      const start = zonedToInstant(day, from, schedule.timeZone);
      const end = to > from ? zonedToInstant(day, to, schedule.timeZone) : zonedToInstant(day + 1, to, schedule.timeZone);
      if (end > start) out.push([start, end]);
    }
  }
  if (perSchedule.size > 2_000) perSchedule.clear();
  perSchedule.set(day, out);
  return out;
}

/** Merged open intervals touching local days [firstDay, lastDay] (plus overnight shifts from the day before). */
function openIntervals(schedule: Schedule, firstDay: DayNumber, lastDay: DayNumber): Interval[] {
  const all: Interval[] = [];
  for (let d = firstDay - 1; d <= lastDay; d++) all.push(...shiftsStartingOn(schedule, d));
  all.sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const iv of all) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

const toMs = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());

/**
 * Milliseconds of [start, end) inside open hours. `null` schedule = always
 * open. Never negative (end before start gives 0).
 */
export function businessMillis(start: Date | number, end: Date | number, schedule: Schedule | null): number {
  const a = toMs(start);
  const b = toMs(end);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= a) return 0;
  if (!schedule) return b - a;
  const firstDay = localDay(a, schedule.timeZone);
  const lastDay = localDay(b, schedule.timeZone);
  let total = 0;
  for (const [s, e] of openIntervals(schedule, firstDay, lastDay)) {
    const from = Math.max(s, a);
    const to = Math.min(e, b);
    if (to > from) total += to - from;
  }
  return total;
}

/** Whether the business is open at instant `t` (always, without a schedule). */
export function isOpenAt(t: Date | number, schedule: Schedule | null): boolean {
  if (!schedule) return true;
  const at = toMs(t);
  const day = localDay(at, schedule.timeZone);
  return openIntervals(schedule, day, day).some(([s, e]) => s <= at && at < e);
}

/**
 * The first instant >= t when the business is open: `t` itself when open now,
 * null when the schedule never opens in the next year.
 */
export function nextOpening(t: Date | number, schedule: Schedule | null): number | null {
  const at = toMs(t);
  if (!schedule) return at;
  const first = localDay(at, schedule.timeZone);
  for (let day = first; day <= first + 370; day += 7) {
    for (const [s, e] of openIntervals(schedule, day, day + 6)) {
      if (e > at) return Math.max(s, at);
    }
  }
  return null;
}

/** The first instant > t when the business closes (t must be open); null without a schedule. */
export function nextClosing(t: Date | number, schedule: Schedule | null): number | null {
  const at = toMs(t);
  if (!schedule) return null;
  const first = localDay(at, schedule.timeZone);
  const found = openIntervals(schedule, first, first + 8).find(([s, e]) => s <= at && at < e);
  return found ? found[1] : null;
}

// ---------------------------------------------------------------- validation

export type ScheduleIssueCode =
  | 'invalidZone'
  | 'invalidTime'
  | 'emptyInterval'
  | 'overlap'
  | 'tooMany'
  | 'invalidDate'
  | 'noOpenHours'
  | 'invalid';

export interface ScheduleIssue {
  field: 'timeZone' | 'weekly' | 'holidays';
  code: ScheduleIssueCode;
  day?: Weekday;
  /** Index of the interval (weekly) or of the holiday (holidays). */
  index?: number;
}

export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_HOLIDAYS = 366;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function emptyWeekly(): Record<Weekday, Array<[string, string]>> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** A sensible starting schedule for the editor: weekdays 09:00–12:30 and 13:30–18:00. */
export function defaultSchedule(timeZone = browserTimeZone()): Schedule {
  const weekly = emptyWeekly();
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) weekly[d] = [['09:00', '12:30'], ['13:30', '18:00']];
  return { timeZone, weekly, holidays: [] };
}

/** Minutes-of-week ranges of one day's shifts, for overlap checks (overnight shifts run past 1440). */
function weekRanges(day: Weekday, intervals: Array<[string, string]>): Array<{ from: number; to: number; index: number }> {
  const base = WEEKDAYS.indexOf(day) * 1440;
  return intervals.map(([o, c], index) => {
    const from = parseTime(o)!;
    const to = parseTime(c)!;
    return { from: base + from, to: base + (to > from ? to : to + 1440), index };
  });
}

/**
 * Validates an untrusted schedule (options form, imported file). `null` and
 * `undefined` mean "always open" and are valid. Returns the normalised value
 * (holidays sorted and de-duplicated, intervals sorted) and every issue found;
 * with issues, `value` is null.
 */
export function validateSchedule(input: unknown): { value: Schedule | null; issues: ScheduleIssue[] } {
  if (input === null || input === undefined) return { value: null, issues: [] };
  if (typeof input !== 'object' || Array.isArray(input)) return { value: null, issues: [{ field: 'weekly', code: 'invalid' }] };
  const raw = input as Record<string, unknown>;
  const issues: ScheduleIssue[] = [];

  const timeZone = typeof raw.timeZone === 'string' ? raw.timeZone.trim() : '';
  if (!isValidTimeZone(timeZone)) issues.push({ field: 'timeZone', code: 'invalidZone' });

  const weekly = emptyWeekly();
  const rawWeekly = (typeof raw.weekly === 'object' && raw.weekly !== null ? raw.weekly : null) as Record<string, unknown> | null;
  if (!rawWeekly) issues.push({ field: 'weekly', code: 'invalid' });
  const allRanges: Array<{ from: number; to: number; index: number; day: Weekday }> = [];
  for (const day of WEEKDAYS) {
    const list = rawWeekly?.[day] ?? [];
    if (!Array.isArray(list)) {
      issues.push({ field: 'weekly', code: 'invalid', day });
      continue;
    }
    if (list.length > MAX_INTERVALS_PER_DAY) issues.push({ field: 'weekly', code: 'tooMany', day });
    const good: Array<[string, string]> = [];
    list.forEach((pair: unknown, index) => {
      const open = Array.isArray(pair) ? pair[0] : undefined;
      const close = Array.isArray(pair) ? pair[1] : undefined;
      const from = parseTime(open);
      const to = parseTime(close);
      if (from === null || to === null || from === 1440) issues.push({ field: 'weekly', code: 'invalidTime', day, index });
      else if (from === to) issues.push({ field: 'weekly', code: 'emptyInterval', day, index });
      else good.push([open as string, close as string]);
    });
    // Keep the user's indexes for messages, but store sorted.
    const ranges = good.length === list.length ? weekRanges(day, good) : [];
    allRanges.push(...ranges.map((r) => ({ ...r, day })));
    weekly[day] = [...good].sort((a, b) => parseTime(a[0])! - parseTime(b[0])!);
  }
  // Overlaps, including an overnight shift running into the next day's first one (and Sunday night into Monday).
  allRanges.sort((a, b) => a.from - b.from);
  const WEEK = 7 * 1440;
  for (let i = 1; i < allRanges.length; i++) {
    const prev = allRanges[i - 1]!;
    const cur = allRanges[i]!;
    if (cur.from < prev.to) issues.push({ field: 'weekly', code: 'overlap', day: cur.day, index: cur.index });
  }
  const first = allRanges[0];
  const last = allRanges[allRanges.length - 1];
  if (first && last && first !== last && last.to > first.from + WEEK) {
    issues.push({ field: 'weekly', code: 'overlap', day: first.day, index: first.index });
  }
  if (!issues.some((i) => i.field === 'weekly') && WEEKDAYS.every((d) => weekly[d].length === 0)) {
    issues.push({ field: 'weekly', code: 'noOpenHours' });
  }

  const holidays: string[] = [];
  if (raw.holidays !== undefined && !Array.isArray(raw.holidays)) issues.push({ field: 'holidays', code: 'invalid' });
  const rawHolidays = Array.isArray(raw.holidays) ? raw.holidays : [];
  if (rawHolidays.length > MAX_HOLIDAYS) issues.push({ field: 'holidays', code: 'tooMany' });
  rawHolidays.forEach((h: unknown, index) => {
    const v = typeof h === 'string' ? h.trim() : h;
    if (isValidIsoDate(v)) holidays.push(v);
    else issues.push({ field: 'holidays', code: 'invalidDate', index });
  });

  if (issues.length) return { value: null, issues };
  return { value: { timeZone, weekly, holidays: [...new Set(holidays)].sort() }, issues };
}

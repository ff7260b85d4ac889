import { LANGUAGES, labelsFor, normalizeLabel, type InboxLabels } from './labels';
import { addDays, isValidTimeZone, wallTime, zonedDayRange, zonedEpoch, type CivilDate } from '../time/zone';

/**
 * Meta's short time tokens (list rows) and thread separators, turned into the
 * interval of instants they denote. `5m` means "sent between 6 and 5 minutes
 * ago"; `Yesterday` the whole of yesterday in the agent's time zone;
 * `4:32 PM` the minute 16:32 today. Tokens are read in the page's language
 * first, then in every other known language (a French page may still show
 * English bits). Only numeric dates (`5/1`) depend on the locale: day first
 * in French and en-GB, month first otherwise.
 */
export interface TokenInterval {
  start: Date;
  end: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A clock time this far in the future is read as the previous day (token rendered before midnight, read after). */
const FUTURE_SLACK = 5 * MINUTE;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of aliases, longest first so `mars` wins over `mar`. */
const alternation = (aliases: string[]) =>
  aliases
    .map((a) => normalizeLabel(a))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

// 16:32, 4:32 pm, 4:32 p.m., 16h32, 4 pm
const CLOCK = String.raw`(\d{1,2})(?:[:h.](\d{2}))?\s*([ap])?\.?(?:m\.?)?`;
const AT = String.raw`(?:,?\s+(?:at|à|a)\s+|,?\s+)`;

interface Grammar {
  labels: InboxLabels;
  relative: RegExp;
  units: Map<string, number>;
  today: RegExp;
  yesterday: RegExp;
  weekday: RegExp;
  monthDay: RegExp;
  dayMonth: RegExp;
  monthIndex: Map<string, number>;
  weekdayIndex: Map<string, number>;
  now: Set<string>;
}

function grammarFor(labels: InboxLabels): Grammar {
  const t = labels.time;
  const units = new Map<string, number>();
  for (const u of t.minute) units.set(normalizeLabel(u), MINUTE);
  for (const u of t.hour) units.set(normalizeLabel(u), HOUR);
  for (const u of t.day) units.set(normalizeLabel(u), DAY);
  for (const u of t.week) units.set(normalizeLabel(u), 7 * DAY);
  const monthIndex = new Map<string, number>();
  t.months.forEach((aliases, i) => aliases.split('|').forEach((a) => monthIndex.set(normalizeLabel(a), i + 1)));
  const weekdayIndex = new Map<string, number>();
  t.weekdays.forEach((aliases, i) => aliases.split('|').forEach((a) => weekdayIndex.set(normalizeLabel(a), i)));
  const months = alternation([...monthIndex.keys()]);
  const weekdays = alternation([...weekdayIndex.keys()]);
  const clockTail = `(?:${AT}${CLOCK})?`;
  return {
    labels,
    units,
    monthIndex,
    weekdayIndex,
    now: new Set(t.now.map(normalizeLabel)),
    relative: new RegExp(`^(\\d{1,3})\\s*(${alternation([...units.keys()])})$`),
    today: new RegExp(`^(?:${alternation(t.today)})${clockTail}$`),
    yesterday: new RegExp(`^(?:${alternation(t.yesterday)})${clockTail}$`),
    weekday: new RegExp(`^(${weekdays})${clockTail}$`),
    monthDay: new RegExp(`^(${months})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?${clockTail}$`),
    dayMonth: new RegExp(`^(\\d{1,2})(?:er)?\\s+(${months})(?:\\s+(\\d{4}))?${clockTail}$`),
  };
}

const grammars = new Map<InboxLabels, Grammar>();
function grammar(labels: InboxLabels): Grammar {
  let g = grammars.get(labels);
  if (!g) grammars.set(labels, (g = grammarFor(labels)));
  return g;
}

const CLOCK_ONLY = new RegExp(`^${CLOCK}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?` + `(?:${AT}${CLOCK})?$`);

/** Hours and minutes from a CLOCK match's groups, or null when out of range / not a clock. */
function clockFrom(hStr: string | undefined, miStr: string | undefined, ap: string | undefined): { h: number; mi: number } | null {
  if (hStr === undefined) return null;
  let h = Number(hStr);
  const mi = miStr === undefined ? 0 : Number(miStr);
  if (miStr === undefined && !ap) return null; // a bare number is not a time
  if (ap) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ap === 'p' ? 12 : 0);
  }
  if (h > 23 || mi > 59) return null;
  return { h, mi };
}

interface Ctx {
  now: number;
  /** undefined: the browser's own zone (zone.ts reads it through Date). */
  tz: string | undefined;
  /** Today's civil date in `tz`: computed on first use (Intl is the costly part of a parse). */
  readonly today: CivilDate & { wd: number };
}

const minuteAt = (c: Ctx, date: CivilDate, clock: { h: number; mi: number }) => {
  // A minute skipped by a DST change is shifted forward by the gap (Paris 02:30 -> 03:30).
  const start = zonedEpoch({ ...date, hour: clock.h, minute: clock.mi }, c.tz, 'shift');
  return { start, end: start + MINUTE };
};
const wholeDay = (c: Ctx, date: CivilDate) => zonedDayRange(date, c.tz);

function parseWith(g: Grammar, text: string, c: Ctx, dayFirst: boolean): { start: number; end: number } | null {
  if (g.now.has(text)) return { start: c.now - MINUTE, end: c.now };

  let m = g.relative.exec(text);
  if (m) {
    const n = Number(m[1]);
    const unit = g.units.get(m[2] ?? '')!;
    // `1m` is shown from the first second: it covers "under two minutes ago".
    const end = unit === MINUTE && n <= 1 ? c.now : c.now - n * unit;
    return { start: c.now - (n + 1) * unit, end };
  }

  m = CLOCK_ONLY.exec(text);
  if (m) {
    const clock = clockFrom(m[1], m[2], m[3]);
    if (!clock) return null;
    let r = minuteAt(c, c.today, clock);
    if (r.start > c.now + FUTURE_SLACK) r = minuteAt(c, addDays(c.today, -1), clock);
    return r;
  }

  m = g.today.exec(text);
  if (m) {
    const clock = clockFrom(m[1], m[2], m[3]);
    return clock ? minuteAt(c, c.today, clock) : wholeDay(c, c.today);
  }

  m = g.yesterday.exec(text);
  if (m) {
    const day = addDays(c.today, -1);
    const clock = clockFrom(m[1], m[2], m[3]);
    return clock ? minuteAt(c, day, clock) : wholeDay(c, day);
  }

  m = g.weekday.exec(text);
  if (m) {
    const wd = g.weekdayIndex.get(m[1] ?? '')!;
    const clock = clockFrom(m[2], m[3], m[4]);
    if (m[2] !== undefined && !clock) return null;
    // The most recent such day that is not in the future (today counts only with a clock time already past).
    for (let k = 0; k <= 7; k++) {
      if ((c.today.wd - k + 7) % 7 !== wd) continue;
      const day = addDays(c.today, -k);
      if (!clock) {
        if (k === 0) continue;
        return wholeDay(c, day);
      }
      const r = minuteAt(c, day, clock);
      if (r.start <= c.now + FUTURE_SLACK) return r;
    }
    return null;
  }

  const md = g.monthDay.exec(text);
  const dm = md ? null : g.dayMonth.exec(text);
  if (md || dm) {
    const month = g.monthIndex.get((md ? md[1] : dm![2]) ?? '')!;
    const d = Number(md ? md[2] : dm![1]);
    const yearStr = md ? md[3] : dm![3];
    const [hStr, miStr, ap] = md ? [md[4], md[5], md[6]] : [dm![4], dm![5], dm![6]];
    return dated(c, yearStr, month, d, hStr, miStr, ap);
  }

  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [d, month] = dayFirst ? [a, b] : [b, a];
    let yearStr = m[3];
    if (yearStr?.length === 2) yearStr = String(2000 + Number(yearStr));
    return dated(c, yearStr, month, d, m[4], m[5], m[6]);
  }
  return null;
}

/** A calendar date with an optional year (none: the latest such date not in the future) and optional clock. */
function dated(c: Ctx, yearStr: string | undefined, month: number, d: number, hStr?: string, miStr?: string, ap?: string) {
  if (month < 1 || month > 12 || d < 1 || d > 31) return null;
  const clock = hStr === undefined ? null : clockFrom(hStr, miStr, ap);
  if (hStr !== undefined && !clock) return null;
  const build = (y: number) => {
    // Reject dates that roll over (Feb 30).
    const date = { year: y, month, day: d };
    if (addDays(date, 0).month !== month) return null;
    return clock ? minuteAt(c, date, clock) : wholeDay(c, date);
  };
  if (yearStr) return build(Number(yearStr));
  const thisYear = build(c.today.year);
  // `Dec 30` read on January 2nd is last year's.
  if (thisYear && thisYear.start <= c.now + FUTURE_SLACK) return thisYear;
  return build(c.today.year - 1);
}

type Parsed = { start: number; end: number } | null;
/**
 * Absolute tokens already read, by the minute of `now` they were read at ("Today", "Yesterday" and a
 * date without its year change meaning with `now`). A bucket per minute; when the latest minute moves
 * on, the buckets nobody used since the previous move are dropped. So the cache holds the tokens of
 * the pages of the last minute or two, never a day's worth of minutes (issue 14: live objects), and a
 * bucket read every batch (a thread's bare clocks read at their day's end) stays.
 */
const parsed = new Map<number, { entries: Map<string, Parsed>; used: number; touched: number }>();
/** A clock set back (or tests) never moves `latestMinute` on: a bound on the buckets still holds. */
const MAX_BUCKETS = 16;
let latestMinute = Number.NEGATIVE_INFINITY;
let generation = 0;
let calls = 0;
function bucketFor(minute: number) {
  if (minute > latestMinute) {
    latestMinute = minute;
    generation++;
    for (const [m, b] of parsed) if (b.used < generation - 1) parsed.delete(m);
  }
  let bucket = parsed.get(minute);
  if (!bucket) {
    parsed.set(minute, (bucket = { entries: new Map(), used: generation, touched: 0 }));
    if (parsed.size > MAX_BUCKETS) {
      let oldest: number | null = null;
      for (const [m, b] of parsed) if (b !== bucket && (oldest === null || b.touched < parsed.get(oldest)!.touched)) oldest = m;
      if (oldest !== null) parsed.delete(oldest);
    }
  }
  bucket.used = generation;
  bucket.touched = ++calls;
  if (bucket.entries.size > 5000) bucket.entries.clear();
  return bucket.entries;
}
/** Entries in the cache of absolute tokens (tests: it must not grow with time). */
export const timeTokenCacheSize = () => [...parsed.values()].reduce((n, b) => n + b.entries.size, 0);

/** Leading/trailing punctuation Meta sometimes adds (`· 5m`, `5m ·`). */
function clean(token: string): string {
  return normalizeLabel(token).replace(/^[·•,\s]+|[·•,\s]+$/g, '');
}

/**
 * The interval a time token denotes, or null when it is not one.
 * `locale` is the page's language (`en`, `fr-FR`...), `timeZone` an IANA zone,
 * or undefined for the browser's own zone: read through `Date`, with no `Intl`
 * at all (a content script's first `Intl.DateTimeFormat` cost 13 ms of its start-up).
 */
export function parseTimeToken(token: string, now: Date | number, locale: string | null, timeZone?: string): TokenInterval | null {
  try {
    const text = clean(token);
    if (!text || text.length > 40) return null;
    const nowMs = typeof now === 'number' ? now : now.getTime();
    const tz = timeZone === undefined ? undefined : isValidTimeZone(timeZone) ? timeZone : 'UTC';
    let today: Ctx['today'] | null = null;
    let usedNow = false;
    const c: Ctx = {
      get now() {
        usedNow = true;
        return nowMs;
      },
      tz,
      get today() {
        if (!today) {
          const w = wallTime(nowMs, tz);
          // wd: 0 = Sunday, as the labels' weekday indexes count.
          today = { year: w.year, month: w.month, day: w.day, wd: w.weekday % 7 };
        }
        return today;
      },
    };
    // Absolute tokens (dates, clock times) read the same all minute long: remember them.
    const bucket = bucketFor(Math.floor(nowMs / 60_000));
    const cacheKey = `${text}|${locale}|${tz ?? ''}`;
    const cached = bucket.get(cacheKey);
    if (cached !== undefined) return cached && { start: new Date(cached.start), end: new Date(cached.end) };
    const own = labelsFor(locale);
    const dayFirst = own ? own.time.dayFirst || /^en[-_](gb|au|nz|ie|in|za)/i.test(locale ?? '') : false;
    const order = own ? [own, ...LANGUAGES.filter((l) => l !== own)] : LANGUAGES;
    let result: { start: number; end: number } | null = null;
    for (const labels of order) {
      result = parseWith(grammar(labels), text, c, dayFirst);
      if (result) break;
    }
    // Relative tokens (`5m`) depend on the exact time and are cheap: never cached. Tokens that read
    // neither today nor now (a date with its year) are the same at any time.
    if (today !== null || !usedNow || result === null) {
      bucket.set(cacheKey, result);
    }
    return result && { start: new Date(result.start), end: new Date(result.end) };
  } catch {
    return null;
  }
}

/** `abbr[data-utime]` carries unix seconds: a one-second interval. */
export function utimeInterval(value: string | null | undefined): TokenInterval | null {
  // 2026 pages write seconds with decimals (`1791104461.826`): the second is what counts.
  if (!value || !/^\d{9,11}(\.\d+)?$/.test(value.trim())) return null;
  const start = Math.floor(Number(value.trim())) * 1000;
  return { start: new Date(start), end: new Date(start + 1000) };
}

/** Whether a token is a clock time alone (`1:58 PM`, `13:58`): a thread separator that belongs to the day above it. */
export function isBareClock(token: string): boolean {
  return CLOCK_ONLY.test(clean(token));
}

/** Whether text reads as a time token at all (any date will do for the syntax). */
export function looksLikeTimeToken(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 40 || !/\d|[a-zà-ü]/i.test(trimmed)) return false;
  // The same texts come back on every read of the page (separators, labels, tokens): remember the answer.
  let known = syntaxCache.get(trimmed);
  if (known === undefined) {
    known = (parseTimeToken(trimmed, SYNTAX_NOW, 'en', 'UTC') ?? parseTimeToken(trimmed, SYNTAX_NOW, 'fr', 'UTC')) !== null;
    if (syntaxCache.size > 5000) syntaxCache.clear();
    syntaxCache.set(trimmed, known);
  }
  return known;
}
const syntaxCache = new Map<string, boolean>();
const SYNTAX_NOW = Date.UTC(2026, 5, 15, 12, 0);

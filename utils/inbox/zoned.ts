/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no library):
 * the inbox shows times in the agent's zone, and a day is 23 or 25 hours long
 * on daylight-saving change days.
 */

export interface WallTime {
  y: number;
  /** 1-12 */
  m: number;
  d: number;
  h: number;
  mi: number;
  /** 0 = Sunday */
  wd: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
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
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall time at `epoch` in `timeZone` (from the cached offset: Intl is asked once per quarter hour of time). */
export function wallTime(epoch: number, timeZone: string): WallTime & { s: number } {
  const t = new Date(epoch + offsetAt(epoch, timeZone));
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    wd: t.getUTCDay(),
  };
}

function wallTimeFromIntl(epoch: number, timeZone: string): WallTime & { s: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epoch))) parts[p.type] = p.value;
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour) % 24,
    mi: Number(parts.minute),
    s: Number(parts.second),
    wd: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();
/**
 * Offset of `timeZone` from UTC at `epoch`, in ms (Paris in summer: +7,200,000).
 * Zones change offset on quarter-hour boundaries, so one Intl call per zone
 * and quarter hour is enough; the answers are cached.
 */
function offsetAt(epoch: number, timeZone: string): number {
  const bucket = Math.floor(epoch / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR;
    const w = wallTimeFromIntl(at, timeZone);
    offset = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - at;
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant a wall time denotes. When the wall time occurs twice (clocks go
 * back) the earlier instant; when it does not exist (clocks go forward) the
 * instant the same distance past the gap (02:30 -> 03:30 in Paris).
 */
export function zonedToEpoch(y: number, m: number, d: number, h: number, mi: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const HALF_DAY = 12 * 3_600_000;
  const before = offsetAt(wall - HALF_DAY, timeZone);
  const after = offsetAt(wall + HALF_DAY, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const c of candidates) if (offsetAt(c, timeZone) === wall - c) return c;
  return wall - before;
}

/** The civil date `days` after y-m-d (negative: before). */
export function addDays(y: number, m: number, d: number, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** [midnight, next midnight) of a civil date in `timeZone`. */
export function zonedDay(y: number, m: number, d: number, timeZone: string): { start: number; end: number } {
  const next = addDays(y, m, d, 1);
  return { start: zonedToEpoch(y, m, d, 0, 0, timeZone), end: zonedToEpoch(next.y, next.m, next.d, 0, 0, timeZone) };
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

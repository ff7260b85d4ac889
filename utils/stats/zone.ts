/**
 * Minimal time-zone arithmetic for weeks and CSV timestamps. `timeZone`
 * undefined means the runtime's own zone (the manager's browser), which is
 * what the popup uses; tests pass an IANA name to pin DST behaviour.
 */

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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get the wall clock of `timeZone` at instant `ms` (Paris in winter: 60). */
export function offsetMinutes(ms: number, timeZone?: string): number {
  if (!timeZone) return -new Date(ms).getTimezoneOffset();
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wallAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSecond) / 60000);
}

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

/** The wall clock reading of instant `ms` in `timeZone`. */
export function wallTime(ms: number, timeZone?: string): WallTime {
  const d = new Date(ms + offsetMinutes(ms, timeZone) * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}

/** The instant at which `timeZone`'s wall clock reads the given local time (midnights are never in a DST gap in practice). */
export function instantOf(year: number, month: number, day: number, hour = 0, minute = 0, timeZone?: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let t = guess - offsetMinutes(guess, timeZone) * 60000;
  const corrected = guess - offsetMinutes(t, timeZone) * 60000;
  if (corrected !== t) t = corrected;
  return t;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Offsets by quarter hour: every zone changes offset on a UTC quarter-hour, and a CSV asks for 50,000 of them. */
const offsetCache = new Map<string, Map<number, number>>();

function cachedOffset(ms: number, timeZone?: string): number {
  const zone = timeZone ?? '';
  let byBlock = offsetCache.get(zone);
  if (!byBlock) offsetCache.set(zone, (byBlock = new Map()));
  const block = Math.floor(ms / 900_000);
  let off = byBlock.get(block);
  if (off === undefined) {
    off = offsetMinutes(block * 900_000, timeZone);
    if (byBlock.size > 10_000) byBlock.clear();
    byBlock.set(block, off);
  }
  return off;
}

/** ISO 8601 with the zone's offset, to the second: `2026-11-16T09:05:00+01:00`. */
export function isoWithOffset(ms: number, timeZone?: string): string {
  const off = cachedOffset(ms, timeZone);
  const d = new Date(ms + off * 60000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

import { describe, expect, it } from 'vitest';
import { looksLikeTimeToken, parseTimeToken, timeTokenCacheSize, utimeInterval } from '../../../utils/inbox/time-token';

const TZ = 'Europe/Paris';
const iso = (r: { start: Date; end: Date } | null) => (r ? [r.start.toISOString(), r.end.toISOString()] : null);
const parse = (token: string, now: string, locale: string | null = 'en') => iso(parseTimeToken(token, new Date(now), locale, TZ));
const z = (s: string) => new Date(s).toISOString();

// Tuesday 24 February 2026, 10:00 in Paris (UTC+1).
const NOW = '2026-02-24T09:00:00Z';

describe('parseTimeToken: every form, English and French', () => {
  it.each([
    ['5m', 'en', '2026-02-24T08:54:00Z', '2026-02-24T08:55:00Z'],
    ['5 min', 'fr', '2026-02-24T08:54:00Z', '2026-02-24T08:55:00Z'],
    ['1m', 'en', '2026-02-24T08:58:00Z', '2026-02-24T09:00:00Z'],
    ['2h', 'en', '2026-02-24T06:00:00Z', '2026-02-24T07:00:00Z'],
    ['2 h', 'fr', '2026-02-24T06:00:00Z', '2026-02-24T07:00:00Z'],
    ['3d', 'en', '2026-02-20T09:00:00Z', '2026-02-21T09:00:00Z'],
    ['3 j', 'fr', '2026-02-20T09:00:00Z', '2026-02-21T09:00:00Z'],
    ['9:32 AM', 'en', '2026-02-24T08:32:00Z', '2026-02-24T08:33:00Z'],
    ['09:32', 'fr', '2026-02-24T08:32:00Z', '2026-02-24T08:33:00Z'],
    ['Sun 10:12 PM', 'en', '2026-02-22T21:12:00Z', '2026-02-22T21:13:00Z'],
    ['dim. 22:12', 'fr', '2026-02-22T21:12:00Z', '2026-02-22T21:13:00Z'],
    ['Sat 08:53', 'en', '2026-02-21T07:53:00Z', '2026-02-21T07:54:00Z'],
    ['sam. 08:53', 'fr', '2026-02-21T07:53:00Z', '2026-02-21T07:54:00Z'],
    ['Yesterday', 'en', '2026-02-22T23:00:00Z', '2026-02-23T23:00:00Z'],
    ['Hier', 'fr', '2026-02-22T23:00:00Z', '2026-02-23T23:00:00Z'],
    ['Today 09:05', 'en', '2026-02-24T08:05:00Z', '2026-02-24T08:06:00Z'],
    ['Aujourd\u2019hui 09:05', 'fr', '2026-02-24T08:05:00Z', '2026-02-24T08:06:00Z'],
    ['Jan 5', 'en', '2026-01-04T23:00:00Z', '2026-01-05T23:00:00Z'],
    ['5 janv.', 'fr', '2026-01-04T23:00:00Z', '2026-01-05T23:00:00Z'],
    ['Jan 5, 2025', 'en', '2025-01-04T23:00:00Z', '2025-01-05T23:00:00Z'],
    ['5 janv. 2025', 'fr', '2025-01-04T23:00:00Z', '2025-01-05T23:00:00Z'],
    ['Feb 22, 2026 20:37', 'en', '2026-02-22T19:37:00Z', '2026-02-22T19:38:00Z'],
    ['22 févr. 2026 20:37', 'fr', '2026-02-22T19:37:00Z', '2026-02-22T19:38:00Z'],
    // Numeric dates: month first in en(-US), day first in French.
    ['5/1', 'fr', '2026-01-04T23:00:00Z', '2026-01-05T23:00:00Z'],
    ['1/5', 'en', '2026-01-04T23:00:00Z', '2026-01-05T23:00:00Z'],
  ])('%s (%s)', (token, locale, start, end) => {
    expect(parse(token, NOW, locale)).toEqual([z(start), z(end)]);
  });

  it('reads `5/1` as May 1st in en-US, last year since May is still to come', () => {
    expect(parse('5/1', NOW, 'en')).toEqual([z('2025-04-30T22:00:00Z'), z('2025-05-01T22:00:00Z')]);
    expect(parse('5/1', NOW, 'en-GB')).toEqual([z('2026-01-04T23:00:00Z'), z('2026-01-05T23:00:00Z')]);
  });

  it('reads a clock time still to come today as yesterday (token rendered before midnight)', () => {
    expect(parse('4:32 PM', NOW)).toEqual([z('2026-02-23T15:32:00Z'), z('2026-02-23T15:33:00Z')]);
    expect(parse('16:32', NOW, 'fr')).toEqual([z('2026-02-23T15:32:00Z'), z('2026-02-23T15:33:00Z')]);
  });

  it('tolerates spaces Meta uses (NBSP, narrow NBSP), case and a page language it does not match', () => {
    expect(parse('9:32\u202fAM', NOW)).toEqual(parse('9:32 AM', NOW));
    expect(parse('5\u00a0min', NOW, 'fr')).toEqual(parse('5m', NOW));
    expect(parse('YESTERDAY', NOW)).toEqual(parse('Yesterday', NOW));
    expect(parse('Hier', NOW, 'en')).toEqual(parse('Yesterday', NOW));
    expect(parse('5m', NOW, null)).not.toBeNull();
  });

  it('returns null for what is not a time', () => {
    for (const t of ['', 'hello', 'Sent by Marie', '25:99', '42', 'Feb 30', 'You: ok', '13:00 PM']) expect(parse(t, NOW), t).toBeNull();
  });

  it('reads abbr[data-utime] as a one-second interval', () => {
    expect(iso(utimeInterval('1771923600'))).toEqual([z('2026-02-24T09:00:00Z'), z('2026-02-24T09:00:01Z')]);
    expect(utimeInterval('soon')).toBeNull();
    expect(utimeInterval(null)).toBeNull();
  });

  it('knows what looks like a token', () => {
    expect(looksLikeTimeToken('5m')).toBe(true);
    expect(looksLikeTimeToken('25/12')).toBe(true);
    expect(looksLikeTimeToken('Thanks!')).toBe(false);
  });
});

describe('parseTimeToken around midnight', () => {
  // Wednesday 25 February 2026, 00:00:30 in Paris.
  const AFTER_MIDNIGHT = '2026-02-24T23:00:30Z';
  it('a clock time from just before midnight is yesterday', () => {
    expect(parse('11:58 PM', AFTER_MIDNIGHT)).toEqual([z('2026-02-24T22:58:00Z'), z('2026-02-24T22:59:00Z')]);
    expect(parse('23:58', AFTER_MIDNIGHT, 'fr')).toEqual([z('2026-02-24T22:58:00Z'), z('2026-02-24T22:59:00Z')]);
  });
  it('Yesterday is the day that just ended, a weekday of today with a past time is today', () => {
    expect(parse('Yesterday', AFTER_MIDNIGHT)).toEqual([z('2026-02-23T23:00:00Z'), z('2026-02-24T23:00:00Z')]);
    expect(parse('Tue 11:58 PM', AFTER_MIDNIGHT)).toEqual([z('2026-02-24T22:58:00Z'), z('2026-02-24T22:59:00Z')]);
    expect(parse('Wed 12:00 AM', AFTER_MIDNIGHT)).toEqual([z('2026-02-24T23:00:00Z'), z('2026-02-24T23:01:00Z')]);
  });
  it('relative tokens cross midnight as plain durations', () => {
    expect(parse('2m', AFTER_MIDNIGHT)).toEqual([z('2026-02-24T22:57:30Z'), z('2026-02-24T22:58:30Z')]);
  });
});

describe('parseTimeToken across a year boundary', () => {
  // Saturday 2 January 2027, 11:00 in Paris.
  const NEW_YEAR = '2027-01-02T10:00:00Z';
  it('a date without year later in the calendar is last year', () => {
    expect(parse('Dec 30', NEW_YEAR)).toEqual([z('2026-12-29T23:00:00Z'), z('2026-12-30T23:00:00Z')]);
    expect(parse('30 déc.', NEW_YEAR, 'fr')).toEqual([z('2026-12-29T23:00:00Z'), z('2026-12-30T23:00:00Z')]);
    expect(parse('12/30', NEW_YEAR)).toEqual([z('2026-12-29T23:00:00Z'), z('2026-12-30T23:00:00Z')]);
    expect(parse('Jan 1', NEW_YEAR)).toEqual([z('2026-12-31T23:00:00Z'), z('2027-01-01T23:00:00Z')]);
  });
  it('Yesterday and weekdays reach back into the old year', () => {
    expect(parse('Yesterday', NEW_YEAR)).toEqual([z('2026-12-31T23:00:00Z'), z('2027-01-01T23:00:00Z')]);
    expect(parse('Thu 8:00 PM', NEW_YEAR)).toEqual([z('2026-12-31T19:00:00Z'), z('2026-12-31T19:01:00Z')]);
    expect(parse('jeu. 20:00', NEW_YEAR, 'fr')).toEqual([z('2026-12-31T19:00:00Z'), z('2026-12-31T19:01:00Z')]);
  });
});

describe('parseTimeToken on Europe/Paris daylight-saving days', () => {
  it('spring forward (29 March 2026): that day is 23 hours long', () => {
    expect(parse('Yesterday', '2026-03-30T10:00:00Z')).toEqual([z('2026-03-28T23:00:00Z'), z('2026-03-29T22:00:00Z')]);
    expect(parse('Hier', '2026-03-30T10:00:00Z', 'fr')).toEqual([z('2026-03-28T23:00:00Z'), z('2026-03-29T22:00:00Z')]);
  });
  it('spring forward: times before and after the change, and a time that does not exist', () => {
    expect(parse('9:30 AM', '2026-03-29T10:00:00Z')).toEqual([z('2026-03-29T07:30:00Z'), z('2026-03-29T07:31:00Z')]);
    expect(parse('Sun 1:30 AM', '2026-03-30T10:00:00Z')).toEqual([z('2026-03-29T00:30:00Z'), z('2026-03-29T00:31:00Z')]);
    expect(parse('dim. 02:30', '2026-03-30T10:00:00Z', 'fr')).toEqual([z('2026-03-29T01:30:00Z'), z('2026-03-29T01:31:00Z')]);
  });
  it('fall back (25 October 2026): that day is 25 hours long, a repeated time is its first occurrence', () => {
    expect(parse('Yesterday', '2026-10-26T10:00:00Z')).toEqual([z('2026-10-24T22:00:00Z'), z('2026-10-25T23:00:00Z')]);
    expect(parse('Sun 2:30 AM', '2026-10-26T10:00:00Z')).toEqual([z('2026-10-25T00:30:00Z'), z('2026-10-25T00:31:00Z')]);
    expect(parse('dim. 14:00', '2026-10-26T10:00:00Z', 'fr')).toEqual([z('2026-10-25T13:00:00Z'), z('2026-10-25T13:01:00Z')]);
  });
  it('a separator date in summer time', () => {
    expect(parse('Jul 14, 2026 12:00', '2026-10-26T10:00:00Z')).toEqual([z('2026-07-14T10:00:00Z'), z('2026-07-14T10:01:00Z')]);
  });
});

describe("parseTimeToken in the browser's own zone (no zone given: Date, not Intl)", () => {
  it('reads every form as the named zone the runtime is in, daylight-saving days included', () => {
    const saved = process.env.TZ;
    process.env.TZ = TZ; // Node follows a TZ set at run time: the runtime's own zone is now Paris
    try {
      expect(new Date('2026-02-24T09:00:00Z').getTimezoneOffset()).toBe(-60);
      const cases: Array<[string, string, string]> = [
        ['Today 09:05', 'en', NOW],
        ['Yesterday', 'en', NOW],
        ['Sun 10:12 PM', 'en', NOW],
        ['5 janv.', 'fr', NOW],
        ['Jan 5, 2025', 'en', NOW],
        ['5m', 'en', NOW],
        ['Hier', 'fr', '2026-03-30T10:00:00Z'],
        ['dim. 02:30', 'fr', '2026-03-30T10:00:00Z'],
        ['Sun 2:30 AM', 'en', '2026-10-26T10:00:00Z'],
      ];
      for (const [token, locale, now] of cases) {
        // Before stop 27 no zone meant UTC: every case but "5m" read an hour or two off.
        expect(iso(parseTimeToken(token, new Date(now), locale)), token).toEqual(parse(token, now, locale));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('parseTimeToken cache (issue 14: live objects)', () => {
  it('holds the tokens of the last minutes only, however long the page stays open, and still answers right', () => {
    const tokens = ['Yesterday', 'Mon', 'Mar 3', 'Mar 3, 2025', '10:42', '3/4/2025'];
    const t0 = Date.UTC(2040, 2, 10, 9, 0); // later than every other test's clock: time only moves on here
    const sizes: number[] = [];
    for (let minute = 0; minute < 600; minute++) {
      const now = t0 + minute * 60_000;
      // A bare clock read at the end of a past day every batch, as a thread's separators are.
      parseTimeToken('1:58 PM', Date.UTC(2040, 2, 3, 22, 59), 'en', 'UTC');
      for (const t of tokens) parseTimeToken(t, now, 'en', 'UTC');
      sizes.push(timeTokenCacheSize());
    }
    expect(Math.max(...sizes.slice(10))).toBeLessThanOrEqual(2 * (tokens.length + 1));
    // A cached answer is the same as a fresh one.
    const later = t0 + 599 * 60_000;
    expect(parseTimeToken('Yesterday', later, 'en', 'UTC')).toEqual(parseTimeToken('Yesterday', later, 'en', 'UTC'));
    expect(parseTimeToken('Yesterday', later, 'en', 'UTC')!.start.getTime()).toBe(Date.UTC(2040, 2, 9));
  });

  it('stays bounded when the clock goes back and forth (a clock set back never moves the latest minute on)', () => {
    const t0 = Date.UTC(2020, 0, 6, 9, 0);
    for (let minute = 0; minute < 300; minute++) parseTimeToken('Yesterday', t0 + (minute % 2 ? minute : -minute) * 60_000, 'en', 'UTC');
    expect(timeTokenCacheSize()).toBeLessThanOrEqual(16 + 2 * 7);
  });
});

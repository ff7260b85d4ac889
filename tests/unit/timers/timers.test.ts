import { describe, expect, it } from 'vitest';
import { advance, alertsChanged, computeTimers, nextChangeAt, replyWindowMs, windowNotice, worstState, alertSignature, toAlertItems } from '../../../utils/timers/timers';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { DEFAULT_TIMING_SETTINGS, usesBusinessTime, validateTimingSettings, type TimingSettings } from '../../../utils/timers/settings';
import { emptyWeekly } from '../../../utils/timers/business-hours';
import type { InboxEvent } from '../../../utils/inbox/types';
import { customer, HOUR, MIN, replied, T0 } from './fixtures';

const track = (...events: InboxEvent[]) => events.reduce(applyEvent, emptyTracker);
const opts = (now: number, settings: Partial<TimingSettings> = {}) => ({ now, targetMinutes: 5, settings: { ...DEFAULT_TIMING_SETTINGS, ...settings } });

// Paris office, weekdays 09:00–18:00 (UTC+1 in January). T0 = Monday 10:00 Paris.
const office: TimingSettings['businessHours'] = {
  timeZone: 'Europe/Paris',
  weekly: { ...emptyWeekly(), mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] },
  holidays: [],
};

describe('states against the target', () => {
  it('ok, soon within the warning lead, late at the target', () => {
    const s = track(customer('a', T0));
    expect(computeTimers(s, opts(T0 + 3 * MIN))[0]).toMatchObject({ state: 'ok', leftMs: 2 * MIN, elapsedWallMs: 3 * MIN });
    expect(computeTimers(s, opts(T0 + 4 * MIN))[0]!.state).toBe('soon');
    expect(computeTimers(s, opts(T0 + 5 * MIN))[0]).toMatchObject({ state: 'late', leftMs: 0 });
    expect(computeTimers(s, opts(T0 + 3 * MIN, { warningLeadMinutes: 2 }))[0]!.state).toBe('soon');
  });

  it('answered conversations are not listed', () => {
    expect(computeTimers(track(customer('a', T0), replied('a', T0 + MIN)), opts(T0 + 2 * MIN))).toEqual([]);
  });

  it('sorts by urgency: late (most overdue first), soon, ok', () => {
    const s = track(customer('ok', T0 + 9 * MIN), customer('late1', T0), customer('late2', T0 + MIN), customer('soon', T0 + 6 * MIN));
    expect(computeTimers(s, opts(T0 + 10 * MIN)).map((v) => v.key)).toEqual(['late1', 'late2', 'soon', 'ok']);
  });

  it('filters by Page when asked', () => {
    const s = track(customer('a', T0), customer('b', T0, { pageId: 'other' }));
    expect(computeTimers(s, { ...opts(T0), pageId: 'p1' }).map((v) => v.key)).toEqual(['a']);
  });
});

describe('business time', () => {
  const evening = Date.parse('2026-01-05T16:58:00Z'); // Monday 17:58 Paris
  it('counts only open hours and is paused while closed', () => {
    const s = track(customer('a', evening));
    const atNight = Date.parse('2026-01-05T22:00:00Z');
    const [v] = computeTimers(s, opts(atNight, { businessHours: office }));
    expect(v).toMatchObject({ state: 'paused', elapsedBusinessMs: 2 * MIN, countedMs: 2 * MIN, leftMs: 3 * MIN });
    expect(v!.elapsedWallMs).toBe(atNight - evening);
    // Next morning 09:02: 4 business minutes -> soon.
    expect(computeTimers(s, opts(Date.parse('2026-01-06T08:02:00Z'), { businessHours: office }))[0]!.state).toBe('soon');
  });

  it('wall basis ignores the schedule; late stays late while closed', () => {
    const s = track(customer('a', evening));
    const atNight = Date.parse('2026-01-05T22:00:00Z');
    expect(computeTimers(s, opts(atNight, { businessHours: office, timeBasis: 'wall' }))[0]!.state).toBe('late');
    const lateBeforeClosing = track(customer('b', Date.parse('2026-01-05T16:00:00Z')));
    expect(computeTimers(lateBeforeClosing, opts(atNight, { businessHours: office }))[0]!.state).toBe('late');
  });

  it('usesBusinessTime: auto and business only with a schedule', () => {
    expect(usesBusinessTime(DEFAULT_TIMING_SETTINGS)).toBe(false);
    expect(usesBusinessTime({ businessHours: office, timeBasis: 'auto' })).toBe(true);
    expect(usesBusinessTime({ businessHours: office, timeBasis: 'business' })).toBe(true);
    expect(usesBusinessTime({ businessHours: office, timeBasis: 'wall' })).toBe(false);
    expect(usesBusinessTime({ businessHours: null, timeBasis: 'business' })).toBe(false);
  });
});

describe('messaging windows', () => {
  it('counts the 24-hour window from the LAST customer message, closed at exactly 24 h', () => {
    const s = track(customer('a', T0), customer('a', T0 + HOUR));
    const [v] = computeTimers(s, opts(T0 + HOUR + 22 * HOUR));
    expect(v!.windowLeftMs).toBe(2 * HOUR);
    expect(windowNotice(v!)).toEqual({ kind: 'messaging', leftMs: 2 * HOUR });
    const [atBoundary] = computeTimers(s, opts(T0 + HOUR + 24 * HOUR));
    expect(atBoundary!.windowLeftMs).toBe(0);
    expect(atBoundary!.humanAgentLeftMs).toBe(6 * 24 * HOUR);
    // Closed: from now on the row says how long a human agent can still reply.
    expect(windowNotice(atBoundary!)).toEqual({ kind: 'human-agent', leftMs: 6 * 24 * HOUR });
    const [justBefore] = computeTimers(s, opts(T0 + HOUR + 24 * HOUR - 1));
    expect(windowNotice(justBefore!)).toEqual({ kind: 'messaging', leftMs: 1 });
  });

  it('hides the window when 3 h or more are left', () => {
    const [v] = computeTimers(track(customer('a', T0)), opts(T0 + 21 * HOUR));
    expect(v!.windowLeftMs).toBe(3 * HOUR);
    expect(windowNotice(v!)).toBeNull();
  });

  it('the 7-day human-agent window: shown from 24 h to 7 days, then "closed" and never late', () => {
    const s = track(customer('a', T0));
    expect(windowNotice(computeTimers(s, opts(T0 + 24 * HOUR + 1))[0]!)).toEqual({ kind: 'human-agent', leftMs: 6 * 24 * HOUR - 1 });
    const [v] = computeTimers(s, opts(T0 + 7 * 24 * HOUR - HOUR));
    expect(windowNotice(v!)).toEqual({ kind: 'human-agent', leftMs: HOUR });
    expect(v!.state).toBe('late');
    const [closed] = computeTimers(s, opts(T0 + 7 * 24 * HOUR));
    expect(closed!.state).toBe('closed');
    expect(closed!.counting).toBe(false);
    expect(windowNotice(closed!)).toEqual({ kind: 'closed', after: 'human-agent' });
    // Its clock stopped when the window closed: the same figures a day later, and last in the list.
    const [dayLater] = computeTimers(s, opts(T0 + 8 * 24 * HOUR));
    expect(dayLater!.leftMs).toBe(closed!.leftMs);
    expect(dayLater!.countedMs).toBe(7 * 24 * HOUR);
    const mixed = computeTimers(track(customer('a', T0), customer('b', T0 + 7 * 24 * HOUR)), opts(T0 + 7 * 24 * HOUR + 2 * HOUR));
    expect(mixed.map((x) => [x.key, x.state])).toEqual([['b', 'late'], ['a', 'closed']]);
    expect(worstState(mixed.slice(1))).toBe('closed');
    expect(worstState(mixed)).toBe('late');
  });

  it('the state changes to closed exactly when the 7-day window ends (nextChangeAt)', () => {
    const s = track(customer('a', T0));
    const now = T0 + 7 * 24 * HOUR - HOUR;
    const views = computeTimers(s, opts(now));
    expect(nextChangeAt(views, now, MIN, null)).toBe(T0 + 7 * 24 * HOUR);
  });

  it('WhatsApp has no human-agent window: closed at 24 h (templates only), its clock stopped there, never late after', () => {
    const s = track(customer('a', T0, { channel: 'whatsapp' }));
    const [v] = computeTimers(s, opts(T0 + 22 * HOUR));
    expect(v!.humanAgentLeftMs).toBeNull();
    expect(windowNotice(v!)).toEqual({ kind: 'messaging', leftMs: 2 * HOUR });
    expect(v!.state).toBe('late');
    // The state changes when the 24 hours end (what wakes the clock for it).
    expect(nextChangeAt([v!], T0 + 22 * HOUR, MIN, null)).toBe(T0 + 24 * HOUR);
    const [closed] = computeTimers(s, opts(T0 + 24 * HOUR));
    expect(closed!.state).toBe('closed');
    expect(closed!.counting).toBe(false);
    expect(windowNotice(closed!)).toEqual({ kind: 'closed', after: 'messaging' });
    const [dayLater] = computeTimers(s, opts(T0 + 48 * HOUR));
    expect(dayLater!.countedMs).toBe(24 * HOUR);
    expect(dayLater!.leftMs).toBe(closed!.leftMs);
    // Messenger and Instagram keep their 7 days; a conversation whose channel is not known yet too.
    for (const channel of ['messenger', 'instagram', undefined] as const) {
      const [other] = computeTimers(track(customer('b', T0, channel ? { channel } : {})), opts(T0 + 24 * HOUR));
      expect(other!.state, String(channel)).toBe('late');
      expect(windowNotice(other!), String(channel)).toEqual({ kind: 'human-agent', leftMs: 6 * 24 * HOUR });
    }
    expect([replyWindowMs('whatsapp'), replyWindowMs('messenger'), replyWindowMs(null)]).toEqual([24 * HOUR, 7 * 24 * HOUR, 7 * 24 * HOUR]);
  });

  it('a conversation the page later says is on WhatsApp loses its human-agent window', () => {
    const s = track(customer('a', T0), customer('a', T0 + MIN, { channel: 'whatsapp' }));
    const [v] = computeTimers(s, opts(T0 + 25 * HOUR));
    expect(v!.state).toBe('closed');
    expect(windowNotice(v!)).toEqual({ kind: 'closed', after: 'messaging' });
  });

  it('marks approximate times (coarse list tokens)', () => {
    const [v] = computeTimers(track(customer('a', T0, { precision: 'approximate', atLatest: T0 + HOUR })), opts(T0 + 2 * HOUR));
    expect(v).toMatchObject({ precision: 'approximate', windowPrecision: 'approximate', waitingSince: T0 });
  });
});

describe('alert summary', () => {
  it('worst state and a signature that ignores the ticking clock', () => {
    const s = track(customer('a', T0), customer('b', T0 + 4 * MIN));
    const v1 = computeTimers(s, opts(T0 + 5 * MIN + 1));
    const v2 = computeTimers(s, opts(T0 + 5 * MIN + 2000));
    expect(worstState(v1)).toBe('late');
    expect(worstState([])).toBeNull();
    expect(alertSignature(toAlertItems(v1), true)).toBe(alertSignature(toAlertItems(v2), true));
    expect(alertSignature(toAlertItems(computeTimers(s, opts(T0 + 9 * MIN))), true)).not.toBe(alertSignature(toAlertItems(v1), true));
  });
});

describe('validateTimingSettings', () => {
  it('keeps defaults for missing fields and reports bad ones', () => {
    expect(validateTimingSettings({})).toEqual({ value: DEFAULT_TIMING_SETTINGS, issues: [] });
    const { issues } = validateTimingSettings({ warningLeadMinutes: -1, timeBasis: 'moon', notifications: { enabled: 'yes' }, businessHours: { timeZone: 'Nowhere/City', weekly: emptyWeekly(), holidays: [] } });
    expect(issues.map((i) => i.field).sort()).toEqual(['businessHours', 'businessHours', 'notifications', 'timeBasis', 'warningLeadMinutes']);
    const ok = validateTimingSettings({ warningLeadMinutes: '2', timeBasis: 'wall', businessHours: office, notifications: { enabled: false, quietOutsideHours: false } });
    expect(ok.issues).toEqual([]);
    expect(ok.value).toMatchObject({ warningLeadMinutes: 2, timeBasis: 'wall', notifications: { enabled: false, quietOutsideHours: false } });
  });
});

describe('between state changes (nextChangeAt, advance)', () => {
  it('plans the next recomputation at the next soon/late edge and window thresholds', () => {
    const s = track(customer('a', T0), customer('b', T0 + 30_000));
    const now = T0 + MIN;
    const views = computeTimers(s, opts(now));
    // a: soon at T0+4 min (3 min from now); b: soon at T0+4.5 min.
    expect(nextChangeAt(views, now, MIN, null)).toBe(T0 + 4 * MIN);
    // Advancing the views to T0+3 min gives the same figures as recomputing them.
    const later = T0 + 3 * MIN;
    const fresh = computeTimers(s, opts(later));
    for (const v of views) {
      const f = fresh.find((x) => x.key === v.key)!;
      expect(advance(v, later)).toEqual({ elapsedWallMs: f.elapsedWallMs, leftMs: f.leftMs, windowLeftMs: f.windowLeftMs, humanAgentLeftMs: f.humanAgentLeftMs });
    }
    // Late rows only wait for their windows: 3 h before the 24-h window closes.
    const late = computeTimers(track(customer('c', T0)), opts(T0 + HOUR));
    expect(nextChangeAt(late, T0 + HOUR, MIN, null)).toBe(T0 + 21 * HOUR);
    expect(nextChangeAt([], T0, MIN, null)).toBe(Number.POSITIVE_INFINITY);
  });

  it('with business hours: wakes at closing time, and a paused row does not count down', () => {
    const evening = Date.parse('2026-01-05T16:58:00Z'); // Monday 17:58 Paris, closing at 18:00
    const s = track(customer('a', evening));
    const views = computeTimers(s, opts(evening, { businessHours: office }));
    expect(nextChangeAt(views, evening, MIN, office)).toBe(Date.parse('2026-01-05T17:00:00Z'));
    const night = Date.parse('2026-01-05T22:00:00Z');
    const [paused] = computeTimers(s, opts(night, { businessHours: office }));
    expect(paused!.counting).toBe(false);
    expect(advance(paused!, night + HOUR).leftMs).toBe(paused!.leftMs);
    expect(nextChangeAt([paused!], night, MIN, office)).toBe(Date.parse('2026-01-06T08:00:00Z'));
  });

  it('alertsChanged ignores the clock but sees states, keys and names', () => {
    const s = track(customer('a', T0));
    const v1 = computeTimers(s, opts(T0 + MIN));
    expect(alertsChanged(null, v1)).toBe(true);
    expect(alertsChanged(toAlertItems(v1), computeTimers(s, opts(T0 + 2 * MIN)))).toBe(false);
    expect(alertsChanged(toAlertItems(v1), computeTimers(s, opts(T0 + 4 * MIN)))).toBe(true);
  });
});

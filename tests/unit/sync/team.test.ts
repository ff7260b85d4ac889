import { describe, expect, it } from 'vitest';
import { buildDayColumns } from '../../../utils/stats/columns';
import type { ResponseRecord } from '../../../utils/stats/types';
import { resolveTeamConflict, STALE_AFTER_MS, teamRecordsOf, teamWeek } from '../../../utils/sync/team';

const week = { start: Date.UTC(2026, 10, 30), end: Date.UTC(2026, 11, 7) };
const now = Date.UTC(2026, 11, 3, 12);
const rec = (syncUser: string, browser: string, agent: string, repliedAt: number, withinTarget = true) => ({ syncUser, browser, agent, repliedAt, withinTarget });

describe('teamWeek', () => {
  it('lists every agent with figures, browsers and last sync', () => {
    const rows = teamWeek({
      records: [rec('marie', 'm1', 'Marie D', week.start + 1), rec('marie', 'm2', 'Marie D', week.start + 2, false), rec('paul', 'p1', 'Paul R', week.start + 3)],
      beats: [
        { user: 'marie', browser: 'm1', at: now - 1000 },
        { user: 'marie', browser: 'm1', at: now - 5000 },
        { user: 'marie', browser: 'm2', at: now - 2 * STALE_AFTER_MS },
        { user: 'paul', browser: 'p1', at: now - 60_000 },
      ],
      week,
      now,
    });
    expect(rows).toEqual([
      { user: 'marie', agents: ['Marie D'], responses: 2, withinTarget: 1, browsers: [{ browser: 'm1', lastSyncAt: now - 1000 }, { browser: 'm2', lastSyncAt: now - 2 * STALE_AFTER_MS }], lastSyncAt: now - 1000, stale: false },
      { user: 'paul', agents: ['Paul R'], responses: 1, withinTarget: 1, browsers: [{ browser: 'p1', lastSyncAt: now - 60_000 }], lastSyncAt: now - 60_000, stale: false },
    ]);
  });
  it('flags an agent not synced for more than a day, and one never seen syncing', () => {
    const rows = teamWeek({
      records: [rec('zoe', 'z1', 'Zoé', week.start + 5)],
      beats: [{ user: 'marie', browser: 'm1', at: now - STALE_AFTER_MS - 1 }, { user: 'paul', browser: 'p1', at: now - STALE_AFTER_MS }],
      week,
      now,
    });
    expect(rows.map((r) => [r.user, r.stale])).toEqual([['marie', true], ['paul', false], ['zoe', true]]);
    expect(rows.find((r) => r.user === 'zoe')).toMatchObject({ lastSyncAt: null, browsers: [], responses: 1 });
    expect(rows.find((r) => r.user === 'marie')).toMatchObject({ responses: 0, agents: [] });
  });
  it('counts only the week, orders labels by frequency', () => {
    const rows = teamWeek({
      records: [rec('m', 'b', 'B', week.start - 1), rec('m', 'b', 'B', week.end), rec('m', 'b', 'A', week.start), rec('m', 'b', 'B', week.start), rec('m', 'b', 'B', week.start), rec('m', 'b', '', week.start)],
      beats: [],
      week,
      now,
    });
    expect(rows[0]).toMatchObject({ responses: 4, agents: ['B', 'A'] });
  });
  it('is empty for no team', () => {
    expect(teamWeek({ records: [], beats: [], week, now })).toEqual([]);
  });
});

describe('teamRecordsOf (the team view from day columns)', () => {
  it("gives each response of the week its team user and browser, this browser's own as self", () => {
    const base = { pageId: 'p', customerAt: 0, responseSeconds: 60, businessResponseSeconds: 60, precision: 'exact' as const };
    const records: Array<ResponseRecord & { syncUser?: string; browser?: string }> = [
      { ...base, id: '1', conversation: 'a', repliedAt: week.start + 10, agent: 'Marie D', withinTarget: true, source: 'imported', syncUser: 'marie', browser: 'm1' },
      { ...base, id: '2', conversation: 'b', repliedAt: week.start + 20, agent: 'Marie D', withinTarget: false, source: 'imported', syncUser: 'marie', browser: 'm2' },
      { ...base, id: '3', conversation: 'c', repliedAt: week.start + 86_400_000 * 3, agent: 'Chloé', withinTarget: true, source: 'this-browser' },
      { ...base, id: '4', conversation: 'd', repliedAt: week.start + 86_400_000 * 3 + 5, agent: 'Paul R', withinTarget: false, source: 'imported', syncUser: 'paul', browser: 'p1' },
      { ...base, id: '5', conversation: 'e', repliedAt: week.end, agent: 'Paul R', withinTarget: true, source: 'imported', syncUser: 'paul', browser: 'p1' },
      { ...base, id: '6', conversation: 'f', repliedAt: week.start - 1, agent: 'Paul R', withinTarget: true, source: 'imported', syncUser: 'paul', browser: 'p9' },
    ];
    const got = teamRecordsOf(buildDayColumns(records), week, { syncUser: 'chloe', browser: 'c1' });
    const sort = (xs: ReturnType<typeof teamRecordsOf>) => [...xs].sort((a, b) => a.repliedAt - b.repliedAt);
    expect(sort(got)).toEqual([
      rec('marie', 'm1', 'Marie D', week.start + 10, true),
      rec('marie', 'm2', 'Marie D', week.start + 20, false),
      rec('chloe', 'c1', 'Chloé', week.start + 86_400_000 * 3, true),
      rec('paul', 'p1', 'Paul R', week.start + 86_400_000 * 3 + 5, false),
    ]);
  });
});

describe('resolveTeamConflict (last manager write wins)', () => {
  const r = (rev: string, updatedAt: number) => ({ rev, updatedAt, updatedBy: 'x', value: rev });
  it('picks the latest write, whatever CouchDB picked', () => {
    expect(resolveTeamConflict([r('3-aaa', 10), r('2-zzz', 20)])).toEqual({ winner: r('2-zzz', 20), losers: [r('3-aaa', 10)] });
  });
  it('breaks ties like CouchDB: longer history, then higher hash', () => {
    expect(resolveTeamConflict([r('2-aaa', 5), r('3-aaa', 5)]).winner!.rev).toBe('3-aaa');
    expect(resolveTeamConflict([r('2-aaa', 5), r('2-bbb', 5), r('1-ccc', 1)])).toMatchObject({ winner: { rev: '2-bbb' }, losers: [{ rev: '2-aaa' }, { rev: '1-ccc' }] });
  });
  it('handles none and one', () => {
    expect(resolveTeamConflict([])).toEqual({ winner: null, losers: [] });
    expect(resolveTeamConflict([r('1-a', 1)])).toEqual({ winner: r('1-a', 1), losers: [] });
  });
});

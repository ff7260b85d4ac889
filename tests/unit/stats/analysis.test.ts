import { describe, expect, it } from 'vitest';
import { analyzeColumns, analyzeWeek } from '../../../utils/stats/analysis';
import { buildDayColumns, columnsToRecords } from '../../../utils/stats/columns';
import { summarizeWeek } from '../../../utils/stats/summary';
import type { ResponseRecord } from '../../../utils/stats/types';

const PARIS = 'Europe/Paris';
const week = { year: 2026, week: 43 }; // 19–25 Oct 2026; clocks go back on Sunday 25

const rec = (id: string, repliedAt: number, seconds: number, over: Partial<ResponseRecord> = {}): ResponseRecord => ({
  id,
  pageId: 'p1',
  conversation: `conv-${id}`,
  customerAt: repliedAt - seconds * 1000,
  repliedAt,
  agent: 'Marie',
  responseSeconds: seconds,
  businessResponseSeconds: seconds,
  withinTarget: seconds <= 300,
  source: 'observed',
  precision: 'exact',
  ...over,
});

describe('analyzeWeek', () => {
  it('buckets by local day (midnight and the 25-hour Sunday) and lists the slowest', () => {
    const records = [
      rec('a', Date.UTC(2026, 9, 18, 22, 0), 60), // Monday 00:00 Paris (UTC+2) => day 0
      rec('b', Date.UTC(2026, 9, 19, 21, 59), 600), // Monday 23:59 Paris => day 0
      rec('c', Date.UTC(2026, 9, 19, 22, 0), 30), // Tuesday 00:00 => day 1
      rec('d', Date.UTC(2026, 9, 25, 22, 30), 900, { pageId: 'p2' }), // Sunday 23:30 Paris (UTC+1 now) => day 6
      rec('e', Date.UTC(2026, 9, 25, 0, 30), 120), // Sunday 02:30 CEST => day 6
    ];
    const all = analyzeWeek(records, { week, targetSeconds: 300, useBusinessTime: false, pageId: null, timeZone: PARIS, slowest: 3 });
    expect(all.days.map((d) => [d.within, d.over])).toEqual([[1, 1], [1, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 1]]);
    expect(all.pages).toEqual(['p1', 'p2']);
    expect(all.slowest.map((r) => r.conversation.slice(5))).toEqual(['d', 'b', 'e']);
    expect(all.rows.at(-1)).toMatchObject({ agent: null, responses: 5 });

    const p1 = analyzeWeek(records, { week, targetSeconds: 300, useBusinessTime: false, pageId: 'p1', timeZone: PARIS });
    expect(p1.rows.at(-1)).toMatchObject({ responses: 4, withinTargetPct: 75 });
    expect(p1.slowest.map((r) => r.conversation.slice(5))).toEqual(['b', 'e', 'a', 'c']);
  });

  it('ranks the slowest by business time when that is the basis', () => {
    const records = [rec('x', Date.UTC(2026, 9, 20, 10), 5000, { businessResponseSeconds: 10 }), rec('y', Date.UTC(2026, 9, 20, 11), 400)];
    const r = analyzeWeek(records, { week, targetSeconds: 300, useBusinessTime: true, pageId: null, timeZone: PARIS });
    expect(r.slowest.map((s) => s.conversation.slice(5))).toEqual(['y', 'x']);
    expect(r.days[1]).toMatchObject({ within: 1, over: 1 });
  });
});

describe('day columns', () => {
  it('give exactly summarizeWeek\'s figures for the week, trimming days that straddle its edges', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const from = Date.UTC(2026, 9, 17); // two days before the week (Paris) to two days after
    const records = Array.from({ length: 3000 }, (_, i) => {
      const at = from + Math.floor(rand() * 11 * 86_400_000);
      const seconds = Math.round(rand() * 1200);
      return rec(`r${i}`, at, seconds, { agent: ['Marie', 'Paul', '', 'Zoé'][i % 4]!, businessResponseSeconds: Math.round(seconds / 2), pageId: i % 5 ? 'p1' : 'p2' });
    });
    const columns = buildDayColumns(records);
    const start = Date.UTC(2026, 9, 18, 22);
    const end = Date.UTC(2026, 9, 25, 23);
    for (const useBusinessTime of [false, true]) {
      for (const pageId of [null, 'p2']) {
        const inWeek = records.filter((r) => r.repliedAt >= start && r.repliedAt < end && (pageId === null || r.pageId === pageId));
        const got = analyzeColumns(columns, { week, targetSeconds: 300, useBusinessTime, pageId, timeZone: PARIS });
        expect(got.rows).toEqual(summarizeWeek(inWeek, { targetSeconds: 300, useBusinessTime }));
        expect(got.days.reduce((n, d) => n + d.within + d.over, 0)).toBe(inWeek.length);
      }
    }
  });

  it('count the approximate responses per agent and in the total (the popup shows the precision)', () => {
    const records = [
      rec('a', Date.UTC(2026, 9, 20, 10), 100, { precision: 'approximate', agent: 'Paul' }),
      rec('b', Date.UTC(2026, 9, 20, 11), 400, { agent: 'Paul' }),
      rec('c', Date.UTC(2026, 9, 21, 11), 50, { precision: 'approximate', agent: 'Marie' }),
      rec('d', Date.UTC(2026, 9, 28, 11), 50, { precision: 'approximate', agent: 'Marie' }), // next week
    ];
    const { rows } = analyzeWeek(records, { week, targetSeconds: 300, useBusinessTime: false, pageId: null, timeZone: PARIS });
    expect(rows.map((r) => [r.agent, r.responses, r.approximate])).toEqual([['Marie', 1, 1], ['Paul', 2, 1], [null, 3, 2]]);
  });

  it('give back every field for the CSV export, trimmed to the range and Page', () => {
    const records = [
      rec('a', Date.UTC(2026, 9, 20, 10), 100, { source: 'this-browser', precision: 'approximate', agent: 'Paul' }),
      rec('b', Date.UTC(2026, 9, 20, 11), 400, { source: 'imported', pageId: 'p2', withinTarget: false }),
      rec('c', Date.UTC(2026, 9, 28, 11), 50),
    ];
    const back = columnsToRecords(buildDayColumns(records), Date.UTC(2026, 9, 19), Date.UTC(2026, 9, 26), null);
    expect(back).toEqual(records.slice(0, 2).map(({ id: _id, ...rest }) => rest));
    expect(columnsToRecords(buildDayColumns(records), 0, Infinity, 'p2').map((r) => r.conversation)).toEqual(['conv-b']);
  });
});

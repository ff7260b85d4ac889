import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, detailCsv, summaryCsv } from '../../../utils/stats/csv';
import { summarizeWeek } from '../../../utils/stats/summary';
import type { ResponseRecord } from '../../../utils/stats/types';

const rec = (over: Partial<ResponseRecord>): ResponseRecord => ({
  id: 'p|c|1',
  pageId: 'p',
  conversation: 'c1',
  customerAt: Date.UTC(2026, 10, 16, 8, 0, 0),
  repliedAt: Date.UTC(2026, 10, 16, 8, 4, 0),
  agent: 'Marie',
  responseSeconds: 240,
  businessResponseSeconds: 240,
  withinTarget: true,
  source: 'this-browser',
  precision: 'exact',
  ...over,
});

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

describe('summaryCsv', () => {
  it('writes the header, the rows and the total with an empty agent, with a BOM and CRLF', () => {
    const rows = summarizeWeek(
      [rec({ agent: 'Marie', responseSeconds: 100 }), rec({ agent: 'Marie', responseSeconds: 201 }), rec({ agent: 'Paul', responseSeconds: 600 })],
      { targetSeconds: 300 },
    );
    const csv = summaryCsv(rows, { week: '2026-W47' });
    expect(csv.startsWith('\uFEFFweek,agent,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv)).toEqual([
      'week,agent,responses,median_seconds,p90_seconds,average_seconds,within_target_pct,approximate_responses',
      '2026-W47,Marie,2,150.5,201,150.5,100,0',
      '2026-W47,Paul,1,600,600,600,0,0',
      '2026-W47,,3,201,600,300.33,66.67,0',
    ]);
  });

  it('uses ; and a decimal comma for French, or when asked', () => {
    const rows = summarizeWeek([rec({ responseSeconds: 100 }), rec({ responseSeconds: 201 })]);
    expect(lines(summaryCsv(rows, { week: '2026-W47', locale: 'fr' }))[1]).toBe('2026-W47;Marie;2;150,5;201;150,5;100;0');
    expect(lines(summaryCsv(rows, { week: '2026-W47', separator: ';', decimalMark: '.' }))[1]).toBe('2026-W47;Marie;2;150.5;201;150.5;100;0');
    expect(lines(summaryCsv(rows, { week: '2026-W47', locale: 'fr', separator: ',' }))[1]).toBe('2026-W47,Marie,2,150.5,201,150.5,100,0');
  });

  it('quotes and neutralises agent names', () => {
    const rows = summarizeWeek([rec({ agent: '=HYPERLINK("x")' }), rec({ agent: 'Dupont, Marie' }), rec({ agent: '' })]);
    const out = lines(summaryCsv(rows, { week: '2026-W47' }));
    expect(out[1]).toMatch(/^2026-W47,\(unknown\),/);
    expect(out[2]).toBe('2026-W47,"\'=HYPERLINK(""x"")",1,240,240,240,100,0');
    expect(out[3]).toMatch(/^2026-W47,"Dupont, Marie",/);
  });

  it('works with no options at all', () => {
    expect(lines(summaryCsv(summarizeWeek([])))).toEqual([
      'week,agent,responses,median_seconds,p90_seconds,average_seconds,within_target_pct,approximate_responses',
      ',,0,,,,,0',
    ]);
  });
});

describe('summaryCsv precision', () => {
  it('counts the approximate responses of each agent and of the total', () => {
    const rows = summarizeWeek(
      [rec({ agent: 'Marie', precision: 'approximate' }), rec({ agent: 'Marie', precision: 'exact' }), rec({ agent: 'Paul', precision: 'approximate' })],
      { targetSeconds: 300 },
    );
    expect(lines(summaryCsv(rows, { week: '2026-W47' })).map((l) => l.split(',').at(-1))).toEqual(['approximate_responses', '1', '1', '2']);
  });
});

describe('csvCell', () => {
  it('neutralises every formula start and quotes per RFC 4180', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`, ',').startsWith(start === '\r' ? `"'` : `'`)).toBe(true);
    expect(csvCell('a"b', ',')).toBe('"a""b"');
    expect(csvCell('a\nb', ',')).toBe('"a\nb"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('plain', ',')).toBe('plain');
  });
});

describe('detailCsv', () => {
  it('writes one row per response in reply order, ISO times with offset', () => {
    const csv = detailCsv(
      [
        rec({ conversation: 'c2', repliedAt: Date.UTC(2026, 10, 17, 9), customerAt: Date.UTC(2026, 10, 17, 8), responseSeconds: 3600, businessResponseSeconds: 1800, withinTarget: false, agent: 'Paul', source: 'observed', precision: 'approximate', customerLatest: Date.UTC(2026, 10, 17, 8, 1) }),
        rec({}),
      ],
      { week: '2026-W47', timeZone: 'Europe/Paris' },
    );
    expect(lines(csv)).toEqual([
      'week,agent,conversation,customer_message_at,customer_message_latest,replied_at,response_seconds,business_response_seconds,within_target,source,precision',
      '2026-W47,Marie,c1,2026-11-16T09:00:00+01:00,,2026-11-16T09:04:00+01:00,240,240,true,this-browser,exact',
      '2026-W47,Paul,c2,2026-11-17T09:00:00+01:00,2026-11-17T09:01:00+01:00,2026-11-17T10:00:00+01:00,3600,1800,false,observed,approximate',
    ]);
  });

  it('recomputes within_target when given a target and basis, and derives the week per row', () => {
    const csv = detailCsv([rec({ responseSeconds: 400, businessResponseSeconds: 100, withinTarget: false })], {
      targetSeconds: 300,
      useBusinessTime: true,
      timeZone: 'UTC',
    });
    expect(lines(csv)[1]).toBe('2026-W47,Marie,c1,2026-11-16T08:00:00+00:00,,2026-11-16T08:04:00+00:00,400,100,true,this-browser,exact');
  });

  it('neutralises a conversation id that looks like a formula', () => {
    expect(lines(detailCsv([rec({ conversation: '-1+2' })], { timeZone: 'UTC', separator: ';' }))[1]).toContain(";'-1+2;");
  });

  it('names files after the week', () => {
    expect(csvFileName('2026-W47', 'summary')).toBe('stats-2026-W47-summary.csv');
    expect(csvFileName('2026-W47', 'detail')).toBe('stats-2026-W47-detail.csv');
  });
});

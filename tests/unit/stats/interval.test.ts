import { describe, expect, it } from 'vitest';
import { appendColumns, buildDayColumns, columnsFromWire, columnsToRecords, columnsToWire, latestColumn, recordAt, type DayColumns } from '../../../utils/stats/columns';
import { validateBundle } from '../../../utils/stats/bundle';
import { detailCsv } from '../../../utils/stats/csv';
import { fromResponseDoc, toResponseDoc } from '../../../utils/sync/records';
import type { ResponseRecord } from '../../../utils/stats/types';

/**
 * Issue 16: an approximate customer time is an interval, and its end travels with the record:
 * day columns (popup, CSV), the wire, bundles and team documents. Records and documents made
 * before it was stored have none and still read.
 */
const T0 = Date.UTC(2026, 10, 16, 8);
const exact: ResponseRecord = {
  id: 'p|c1|1',
  pageId: 'p',
  conversation: 'c1',
  customerAt: T0,
  repliedAt: T0 + 240_000,
  agent: 'Marie',
  responseSeconds: 240,
  businessResponseSeconds: 240,
  withinTarget: true,
  source: 'this-browser',
  precision: 'exact',
};
const approx: ResponseRecord = { ...exact, id: 'p|c2|2', conversation: 'c2', customerLatest: T0 + 60_000, precision: 'approximate', source: 'observed' };

describe('the interval end of an approximate customer time', () => {
  it('survives the day columns and their wire form (JSON has no NaN)', () => {
    const columns = buildDayColumns([exact, approx]);
    const back = columnsToRecords(columns, 0, Infinity, null);
    expect(back.find((r) => r.conversation === 'c2')).toMatchObject({ customerLatest: T0 + 60_000, precision: 'approximate' });
    expect(back.find((r) => r.conversation === 'c1')).not.toHaveProperty('customerLatest');
    const wired = columnsFromWire(JSON.parse(JSON.stringify(columnsToWire(columns))));
    expect(columnsToRecords(wired, 0, Infinity, null)).toEqual(back);
  });

  it('a day row built before the column existed reads as "no interval", and appends', () => {
    const [built] = buildDayColumns([exact, approx]);
    const { customerLatest: _dropped, ...old } = built!;
    const oldRow = old as DayColumns;
    expect(recordAt(oldRow, 1)).not.toHaveProperty('customerLatest');
    expect(Array.from(latestColumn(oldRow)).every(Number.isNaN)).toBe(true);
    const [added] = buildDayColumns([{ ...approx, id: 'p|c3|3', conversation: 'c3', customerLatest: T0 + 30_000 }]);
    const joined = appendColumns(oldRow, added!);
    expect(recordAt(joined, 2)).toMatchObject({ conversation: 'c3', customerLatest: T0 + 30_000 });
    expect(recordAt(joined, 1)).not.toHaveProperty('customerLatest');
    const wired = columnsFromWire(JSON.parse(JSON.stringify(columnsToWire([oldRow]))));
    expect(recordAt(wired[0]!, 1)).not.toHaveProperty('customerLatest');
  });

  it('is a column of the detail CSV (empty when exact)', () => {
    const csv = detailCsv(columnsToRecords(buildDayColumns([exact, approx]), 0, Infinity, null), { timeZone: 'UTC', bom: false });
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toContain('customer_message_at,customer_message_latest,replied_at');
    expect(rows.slice(1).sort()).toEqual([
      '2026-W47,Marie,c1,2026-11-16T08:00:00+00:00,,2026-11-16T08:04:00+00:00,240,240,true,this-browser,exact',
      '2026-W47,Marie,c2,2026-11-16T08:00:00+00:00,2026-11-16T08:01:00+00:00,2026-11-16T08:04:00+00:00,240,240,true,observed,approximate',
    ]);
  });

  it('is checked in bundles: optional (old bundles), else between the customer time and the reply', () => {
    const bundle = (r: object) => ({ format: 'inbox-pilot-stats', version: 1, exportedAt: new Date(T0 + 300_000).toISOString(), responses: [r] });
    const now = T0 + 600_000;
    expect(validateBundle(bundle(approx), now)[0]).toMatchObject({ customerLatest: T0 + 60_000 });
    expect(validateBundle(bundle(exact), now)[0]).not.toHaveProperty('customerLatest');
    expect(() => validateBundle(bundle({ ...approx, customerLatest: T0 + 300_000 }), now)).toThrow(/customerLatest/);
    expect(() => validateBundle(bundle({ ...approx, customerLatest: T0 - 1 }), now)).toThrow(/customerLatest/);
    expect(() => validateBundle(bundle({ ...approx, customerLatest: 'soon' }), now)).toThrow(/customerLatest/);
  });

  it('travels in team documents; old documents without it, or with a bad one, still import without it', () => {
    const doc = toResponseDoc(approx, 'marie', 'b1');
    expect(doc.customerLatest).toBe(T0 + 60_000);
    expect(fromResponseDoc(doc)).toMatchObject({ customerLatest: T0 + 60_000, source: 'imported' });
    expect(toResponseDoc(exact, 'marie', 'b1')).not.toHaveProperty('customerLatest');
    const { customerLatest: _c, ...old } = doc;
    const imported = fromResponseDoc(old);
    expect(imported).toMatchObject({ customerAt: T0, precision: 'approximate' });
    expect(imported).not.toHaveProperty('customerLatest');
    expect(fromResponseDoc({ ...doc, customerLatest: T0 + 10 * 60_000 })).not.toHaveProperty('customerLatest');
    expect(fromResponseDoc({ ...doc, customerLatest: 'x' })).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { expiredTeamRecords, retentionCutoff, retentionDue, RETENTION_EVERY_MS, WEEK_MS } from '../../../utils/sync/retention';

const now = Date.UTC(2026, 11, 3, 12);
const cutoff = retentionCutoff(52, now);

describe('team retention: which records the manager deletes', () => {
  it('the cut-off is the retention in weeks before now', () => {
    expect(cutoff).toBe(now - 52 * WEEK_MS);
  });

  it('selects responses replied and beats made before the cut-off, nothing else', () => {
    const rows = [
      { id: 'resp:marie:p|a|1', value: { rev: '1-a' }, doc: { repliedAt: cutoff - 1 } },
      { id: 'resp:marie:p|b|2', value: { rev: '1-b' }, doc: { repliedAt: cutoff } },
      { id: 'resp:paul:p|c|3', value: { rev: '1-c' }, doc: { repliedAt: cutoff + 1 } },
      { id: 'beat:paul:b1:2025-11-01T09', value: { rev: '1-d' }, doc: { at: cutoff - 3_600_000 } },
      { id: 'beat:paul:b1:2026-12-03T09', value: { rev: '1-e' }, doc: { at: now } },
      // Never: team documents, design documents, tombstones, rows without a document or a time.
      { id: 'team:settings', value: { rev: '3-f' }, doc: { updatedAt: 0, repliedAt: 0 } },
      { id: '_design/inbox-pilot', value: { rev: '1-g' }, doc: { at: 0 } },
      { id: 'resp:marie:p|d|4', value: { rev: '2-h', deleted: true }, doc: { repliedAt: 0 } },
      { id: 'resp:marie:p|e|5', value: { rev: '1-i' } },
      { id: 'resp:marie:p|f|6', value: { rev: '1-j' }, doc: { repliedAt: 'yesterday' } },
      { id: 'resp:marie:p|g|7', doc: { repliedAt: 0 } },
    ];
    expect(expiredTeamRecords(rows, cutoff)).toEqual([
      { _id: 'resp:marie:p|a|1', _rev: '1-a', _deleted: true },
      { _id: 'beat:paul:b1:2025-11-01T09', _rev: '1-d', _deleted: true },
    ]);
    expect(expiredTeamRecords([], cutoff)).toEqual([]);
  });

  it('runs at most once a day (again if the clock went back)', () => {
    expect(retentionDue(null, now)).toBe(true);
    expect(retentionDue(now - RETENTION_EVERY_MS, now)).toBe(true);
    expect(retentionDue(now - RETENTION_EVERY_MS + 1, now)).toBe(false);
    expect(retentionDue(now + 60_000, now)).toBe(true);
  });
});

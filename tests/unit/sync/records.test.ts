import { describe, expect, it } from 'vitest';
import { beatDocId, fromResponseDoc, isBeatDoc, isPushable, newBrowserId, responseDocId, toResponseDoc } from '../../../utils/sync/records';
import { validateDocUpdate } from '../../../utils/sync/rules.js';
import type { ResponseRecord } from '../../../utils/stats/types';

const record: ResponseRecord = {
  id: 'p1|c9|1700000000',
  pageId: 'p1',
  conversation: 'c9',
  customerAt: 1_700_000_000_000,
  repliedAt: 1_700_000_090_000,
  agent: 'Marie Dupont',
  responseSeconds: 90,
  businessResponseSeconds: 60,
  withinTarget: true,
  source: 'this-browser',
  precision: 'exact',
};

describe('team records', () => {
  it('have a deterministic id naming the writer, so re-sending is idempotent', () => {
    const a = toResponseDoc(record, 'marie', 'b1');
    expect(a._id).toBe('resp:marie:p1|c9|1700000000');
    expect(toResponseDoc({ ...record }, 'marie', 'b1')).toEqual(a);
    expect(responseDocId('paul', record.id)).not.toBe(a._id);
  });
  it('carry the browser and agent, and nothing but ids, times and figures', () => {
    const doc = toResponseDoc({ ...record, ...({ text: 'secret', customerName: 'Zoé' } as object) }, 'marie', 'b1');
    expect(Object.keys(doc).sort()).toEqual(
      ['_id', 'agent', 'browser', 'businessResponseSeconds', 'conversation', 'customerAt', 'pageId', 'precision', 'repliedAt', 'responseId', 'responseSeconds', 'type', 'user', 'withinTarget'].sort(),
    );
    expect(doc).toMatchObject({ user: 'marie', browser: 'b1', agent: 'Marie Dupont' });
  });
  it('pass the server rules for their writer and fail them for anyone else', () => {
    const doc = toResponseDoc(record, 'marie', 'b1');
    expect(() => validateDocUpdate(doc, null, { name: 'marie', roles: ['agent'] })).not.toThrow();
    expect(() => validateDocUpdate(doc, null, { name: 'paul', roles: ['agent'] })).toThrow();
    expect(() => validateDocUpdate({ _id: beatDocId('marie', 'b1', 0), type: 'beat', user: 'marie', browser: 'b1', at: 0, agent: '' }, null, { name: 'marie', roles: ['agent'] })).not.toThrow();
  });
  it('come back as imported records with their writer and browser', () => {
    const back = fromResponseDoc({ ...toResponseDoc(record, 'marie', 'b1'), _rev: '1-x' });
    expect(back).toEqual({ ...record, source: 'imported', syncUser: 'marie', browser: 'b1' });
    expect(isPushable(back!)).toBe(false);
  });
  it('name the CouchDB user when the Sent-by label was unknown', () => {
    expect(fromResponseDoc(toResponseDoc({ ...record, agent: '' }, 'paul', 'b2'))!.agent).toBe('paul');
  });
  it('reject malformed documents', () => {
    const good = toResponseDoc(record, 'marie', 'b1');
    for (const bad of [null, 'x', { ...good, type: 'beat' }, { ...good, _id: 'x' }, { ...good, repliedAt: '1' }, { ...good, user: 3 }, { ...good, responseId: undefined }, { ...good, withinTarget: 'yes' }, { ...good, pageId: null }, { ...good, responseSeconds: Infinity }]) {
      expect(fromResponseDoc(bad)).toBeNull();
    }
    expect(fromResponseDoc({ ...good, precision: 'weird' })!.precision).toBe('exact');
  });
  it('push only what this browser recorded or observed', () => {
    expect(isPushable(record)).toBe(true);
    expect(isPushable({ ...record, source: 'observed' })).toBe(true);
    expect(isPushable({ ...record, source: 'imported' })).toBe(false);
  });
});

describe('beats and browser ids', () => {
  it('one beat per browser and hour', () => {
    expect(beatDocId('marie', 'b1', Date.UTC(2026, 11, 3, 16, 5))).toBe('beat:marie:b1:2026-12-03T16');
    expect(beatDocId('marie', 'b1', Date.UTC(2026, 11, 3, 16, 59))).toBe(beatDocId('marie', 'b1', Date.UTC(2026, 11, 3, 16, 0)));
    expect(isBeatDoc({ type: 'beat', user: 'm', browser: 'b', at: 1 })).toBe(true);
    expect(isBeatDoc({ type: 'beat', user: 'm', browser: 'b' })).toBe(false);
    expect(isBeatDoc(null)).toBe(false);
  });
  it('browser ids are random and short', () => {
    expect(newBrowserId()).toMatch(/^[0-9a-z]{16}$/);
    expect(newBrowserId()).not.toBe(newBrowserId());
    expect(newBrowserId(() => new Uint8Array(9))).toBe('0'.repeat(16));
  });
});

import { describe, expect, it } from 'vitest';
import { applyEvent, applySnapshot, customerNames, emptyTracker, pruneTracks, restoreTracks, MAX_TRACKS } from '../../../utils/timers/tracker';
import type { TrackerState } from '../../../utils/timers/types';
import type { InboxEvent } from '../../../utils/inbox/types';
import { customer, HOUR, MIN, replied, row, snapshot, T0 } from './fixtures';

const run = (events: InboxEvent[], start: TrackerState = emptyTracker) => events.reduce(applyEvent, start);

describe('first unanswered message', () => {
  it('a burst keeps the clock at the first message', () => {
    const s = run([customer('a', T0), customer('a', T0 + MIN), customer('a', T0 + 3 * MIN)]);
    expect(s.a!.waitingSince).toBe(T0);
    expect(s.a!.lastCustomerAt).toBe(T0 + 3 * MIN);
  });

  it('a burst seen out of order still starts at the earliest message', () => {
    const s = run([customer('a', T0 + 2 * MIN), customer('a', T0)]);
    expect(s.a!.waitingSince).toBe(T0);
  });

  it('a reply by any agent stops the clock', () => {
    for (const agent of ['Marie', 'Paul', null]) {
      const s = run([customer('a', T0), customer('a', T0 + MIN), replied('a', T0 + 2 * MIN, agent)]);
      expect(s.a!.waitingSince).toBeNull();
      expect(s.a!.lastReplyAt).toBe(T0 + 2 * MIN);
    }
  });

  it('a new customer message after a reply restarts the clock from that message', () => {
    const s = run([customer('a', T0), replied('a', T0 + MIN), customer('a', T0 + 10 * MIN), customer('a', T0 + 12 * MIN)]);
    expect(s.a!.waitingSince).toBe(T0 + 10 * MIN);
  });

  it('a message older than the last reply is history (re-seen after a re-render)', () => {
    const s = run([customer('a', T0), replied('a', T0 + MIN), customer('a', T0)]);
    expect(s.a!.waitingSince).toBeNull();
  });

  it('returns the same state when an event changes nothing (no needless re-render)', () => {
    const s = run([customer('a', T0), customer('a', T0 + MIN)]);
    expect(applyEvent(s, customer('a', T0 + MIN))).toBe(s);
  });

  it('an exact event refines an approximate start within its range; a coarse one never spoils an exact one', () => {
    const coarse = run([customer('a', T0, { precision: 'approximate', atLatest: T0 + MIN })]);
    expect(coarse.a!.waitingPrecision).toBe('approximate');
    const refined = applyEvent(coarse, customer('a', T0 + 30_000));
    expect(refined.a!.waitingSince).toBe(T0 + 30_000);
    expect(refined.a!.waitingPrecision).toBe('exact');
    const still = applyEvent(refined, customer('a', T0, { precision: 'approximate', atLatest: T0 + MIN }));
    expect(still.a!.waitingPrecision).toBe('exact');
    expect(still.a!.waitingSince).toBe(T0 + 30_000);
  });
});

describe('snapshots (list rows and the open thread)', () => {
  it('an interval that precedes a later message keeps the clock at its start, whatever order the two come in (stop 22)', () => {
    const S = T0 + 20_000; // the second of the burst's last message
    const first = customer('a', T0, { precision: 'approximate', atLatest: S + 999, precedes: S });
    for (const events of [[first, customer('a', S)], [customer('a', S), first]]) {
      const s = run(events);
      expect(s.a!.waitingSince).toBe(T0);
      expect(s.a!.waitingPrecision).toBe('approximate');
    }
  });

  it('a customer-last row with a coarse token starts an approximate wait', () => {
    const s = applySnapshot(emptyTracker, snapshot([row('a', { lastAt: { start: T0, end: T0 + MIN } })], T0 + 5 * MIN));
    expect(s.a).toMatchObject({ waitingSince: T0, waitingPrecision: 'approximate', customerName: 'Name a', pageId: 'p1' });
  });

  it('a machine timestamp (data-utime) is exact', () => {
    const s = applySnapshot(emptyTracker, snapshot([row('a', { lastAt: { start: T0, end: T0 } })], T0 + 5 * MIN));
    expect(s.a!.waitingPrecision).toBe('exact');
  });

  it('a page-last row ("You: …") stops the clock, from any agent or another browser', () => {
    const waiting = run([customer('a', T0)]);
    const s = applySnapshot(waiting, snapshot([row('a', { lastFrom: 'page', lastAt: { start: T0 + MIN, end: T0 + 2 * MIN } })], T0 + 3 * MIN));
    expect(s.a!.waitingSince).toBeNull();
  });

  it('a page-last row older than a message seen live does not stop the clock (stale list)', () => {
    const waiting = run([customer('a', T0 + 10 * MIN)]);
    const s = applySnapshot(waiting, snapshot([row('a', { lastFrom: 'page', lastAt: { start: T0, end: T0 + MIN } })], T0 + 10 * MIN));
    expect(s.a!.waitingSince).toBe(T0 + 10 * MIN);
  });

  it('ignores rows of unknown direction and does not remember answered rows it never saw waiting', () => {
    const s = applySnapshot(emptyTracker, snapshot([row('a', { lastFrom: 'unknown', lastAt: { start: T0, end: T0 } }), row('b', { lastFrom: 'customer', lastAt: null })], T0));
    expect(s).toEqual({});
  });

  it('the open thread: the first customer message after the last page message starts the wait', () => {
    const at = (t: number) => ({ start: t, end: t + MIN });
    const open = {
      id: 'a', key: 'a', customerName: 'Zoé',
      messages: [
        { key: '1', side: 'customer' as const, agent: null, text: 'x', at: at(T0) },
        { key: '2', side: 'page' as const, agent: 'Marie', text: 'x', at: at(T0 + MIN) },
        { key: '3', side: 'customer' as const, agent: null, text: 'x', at: at(T0 + 5 * MIN) },
        { key: '4', side: 'system' as const, agent: null, text: 'assigned', at: null },
        { key: '5', side: 'customer' as const, agent: null, text: 'x', at: at(T0 + 6 * MIN) },
      ],
    };
    const s = applySnapshot(emptyTracker, snapshot([], T0 + 7 * MIN, open));
    expect(s.a).toMatchObject({ waitingSince: T0 + 5 * MIN, waitingPrecision: 'approximate', customerName: 'Zoé' });
    const answered = applySnapshot(s, snapshot([], T0 + 8 * MIN, { ...open, messages: [...open.messages, { key: '6', side: 'page', agent: 'Paul', text: 'x', at: at(T0 + 7 * MIN) }] }));
    expect(answered.a!.waitingSince).toBeNull();
  });

  it('an automated reply in the open thread does not stop the clock; the thread decides over its row', () => {
    const at = (t: number) => ({ start: t, end: t + MIN });
    const open = {
      id: 'a', key: 'a', customerName: 'Zoé',
      messages: [
        { key: '1', side: 'customer' as const, agent: null, text: 'x', at: at(T0) },
        { key: '2', side: 'page' as const, agent: 'Automated response', automated: true, text: 'x', at: at(T0) },
      ],
    };
    const pageLastRow = row('a', { lastFrom: 'page', lastAt: at(T0) });
    const s = applySnapshot(emptyTracker, snapshot([pageLastRow], T0 + 2 * MIN, open));
    expect(s.a!.waitingSince).toBe(T0);
  });

  it('is idempotent: the same snapshot twice returns the same object', () => {
    const snap = snapshot([row('a', { lastAt: { start: T0, end: T0 + MIN } })], T0 + 5 * MIN);
    const once = applySnapshot(emptyTracker, snap);
    expect(applySnapshot(once, snap)).toBe(once);
  });
});

describe('row keys and ids (a conversation opened for the first time)', () => {
  it('joins the wait tracked under the row key into the id; a reply under the id stops it', () => {
    const listed = applySnapshot(emptyTracker, snapshot([row('r:zoe', { lastAt: { start: T0, end: T0 + MIN } })], T0 + 2 * MIN));
    expect(listed['r:zoe']!.waitingSince).toBe(T0);
    // Opened: the row now carries the id as key and the row key beside it.
    const opened = applySnapshot(listed, snapshot([row('123', { rowKey: 'r:zoe', lastAt: { start: T0, end: T0 + MIN } })], T0 + 3 * MIN));
    expect(opened['123']).toMatchObject({ waitingSince: T0, aliases: ['r:zoe'] });
    expect(opened['r:zoe']).toMatchObject({ aliasOf: '123', waitingSince: null });
    const answered = applyEvent(opened, { ...replied('123', T0 + 4 * MIN), rowKey: 'r:zoe' });
    expect(answered['123']!.waitingSince).toBeNull();
    // A late list event under the old key lands on the id (and is history: older than the reply).
    const late = applyEvent(answered, customer('r:zoe', T0, { precision: 'approximate', atLatest: T0 + MIN }));
    expect(late['123']!.waitingSince).toBeNull();
    expect(late['r:zoe']!.waitingSince).toBeNull();
  });

  it('an event carrying its row key joins the two as well', () => {
    const s = run([customer('r:a', T0), { ...replied('9', T0 + MIN), rowKey: 'r:a' }]);
    expect(s['9']!.waitingSince).toBeNull();
    expect(s['r:a']!.aliasOf).toBe('9');
  });
});

describe('restore and prune', () => {
  it('restores only unknown conversations', () => {
    const now = run([customer('a', T0 + MIN)]);
    const saved = run([customer('a', T0), customer('b', T0)]);
    const s = restoreTracks(now, Object.values(saved));
    expect(s.a!.waitingSince).toBe(T0 + MIN);
    expect(s.b!.waitingSince).toBe(T0);
  });

  it('forgets conversations unseen for 8 days and caps answered ones', () => {
    const s = run([customer('old', T0), customer('new', T0 + 8 * 24 * HOUR)]);
    expect(Object.keys(pruneTracks(s, T0 + 8 * 24 * HOUR + MIN))).toEqual(['new']);
    let many: TrackerState = run([customer('w', T0)]);
    for (let i = 0; i < MAX_TRACKS + 20; i++) many = run([customer(`k${i}`, T0 + i), replied(`k${i}`, T0 + i + 1)], many);
    const pruned = pruneTracks(many, T0 + HOUR);
    expect(Object.keys(pruned)).toHaveLength(MAX_TRACKS);
    expect(pruned.w).toBeDefined();
  });
});

describe('customerNames (for the popup, from memory)', () => {
  it('answers the names it knows, following aliases, and nothing else', () => {
    const listed = applySnapshot(emptyTracker, snapshot([row('r:zoe', { customerName: 'Zoé', lastAt: { start: T0, end: T0 + MIN } })], T0 + 2 * MIN));
    const opened = applySnapshot(listed, snapshot([row('123', { rowKey: 'r:zoe', customerName: 'Zoé', lastAt: { start: T0, end: T0 + MIN } })], T0 + 3 * MIN));
    expect(customerNames(opened, ['123', 'r:zoe', 'unknown', '__proto__', 'toString'])).toEqual({ '123': 'Zoé', 'r:zoe': 'Zoé' });
    expect(customerNames(opened, [])).toEqual({});
    const long = applyEvent(emptyTracker, customer('9', T0, { customerName: `  ${'x'.repeat(300)} ` }));
    expect(customerNames(long, ['9'])['9']).toHaveLength(200);
    const many = Array.from({ length: 150 }, (_, i) => (i === 120 ? '123' : `k${i}`));
    expect(customerNames(opened, many)).toEqual({});
  });
});

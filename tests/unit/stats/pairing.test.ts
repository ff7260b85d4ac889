import { describe, expect, it } from 'vitest';
import { applyEvents, type PairingConfig } from '../../../utils/stats/pairing';
import type { PendingRecord } from '../../../utils/stats/types';
import { customer, MIN, reply, T0, wallConfig } from './fixtures';
import type { InboxEvent } from '../../../utils/inbox/types';

function run(events: InboxEvent[], config: PairingConfig = wallConfig, states = new Map<string, PendingRecord>()) {
  return { ...applyEvents(states, events, config, T0), states };
}

describe('pairing customer messages with replies', () => {
  it('a burst counts from its first message, answered by the first reply', () => {
    const { responses } = run([customer('a', T0), customer('a', T0 + MIN), customer('a', T0 + 2 * MIN), reply('a', T0 + 4 * MIN), reply('a', T0 + 5 * MIN)]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ conversation: 'a', customerAt: T0, repliedAt: T0 + 4 * MIN, responseSeconds: 240, withinTarget: true, agent: 'Marie' });
  });

  it('two agents in one conversation: each reply closes the message before it', () => {
    const { responses } = run([customer('a', T0), reply('a', T0 + 2 * MIN, 'Marie'), customer('a', T0 + 10 * MIN), reply('a', T0 + 20 * MIN, 'Paul'), reply('a', T0 + 21 * MIN, 'Marie')]);
    expect(responses.map((r) => [r.agent, r.responseSeconds, r.withinTarget])).toEqual([
      ['Marie', 120, true],
      ['Paul', 600, false],
    ]);
  });

  it('replies with no customer message before them are not responses', () => {
    expect(run([reply('a', T0), reply('a', T0 + MIN)]).responses).toEqual([]);
  });

  it('sorts a batch by time, message before reply at the same instant', () => {
    const { responses } = run([reply('a', T0 + 3 * MIN), customer('a', T0), reply('b', T0), customer('b', T0)]);
    expect(responses.map((r) => [r.conversation, r.responseSeconds])).toEqual([
      ['b', 0],
      ['a', 180],
    ]);
  });

  it('is idempotent: the same events again (resend, second tab) add nothing', () => {
    const events = [customer('a', T0), reply('a', T0 + MIN)];
    const states = new Map<string, PendingRecord>();
    expect(run(events, wallConfig, states).responses).toHaveLength(1);
    expect(run(events, wallConfig, states).responses).toHaveLength(0);
    // A second tab sees the same happenings with other ids and an approximate time.
    expect(run([customer('a', T0 - 20_000, 'approximate'), reply('a', T0 + MIN, 'Marie', 'observed')], wallConfig, states).responses).toHaveLength(0);
  });

  it('keeps state across batches (a stopped worker resumes)', () => {
    const states = new Map<string, PendingRecord>();
    expect(run([customer('a', T0)], wallConfig, states).responses).toHaveLength(0);
    const later = run([reply('a', T0 + 7 * MIN)], wallConfig, states).responses;
    expect(later).toHaveLength(1);
    expect(later[0]!.responseSeconds).toBe(420);
  });

  it('an earlier unanswered message seen late moves the start back', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('a', T0 + 5 * MIN)], wallConfig, states);
    const { responses } = run([customer('a', T0), reply('a', T0 + 6 * MIN)], wallConfig, states);
    expect(responses[0]!.customerAt).toBe(T0);
  });

  it('replies across midnight and week ends keep wall seconds', () => {
    const sunday = Date.UTC(2026, 10, 22, 23, 58);
    const { responses } = run([customer('a', sunday), reply('a', sunday + 4 * MIN)]);
    expect(responses[0]).toMatchObject({ responseSeconds: 240, customerAt: sunday, repliedAt: sunday + 4 * MIN });
  });

  it('judges business time when configured, and marks approximate pairs', () => {
    const config: PairingConfig = { ...wallConfig, businessMillis: () => 60_000, useBusinessTime: true };
    const { responses } = run([customer('a', T0, 'approximate'), reply('a', T0 + 60 * MIN)], config);
    expect(responses[0]).toMatchObject({ responseSeconds: 3600, businessResponseSeconds: 60, withinTarget: true, precision: 'approximate' });
  });

  it('credits this browser\'s unlabeled replies to the agent setting, others to unknown', () => {
    const { responses } = run([customer('a', T0), reply('a', T0 + MIN, null, 'this-browser'), customer('b', T0), reply('b', T0 + MIN, null, 'observed')]);
    expect(responses.map((r) => [r.conversation, r.agent, r.source])).toEqual([
      ['a', 'Moi', 'this-browser'],
      ['b', '', 'observed'],
    ]);
  });

  it('ids depend on page, conversation and customer time only', () => {
    const a = run([customer('a', T0), reply('a', T0 + MIN, 'Marie')]).responses[0]!;
    const b = run([customer('a', T0 + 400), reply('a', T0 + 2 * MIN, 'Paul', 'this-browser')]).responses[0]!;
    expect(a.id).toBe(b.id);
    const other = run([customer('a', T0, 'exact', null), reply('a', T0 + MIN, 'Marie', 'observed', 'exact', null)]).responses[0]!;
    expect(other.id).not.toBe(a.id);
    expect(other.pageId).toBe('');
  });

  it('joins a list event (row key) with the thread reply after the first opening (id + same row key)', () => {
    const listMessage = { ...customer('r:abc', T0), rowKey: 'r:abc' };
    const threadReply = { ...reply('1001', T0 + 3 * MIN), rowKey: 'r:abc' };
    const states = new Map<string, PendingRecord>();
    expect(run([listMessage], wallConfig, states).responses).toEqual([]);
    const { responses, changed } = run([threadReply], wallConfig, states);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ conversation: '1001', customerAt: T0, responseSeconds: 180 });
    expect([...changed].sort()).toEqual(['page1|1001', 'page1|r:abc']);
    // Later events keyed either way see the same state.
    expect(run([{ ...customer('1001', T0 + 10 * MIN), rowKey: 'r:abc' }, { ...reply('1001', T0 + 12 * MIN), rowKey: 'r:abc' }], wallConfig, states).responses[0]).toMatchObject({
      conversation: '1001',
      responseSeconds: 120,
    });
  });

  it('merges two states found under the two keys: latest reply, then the earliest message after it', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('1001', T0), reply('1001', T0 + MIN)], wallConfig, states); // thread-only history
    run([customer('r:abc', T0 + 30_000), customer('r:abc', T0 + 5 * MIN)], wallConfig, states); // list-only: one answered, one not
    const { responses } = run([{ ...reply('1001', T0 + 9 * MIN), rowKey: 'r:abc' }], wallConfig, states);
    expect(responses.map((r) => [r.conversation, r.customerAt, r.responseSeconds])).toEqual([['1001', T0 + 5 * MIN, 240]]);
  });

  it('does not count a reloaded tab\'s coarse row time as an earlier message', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('a', T0)], wallConfig, states);
    // After a reload the row token "2h"-style interval holds the live message: the same message.
    const coarse = { ...customer('a', T0 - 50 * MIN, 'approximate'), atLatest: T0 + 10 * MIN };
    const { responses } = run([coarse, reply('a', T0 + 3 * MIN)], wallConfig, states);
    expect(responses[0]).toMatchObject({ customerAt: T0, responseSeconds: 180, precision: 'exact' });
  });

  it('an exact time replaces the approximate interval holding it; an interval past the last reply starts after it', () => {
    const states = new Map<string, PendingRecord>();
    run([{ ...customer('a', T0 - 5 * MIN, 'approximate'), atLatest: T0 + 5 * MIN }], wallConfig, states);
    const exact = run([customer('a', T0), reply('a', T0 + MIN)], wallConfig, states).responses[0]!;
    expect(exact).toMatchObject({ customerAt: T0, precision: 'exact', responseSeconds: 60 });
    expect(exact).not.toHaveProperty('customerLatest');
    // The customer wrote after that reply, in an interval that starts before it.
    const after = run([{ ...customer('a', T0 - 10 * MIN, 'approximate'), atLatest: T0 + 30 * MIN }, reply('a', T0 + 40 * MIN)], wallConfig, states).responses[0]!;
    expect(after).toMatchObject({ customerAt: T0 + MIN + 1, customerLatest: T0 + 30 * MIN, precision: 'approximate' });
    // An interval wholly before the last reply was answered.
    expect(run([{ ...customer('a', T0 - 10 * MIN, 'approximate'), atLatest: T0 + 39 * MIN }, reply('a', T0 + 50 * MIN)], wallConfig, states).responses).toEqual([]);
  });

  it('an interval that precedes a later message reaches into its second, and that message is never taken for it (stop 22)', () => {
    const S = T0 + 20_000; // the second of the burst's last message (the row's data-utime)
    const first = { ...customer('a', T0, 'approximate'), atLatest: S + 999, precedes: S };
    // The last message, exact from that second on, in either order: kept apart, the response counts from the first.
    for (const events of [[first, customer('a', S)], [customer('a', S), first]]) {
      const r = run([...events, reply('a', S + MIN)]).responses[0]!;
      expect(r).toMatchObject({ customerAt: T0, customerLatest: S + 999, precision: 'approximate' });
    }
    // An exact time before that second is the first message itself (the thread's live report of it): it replaces the interval.
    const itself = run([first, customer('a', T0 + 5_000), reply('a', S + MIN)]).responses[0]!;
    expect(itself).toMatchObject({ customerAt: T0 + 5_000, precision: 'exact' });
  });

  it('an approximate customer time keeps its interval end, which the reply bounds (issue 16)', () => {
    const burst = run([{ ...customer('a', T0, 'approximate'), atLatest: T0 + MIN }, customer('a', T0 + 2 * MIN), reply('a', T0 + 3 * MIN)]).responses[0]!;
    // The burst counts from its first message: the interval of that one, not the exact second one.
    expect(burst).toMatchObject({ customerAt: T0, customerLatest: T0 + MIN, precision: 'approximate', responseSeconds: 180 });
    // A token interval reaching past the reply ends at the reply.
    const late = run([{ ...customer('b', T0, 'approximate'), atLatest: T0 + 10 * MIN }, reply('b', T0 + 4 * MIN)]).responses[0]!;
    expect(late).toMatchObject({ customerAt: T0, customerLatest: T0 + 4 * MIN });
    // An approximate reply to an exact message: the customer time is a point, no interval.
    const point = run([customer('c', T0), reply('c', T0 + MIN, 'Marie', 'observed', 'approximate')]).responses[0]!;
    expect(point.precision).toBe('approximate');
    expect(point).not.toHaveProperty('customerLatest');
  });

  describe('a second report of the very same reply corrects its credit (issue 16)', () => {
    const sameReply = (e: InboxEvent, patch: Partial<Extract<InboxEvent, { kind: 'reply-sent' }>>) => ({ ...(e as Extract<InboxEvent, { kind: 'reply-sent' }>), ...patch });

    it('this browser sent the reply another tab recorded as observed: the record becomes its own', () => {
      const states = new Map<string, PendingRecord>();
      const seen = reply('a', T0 + MIN, 'Marie Dupont', 'observed');
      const first = run([customer('a', T0), seen], wallConfig, states).responses[0]!;
      expect(first).toMatchObject({ source: 'observed', agent: 'Marie Dupont' });
      // The sending tab's report: the same message id, its send time a little earlier, no label.
      const own = sameReply(seen, { at: T0 + MIN - 800, agent: null, via: 'this-browser' });
      const { responses } = run([own], wallConfig, states);
      expect(responses).toEqual([{ ...first, source: 'this-browser', agent: 'Moi' }]);
      // Reported yet again: nothing more to correct.
      expect(run([own], wallConfig, states).responses).toEqual([]);
    });

    it('never by time alone: an own send with another id does not take a colleague\'s record', () => {
      const states = new Map<string, PendingRecord>();
      run([customer('a', T0), reply('a', T0 + MIN, 'Paul Girard', 'observed')], wallConfig, states);
      const mine = reply('a', T0 + MIN - 500, null, 'this-browser');
      expect(run([mine], wallConfig, states).responses).toEqual([]);
      expect(run([reply('a', T0 + MIN, 'Marie', 'this-browser')], wallConfig, states).responses).toEqual([]);
    });

    it('a reply recorded without its late Sent-by label is credited when the label comes, and only then', () => {
      const states = new Map<string, PendingRecord>();
      const unlabelled = reply('a', T0 + MIN, null, 'observed');
      const first = run([customer('a', T0), unlabelled], wallConfig, states).responses[0]!;
      expect(first.agent).toBe('');
      // The label of another message does not credit it.
      expect(run([reply('a', T0 + MIN, 'Paul Girard', 'observed')], wallConfig, states).responses).toEqual([]);
      const { responses } = run([sameReply(unlabelled, { agent: 'Paul Girard' })], wallConfig, states);
      expect(responses).toEqual([{ ...first, agent: 'Paul Girard' }]);
      // A labelled record is not re-credited by the same reply reported with another label.
      expect(run([sameReply(unlabelled, { agent: 'Léa' })], wallConfig, states).responses).toEqual([]);
    });

    it('an own record is never turned into an observed one, and an answered reply opens no new response', () => {
      const states = new Map<string, PendingRecord>();
      const own = reply('a', T0 + MIN, null, 'this-browser');
      const first = run([customer('a', T0), own], wallConfig, states).responses[0]!;
      expect(first).toMatchObject({ source: 'this-browser', agent: 'Moi' });
      expect(run([sameReply(own, { via: 'observed', agent: 'Marie Dupont', at: T0 + MIN + 900 })], wallConfig, states).responses).toEqual([]);
      // After the next response, the earlier reply's id no longer corrects anything.
      run([customer('a', T0 + 2 * MIN), reply('a', T0 + 3 * MIN, 'Paul Girard')], wallConfig, states);
      expect(run([sameReply(own, { via: 'observed', agent: 'Marie Dupont' })], wallConfig, states).responses).toEqual([]);
    });
  });
});

describe('the debug trace of the pairing (issue 16)', () => {
  it('says what became of each event: waiting, answered already, the response, a reply with nothing waiting', () => {
    const entries: Array<Record<string, unknown>> = [];
    const states = new Map<string, PendingRecord>();
    applyEvents(states, [customer('a', T0), reply('a', T0 + MIN)], wallConfig, T0, (e) => entries.push(e));
    applyEvents(states, [customer('a', T0 + 30_000), reply('a', T0 + 2 * MIN)], wallConfig, T0, (e) => entries.push(e));
    expect(entries.map((e) => e.what)).toEqual(['waiting', 'response', 'answered-already', 'reply-nothing-waiting']);
    expect(entries[2]).toMatchObject({ conv: 'a', at: T0 + 30_000, lastReplyAt: T0 + MIN });
  });
});

describe('a customer writing in the same second as a reply (issue 16)', () => {
  const S = T0 + 10_000; // a whole second: data-utime dates the customer's message S
  const replyAs = (id: string, at: number): InboxEvent => ({ ...reply('a', at), id });
  const customerAfter = (at: number, follows?: string): InboxEvent => ({ ...customer('a', at), ...(follows ? { follows } : {}) });

  it('the thread shows it after the latest reply: it waits from just after that reply, not answered by it', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('a', S - 5000), replyAs('rs:abc', S + 434)], wallConfig, states);
    expect(run([customerAfter(S, 'abc')], wallConfig, states).states.get('page1|a')!.waiting).toEqual([{ at: S + 435, precision: 'exact' }]);
    const { responses } = run([replyAs('rs:def', S + 3000)], wallConfig, states);
    expect(responses).toEqual([expect.objectContaining({ customerAt: S + 435, repliedAt: S + 3000, precision: 'exact' })]);
  });

  it('the same after an earlier answer the thread showed (`rh:`, same message hash)', () => {
    const states = new Map<string, PendingRecord>();
    run([{ ...replyAs('rh:abc', S + 900), history: true } as InboxEvent], wallConfig, states);
    run([customerAfter(S, 'abc')], wallConfig, states);
    expect(run([replyAs('rs:def', S + 4000)], wallConfig, states).responses).toEqual([expect.objectContaining({ customerAt: S + 901 })]);
  });

  it('after another reply than the latest, or from a state saved before the reply key: answered already, as before', () => {
    const states = new Map<string, PendingRecord>();
    run([replyAs('rs:abc', S + 434)], wallConfig, states);
    run([customerAfter(S, 'older')], wallConfig, states);
    expect(states.get('page1|a')!.waiting).toEqual([]);
    const saved = new Map<string, PendingRecord>([['page1|a', { key: 'page1|a', pageId: 'page1', conversation: 'a', waiting: [], lastReplyAt: S + 434, updatedAt: T0 }]]);
    run([customerAfter(S, 'abc')], wallConfig, saved);
    expect(saved.get('page1|a')!.waiting).toEqual([]);
  });

  it('the reply named by the key its send was predicted to get (reported before its bubble rendered): the same, exact or approximate', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('a', S - 5000), replyAs('rs:predicted', S + 434)], wallConfig, states);
    // The thread keys the bubble by Meta's message id: `follows` names that key, `followsPredicted` the send's.
    run([{ ...customerAfter(S, 'bubble'), followsPredicted: 'predicted' } as InboxEvent], wallConfig, states);
    expect(states.get('page1|a')!.waiting).toEqual([{ at: S + 435, precision: 'exact' }]);
    const approx = new Map<string, PendingRecord>();
    run([customer('a', S - 5000), replyAs('rs:predicted', S + 434)], wallConfig, approx);
    const interval: InboxEvent = { ...customer('a', S - 20 * MIN), precision: 'approximate', atLatest: S - 1, follows: 'bubble', followsPredicted: 'predicted' } as InboxEvent;
    run([interval], wallConfig, approx);
    expect(approx.get('page1|a')!.waiting).toEqual([{ at: S + 435, precision: 'approximate', atLatest: S + 435 }]);
    // Neither key names the latest reply: answered by it.
    const other = new Map<string, PendingRecord>();
    run([replyAs('rs:predicted', S + 434)], wallConfig, other);
    run([{ ...customerAfter(S, 'bubble'), followsPredicted: 'older' } as InboxEvent], wallConfig, other);
    expect(other.get('page1|a')!.waiting).toEqual([]);
  });

  it('a wait moved to just after the reply that completed the previous response, in that response\'s second: another id, so both are kept', () => {
    const states = new Map<string, PendingRecord>();
    const first = run([customer('a', S), replyAs('rs:abc', S + 906)], wallConfig, states).responses;
    // A burst the thread shows below that reply, dated as an interval from the list's older token: it starts at S + 0.907 s.
    run([{ ...customer('a', S - 20 * MIN), precision: 'approximate', atLatest: S + 3999 } as InboxEvent], wallConfig, states);
    const second = run([replyAs('rs:def', S + 6700)], wallConfig, states).responses;
    expect(second).toEqual([expect.objectContaining({ customerAt: S + 907, repliedAt: S + 6700 })]);
    expect(second[0]!.id).not.toBe(first[0]!.id);
    expect(second[0]!.id).toBe(`${first[0]!.id}|${Math.floor((S + 6700) / 1000)}`);
    // The same reply reported again keeps its id (a credit correction rewrites the same record).
    expect(run([replyAs('rs:def', S + 6700)], wallConfig, states).responses).toEqual([]);
  });

  it('a customer who wrote BEFORE the reply in the same second is answered by it', () => {
    const states = new Map<string, PendingRecord>();
    run([customer('a', S - 60_000), replyAs('rs:old', S - 50_000)], wallConfig, states);
    const { responses } = run([customerAfter(S, 'old'), replyAs('rs:abc', S + 434)], wallConfig, states);
    expect(responses).toEqual([expect.objectContaining({ customerAt: S, repliedAt: S + 434 })]);
    // Reported one batch apart, in the page's order: the same.
    const apart = new Map<string, PendingRecord>();
    run([customer('a', S - 60_000), replyAs('rs:old', S - 50_000)], wallConfig, apart);
    run([customerAfter(S, 'old')], wallConfig, apart);
    expect(run([replyAs('rs:abc', S + 434)], wallConfig, apart).responses).toEqual([expect.objectContaining({ customerAt: S, repliedAt: S + 434 })]);
  });
});

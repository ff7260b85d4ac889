import { beforeEach, describe, expect, it } from 'vitest';
import { EventTracker, SEND_WAIT_MS } from '../../../utils/inbox/events';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import type { InboxEvent } from '../../../utils/inbox/types';
import { applyEvents } from '../../../utils/stats/pairing';
import type { PendingRecord } from '../../../utils/stats/types';
import { validateEvent } from '../../../utils/stats/validate';
import { buildInbox, type Built, type RowSpec, type ThreadItem } from './build';

/**
 * Issue 16 (adapter half): the customer's time is never the time we looked; the thread beats the
 * preview. One test per scenario of the table, at the EventTracker level.
 */
const URL_ALICE = 'https://business.facebook.com/latest/inbox/all?asset_id=42&selected_item_id=1001';
const T0 = Date.UTC(2026, 1, 24, 9, 0); // 10:00 in Paris
const TZ = 'Europe/Paris';
const MIN = 60_000;

let dom: Built;
const snap = (now: number, url = URL_ALICE) => takeSnapshot(document, url, now, { timeZone: TZ });
const tracker = () => new EventTracker({ agentName: () => 'Marie' });
const customerEvents = (events: InboxEvent[]) => events.filter((e) => e.kind === 'customer-message');
const ALICE: RowSpec = { name: 'Alice Martin', preview: 'Hello, is my order shipped?', token: '2m', selected: true };

beforeEach(() => {
  dom = buildInbox();
});

describe('issue 16: a thread just opened gives its customer messages their own time', () => {
  it('customer wrote while the conversation was closed: the time comes from the separator, not from the opening', () => {
    dom.setRows([ALICE]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:58' }, { side: 'customer', text: 'Hello, is my order shipped?' }]);
    const events = customerEvents(tracker().update(snap(T0), T0, T0));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ conversation: '1001', precision: 'approximate', at: T0 - 2 * MIN });
    expect(events[0]!.at).not.toBe(T0);
  });

  it('opened by its URL with its list row never drawn: timed from the thread', () => {
    dom.setRows([]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:53' }, { side: 'customer', text: 'Hi' }, { side: 'customer', text: 'Anyone?' }]);
    const events = customerEvents(tracker().update(snap(T0), T0, T0));
    expect(events).toEqual([expect.objectContaining({ conversation: '1001', at: T0 - 7 * MIN, precision: 'approximate' })]);
    expect((events[0] as { atLatest?: number }).atLatest).toBeLessThanOrEqual(T0);
  });

  it('without any time in the thread, the row token gives an interval; the opening moment is never used', () => {
    dom.setRows([{ ...ALICE, token: '5m' }]);
    dom.setThread('Alice Martin', [{ side: 'customer', text: 'Hello, is my order shipped?' }]);
    const [e] = customerEvents(tracker().update(snap(T0), T0, T0));
    expect(e).toMatchObject({ precision: 'approximate', at: T0 - 6 * MIN, atLatest: T0 - 5 * MIN });
    dom.setRows([]);
    expect(customerEvents(tracker().update(snap(T0), T0, T0))).toEqual([]);
  });

  it('a customer writing within 1.3 s of the opening is live and exact', () => {
    const thread: ThreadItem[] = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'Hi!' }, { label: 'Sent by Paul Girard' }];
    dom.setRows([{ ...ALICE, preview: 'You: Hi!' }]);
    dom.setThread('Alice Martin', thread);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    dom.setThread('Alice Martin', [...thread, { side: 'customer', text: 'One more question' }]);
    const events = customerEvents(t.update(snap(T0 + 1300), T0 + 1250, T0 + 1300));
    expect(events).toEqual([expect.objectContaining({ precision: 'exact', at: T0 + 1250 })]);
  });
});

describe('issue 16 (two tabs): a thread drawn behind its row', () => {
  const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
  const answered: ThreadItem[] = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'Hi!' }, { label: 'Sent by Paul Girard' }];
  const waiting: RowSpec = { ...ALICE, preview: 'Is it in stock?', token: '2m' };

  it('the customer message the row dated before the opening, drawn a moment later, is timed from the row, not from the opening', () => {
    dom.setRows([waiting]);
    dom.setThread('Alice Martin', answered);
    const t = tracker();
    const opened = t.update(snap(T0), T0, T0);
    // Nothing about the Page's message is concluded from a thread behind its row.
    expect(opened.filter((e) => e.kind !== 'conversation-opened')).toEqual([]);
    dom.setThread('Alice Martin', [...answered, { side: 'customer', text: 'Is it in stock?' }]);
    const drawn = t.update(snap(T0 + 400), T0 + 400, T0 + 400);
    // From its section (09:40) to its row's token ("2m"), as when the thread is drawn at once.
    expect(customerEvents(drawn)).toEqual([expect.objectContaining({ precision: 'approximate', at: T0 - 20 * MIN, atLatest: T0 + 400 - 2 * MIN })]);
    // The Page's answer closes the waits before that message only.
    expect(drawn.find((e) => e.kind === 'reply-sent')).toMatchObject({ history: true, at: T0 - 20 * MIN - 1 });
  });

  it('a second tab\'s stale thread does not close the wait the first tab reported: one response, from the customer\'s time', () => {
    const states = new Map<string, PendingRecord>();
    // Tab 1 opened the conversation drawn in full.
    dom.setRows([waiting]);
    dom.setThread('Alice Martin', [...answered, { side: 'customer', text: 'Is it in stock?' }]);
    const first = tracker().update(snap(T0), T0, T0);
    // Tab 2 opens it a second later, its thread not yet showing the message, then drawn.
    dom.setThread('Alice Martin', answered);
    const t2 = tracker();
    const stale = t2.update(snap(T0 + 1000), T0 + 1000, T0 + 1000);
    dom.setThread('Alice Martin', [...answered, { side: 'customer', text: 'Is it in stock?' }]);
    const drawn = t2.update(snap(T0 + 1400), T0 + 1400, T0 + 1400);
    const reply: InboxEvent = { kind: 'reply-sent', id: 'rs~x', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: T0 + 5000, agent: null, via: 'this-browser', precision: 'exact' };
    const { responses } = applyEvents(states, [...first, ...stale, ...drawn, reply], config, T0 + 6000);
    // The message's section (09:40) is its earliest time; without the fix the stale tab closed the wait up to its opening.
    expect(responses).toEqual([expect.objectContaining({ customerAt: T0 - 20 * MIN, repliedAt: T0 + 5000, precision: 'approximate' })]);
    expect(stale.filter((e) => e.kind !== 'conversation-opened')).toEqual([]);
  });

  it('a thread still behind once settled is read as it is, the Page\'s message closing waits only up to the row\'s time', () => {
    dom.setRows([waiting]);
    // No time in the thread: the Page's message is bounded by the row's customer message, not by now.
    dom.setThread('Alice Martin', answered.slice(1));
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const settled = t.update(snap(T0 + 2000), T0 + 2000, T0 + 2000);
    expect(settled.find((e) => e.kind === 'reply-sent')).toMatchObject({ history: true, at: T0 + 2000 - 3 * MIN - 1 });
  });

  it('a row dating its customer message to this very moment is a message arriving now: read at once, live', () => {
    dom.setRows([{ ...waiting, token: 'now' }]);
    dom.setThread('Alice Martin', answered);
    const t = tracker();
    const opened = t.update(snap(T0), T0, T0);
    expect(opened.find((e) => e.kind === 'reply-sent')).toMatchObject({ history: true });
    dom.setThread('Alice Martin', [...answered, { side: 'customer', text: 'Is it in stock?' }]);
    expect(customerEvents(t.update(snap(T0 + 400), T0 + 400, T0 + 400))).toEqual([expect.objectContaining({ precision: 'exact', at: T0 + 400 })]);
  });
});

describe('issue 16: a list row with data-utime gives the time the customer wrote', () => {
  const BOB: RowSpec = { name: 'Bob Leroy', preview: 'You: Sure.', token: '9:40 AM' };
  it('a row that changes to a customer message written 40 s before it was drawn is timed from its data-utime, not from the change', () => {
    dom.setRows([ALICE, BOB]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:58' }, { side: 'customer', text: 'Hello, is my order shipped?' }]);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    // Meta delivers Bob's message late (or the row is redrawn late): written at T0 + 20 s, seen at T0 + 60 s.
    dom.setRows([ALICE, { ...BOB, preview: 'Are you there?', token: '10:00 AM', utime: (T0 + 20_000) / 1000 }]);
    const events = customerEvents(t.update(snap(T0 + 60_000), T0 + 60_000, T0 + 60_000));
    expect(events).toEqual([expect.objectContaining({ customerName: 'Bob Leroy', precision: 'exact', at: T0 + 20_000 })]);
  });

  it('without data-utime, a row whose token dates its new customer message well before the change is an interval from that token, not exact at the change', () => {
    dom.setRows([ALICE, BOB]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:58' }, { side: 'customer', text: 'Hello, is my order shipped?' }]);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    // Written 150 s before the row changed here (a tab catching up): the row says "2m" ("1m" covers under two minutes, up to now).
    dom.setRows([ALICE, { ...BOB, preview: 'Are you there?', token: '2m' }]);
    const events = customerEvents(t.update(snap(T0 + 60_000), T0 + 60_000, T0 + 60_000));
    expect(events).toEqual([expect.objectContaining({ customerName: 'Bob Leroy', precision: 'approximate', at: T0 - 2 * MIN })]);
    expect((events[0] as { atLatest?: number }).atLatest).toBe(T0 - MIN);
    // First drawn (scrolled into view) with the same token: the same kind of interval.
    dom.setRows([ALICE, { ...BOB, preview: 'Are you there?', token: '2m' }, { name: 'Chloé Petit', preview: 'Hello?', token: '2m' }]);
    expect(customerEvents(t.update(snap(T0 + 61_000), T0 + 61_000, T0 + 61_000))).toEqual([expect.objectContaining({ customerName: 'Chloé Petit', precision: 'approximate', at: T0 + 61_000 - 3 * MIN })]);
  });

  it('without data-utime, or with a data-utime after the change (a clock ahead), the moment the row changed is kept', () => {
    for (const utime of [undefined, (T0 + 90_000) / 1000]) {
      dom.setRows([ALICE, BOB]);
      dom.setThread('Alice Martin', [{ separator: 'Today 09:58' }, { side: 'customer', text: 'Hello, is my order shipped?' }]);
      const t = tracker();
      t.update(snap(T0), T0, T0);
      dom.setRows([ALICE, { ...BOB, preview: 'Are you there?', token: '10:01 AM', ...(utime === undefined ? {} : { utime }) }]);
      const events = customerEvents(t.update(snap(T0 + 60_000), T0 + 60_000, T0 + 60_000));
      expect(events).toEqual([expect.objectContaining({ customerName: 'Bob Leroy', precision: 'exact', at: T0 + 60_000 })]);
    }
  });
});

describe('issue 16: an earlier reply this tab never saw', () => {
  it('the thread shows the Page answered: the response is measured from the first customer message after it', () => {
    const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
    const states = new Map<string, PendingRecord>();
    // A week ago the list showed Alice waiting (an approximate event stored then); a colleague answered from a phone.
    const old: InboxEvent = { kind: 'customer-message', id: 'cm~old', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: T0 - 7 * 86_400_000, atLatest: T0 - 7 * 86_400_000 + 60_000, precision: 'approximate' };
    applyEvents(states, [old], config, T0);
    dom.setRows([{ ...ALICE, token: '1m' }]);
    dom.setThread('Alice Martin', [
      { separator: 'Feb 17, 2026 10:00' },
      { side: 'customer', text: 'Do you ship abroad?' },
      { side: 'page', text: 'Yes, everywhere in Europe.' },
      { label: 'Sent by Paul Girard' },
      { separator: 'Today 09:59' },
      { side: 'customer', text: 'Great, to Spain then?' },
    ]);
    const t = tracker();
    const opened = t.update(snap(T0), T0, T0);
    expect(opened.find((e) => e.kind === 'reply-sent')).toMatchObject({ history: true, at: T0 - MIN - 1 });
    // What the background receives: the history flag survives validation.
    const validated = opened.map((e) => validateEvent(JSON.parse(JSON.stringify(e)), 'event', T0));
    expect(validated.find((e) => e.kind === 'reply-sent')).toMatchObject({ history: true });
    const { responses: none } = applyEvents(states, validated, config, T0);
    expect(none).toEqual([]); // the history marker times nothing
    t.noteSendIntent('Yes, 2 days.', T0 + 3300, snap(T0 + 3300).open);
    t.noteComposerEmptied('1001');
    const replied = t.tick(T0 + 3300 + 5000);
    const { responses } = applyEvents(states, replied, config, T0 + 9000);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ customerAt: T0 - MIN, repliedAt: T0 + 3300, agent: 'Marie' });
    expect(responses[0]!.responseSeconds).toBeLessThan(120);
  });
});

describe('issue 16 (accuracy bench): bursts and messages right after a reply', () => {
  const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
  const answeredThread: ThreadItem[] = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'Hi!' }, { label: 'Sent by Paul Girard' }];

  it('opened on a burst of two whose row is dated to the second: the first is an interval up to the end of that second, which the row\'s exact time does not replace, and the response is approximate, from it', () => {
    const states = new Map<string, PendingRecord>();
    const u = T0 - 20_000; // the row's data-utime: the LAST message of the burst
    dom.setRows([{ ...ALICE, preview: 'Anyone?', token: '9:59 AM', utime: u / 1000 }]);
    dom.setThread('Alice Martin', [...answeredThread, { side: 'customer', text: 'Hi' }, { side: 'customer', text: 'Anyone?' }]);
    // What the list said before: the row's message, exactly.
    const fromList: InboxEvent = { kind: 'customer-message', id: 'cm:list', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: u, precision: 'exact' };
    const reply: InboxEvent = { kind: 'reply-sent', id: 'rs:before', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: T0 - 25_000, agent: 'Paul Girard', via: 'observed', precision: 'exact' };
    applyEvents(states, [reply, fromList], config, T0);
    const opened = customerEvents(tracker().update(snap(T0), T0, T0));
    // Up to the end of the row's second (the first may be written in it, just before the last: stop 22), and
    // `precedes` keeps the row's own message (exact, from that second on) from being taken for it.
    expect(opened).toEqual([expect.objectContaining({ precision: 'approximate', at: T0 - 20 * MIN, atLatest: u + 999, precedes: u })]);
    const { responses } = applyEvents(
      states,
      opened.map((e) => ({ ...e, pageId: '42' })),
      config,
      T0,
    );
    expect(responses).toEqual([]);
    const answered: InboxEvent = { ...reply, id: 'rs:now', at: T0 + 5000, agent: 'Marie', via: 'this-browser' };
    const done = applyEvents(states, [answered], config, T0 + 5000).responses;
    // From just after the last reply (the first message's earliest possible time), not from the row's last message.
    expect(done).toEqual([expect.objectContaining({ customerAt: T0 - 25_000 + 1, precision: 'approximate' })]);
  });

  it('a burst delivered late into the open thread: the message the row dates is exact, the earlier one an interval before it', () => {
    dom.setRows([{ ...ALICE, preview: 'You: Hi!', token: '9:50 AM' }]);
    dom.setThread('Alice Martin', answeredThread);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const u = T0 + 2000;
    dom.setRows([{ ...ALICE, preview: 'Anyone?', token: '10:00 AM', utime: u / 1000 }]);
    dom.setThread('Alice Martin', [...answeredThread, { side: 'customer', text: 'Hi' }, { side: 'customer', text: 'Anyone?' }]);
    const events = customerEvents(t.update(snap(T0 + 10_000), T0 + 10_000, T0 + 10_000));
    expect(events).toEqual([
      expect.objectContaining({ precision: 'approximate', at: T0 - 20 * MIN, atLatest: u - 1 }),
      expect.objectContaining({ precision: 'exact', at: u }),
    ]);
  });

  it('a customer message after a colleague\'s reply in the same batch is timed after that reply, so the reply does not answer it', () => {
    const states = new Map<string, PendingRecord>();
    dom.setRows([{ ...ALICE, preview: 'Hello', token: '9:59 AM' }]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }]);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'Hi!' }, { label: 'Sent by Paul Girard' }, { side: 'customer', text: 'Thanks, one more thing' }]);
    const batch = t.update(snap(T0 + 5000), T0 + 5000, T0 + 5000);
    const reply = batch.find((e) => e.kind === 'reply-sent')!;
    const next = batch.find((e) => e.kind === 'customer-message')!;
    expect(next.at).toBeGreaterThan(reply.at);
    applyEvents(states, batch.map((e) => ({ ...e, pageId: '42' })), config, T0 + 5000);
    const mine: InboxEvent = { kind: 'reply-sent', id: 'rs:mine', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: T0 + 8000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
    const { responses } = applyEvents(states, [mine], config, T0 + 8000);
    expect(responses).toEqual([expect.objectContaining({ customerAt: next.at, repliedAt: T0 + 8000, agent: 'Marie' })]);
  });

  it('this browser\'s bubble confirmed late, above a customer message that came meanwhile: reported at once with the send\'s time', () => {
    dom.setRows([{ ...ALICE, preview: 'Hello', token: '9:59 AM' }]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }]);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    t.noteSendIntent('On its way!', T0 + 1000, snap(T0 + 1000).open);
    t.noteComposerEmptied('1001');
    // The customer's next message renders while the sent bubble is still pending (not read).
    dom.setThread('Alice Martin', [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'customer', text: 'And the invoice?' }]);
    expect(t.update(snap(T0 + 1100), T0 + 1100, T0 + 1100).filter((e) => e.kind === 'reply-sent')).toEqual([]);
    // Confirmed: the bubble sits above the customer's message (it was sent first).
    dom.setThread('Alice Martin', [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' }, { side: 'customer', text: 'And the invoice?' }]);
    const confirmed = t.update(snap(T0 + 1500), T0 + 1500, T0 + 1500);
    expect(confirmed).toEqual([expect.objectContaining({ kind: 'reply-sent', via: 'this-browser', at: T0 + 1000, agent: 'Marie' })]);
    expect(t.busy).toBe(false);
  });
});

describe('issue 16 (stop 22): a customer message read in the batch of this tab\'s send, before its bubble', () => {
  const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
  const S = T0 + 10_000; // a whole second
  const base: ThreadItem[] = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }];
  const sent: ThreadItem[] = [{ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' }];
  const burst: ThreadItem[] = [{ side: 'customer', text: 'Thanks' }, { side: 'customer', text: 'And the invoice?' }];

  /** The send at S + 0.577 s; a batch whose first mutation (S + 0.571 s: the emptied composer) comes before it shows the burst, the bubble still pending. */
  function sendThenBurst(states: Map<string, PendingRecord>) {
    const feed = (events: InboxEvent[], now: number) => applyEvents(states, events.map((e) => ({ ...e, pageId: '42' })), config, now).responses;
    dom.setRows([{ ...ALICE, preview: 'Hello', token: '9:59 AM' }]);
    dom.setThread('Alice Martin', base);
    const t = tracker();
    feed(t.update(snap(T0), T0, T0), T0);
    t.noteSendIntent('On its way!', S + 577, snap(S + 577).open);
    t.noteComposerEmptied('1001');
    dom.setThread('Alice Martin', [...base, ...burst]);
    dom.setRows([{ ...ALICE, preview: 'And the invoice?', token: '10:00 AM', utime: S / 1000 }]);
    const batch = t.update(snap(S + 655), S + 571, S + 655);
    return { t, feed, batch };
  }

  it('the bubble lands above them: they came after the send, and the next reply answers them', () => {
    const states = new Map<string, PendingRecord>();
    const { t, feed, batch } = sendThenBurst(states);
    expect(customerEvents(batch)).toEqual([]); // the page has not told the order yet
    expect(t.busy).toBe(true);
    dom.setThread('Alice Martin', [...base, ...sent, ...burst]);
    const placed = t.update(snap(S + 905), S + 905, S + 905);
    expect(placed).toEqual([
      expect.objectContaining({ kind: 'reply-sent', via: 'this-browser', at: S + 577 }),
      expect.objectContaining({ kind: 'customer-message', at: S + 578, precision: 'exact' }),
      expect.objectContaining({ kind: 'customer-message', at: S + 578, precision: 'exact' }),
    ]);
    expect(feed(placed, S + 905)).toEqual([expect.objectContaining({ customerAt: T0 - 20 * MIN, repliedAt: S + 577 })]);
    const answer: InboxEvent = { kind: 'reply-sent', id: 'rs:next', pageId: '42', conversation: '1001', customerName: null, at: S + 3000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
    expect(feed([answer], S + 3000)).toEqual([expect.objectContaining({ customerAt: S + 578, repliedAt: S + 3000 })]);
  });

  it('the bubble lands below them (they were written before the send): the send answers them', () => {
    const states = new Map<string, PendingRecord>();
    const { t, feed } = sendThenBurst(states);
    dom.setThread('Alice Martin', [...base, ...burst, ...sent]);
    const placed = t.update(snap(S + 905), S + 905, S + 905);
    expect(customerEvents(placed).map((e) => e.at)).toEqual([S + 571, S + 571]);
    expect(feed(placed, S + 905)).toEqual([expect.objectContaining({ customerAt: T0 - 20 * MIN, repliedAt: S + 577 })]);
    expect(states.get('42|1001')!.waiting).toEqual([]);
  });

  it('no bubble before the send is reported without it: as they were', () => {
    const { t } = sendThenBurst(new Map());
    const late = t.tick(S + 577 + SEND_WAIT_MS);
    expect(late.map((e) => [e.kind, e.at])).toEqual([
      ['reply-sent', S + 577],
      ['customer-message', S + 571],
      ['customer-message', S + 571],
    ]);
    expect(t.busy).toBe(false);
  });
});

describe('issue 16 (accuracy bench): data-utime is to the second', () => {
  it('a customer message whose data-utime second holds the reply before it is timed just after that reply, and the next reply answers it', () => {
    const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
    const states = new Map<string, PendingRecord>();
    const thread: ThreadItem[] = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }];
    dom.setRows([{ ...ALICE, preview: 'Hello', token: '9:59 AM' }]);
    dom.setThread('Alice Martin', thread);
    const t = tracker();
    const all: InboxEvent[] = [...t.update(snap(T0), T0, T0)];
    // A colleague answers at T0 + 5.4 s (seen then), the customer writes again 0.1 s later: data-utime says T0 + 5 s.
    const answered: ThreadItem[] = [...thread, { side: 'page', text: 'Hi!' }, { label: 'Sent by Paul Girard' }];
    dom.setThread('Alice Martin', answered);
    dom.setRows([{ ...ALICE, preview: 'You: Hi!', token: '10:00 AM' }]);
    all.push(...t.update(snap(T0 + 5400), T0 + 5400, T0 + 5400));
    dom.setThread('Alice Martin', [...answered, { side: 'customer', text: 'One more thing' }]);
    dom.setRows([{ ...ALICE, preview: 'One more thing', token: '10:00 AM', utime: (T0 + 5000) / 1000 }]);
    const next = customerEvents(t.update(snap(T0 + 5600), T0 + 5600, T0 + 5600));
    expect(next).toEqual([expect.objectContaining({ precision: 'exact', at: T0 + 5401 })]);
    all.push(...next);
    const mine: InboxEvent = { kind: 'reply-sent', id: 'rs:mine', pageId: '42', conversation: '1001', customerName: 'Alice Martin', at: T0 + 9000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
    const { responses } = applyEvents(states, [...all.map((e) => ({ ...e, pageId: '42' })), mine], config, T0 + 9000);
    expect(responses.map((r) => [r.customerAt, r.repliedAt])).toEqual([
      [T0 - 20 * MIN, T0 + 5400],
      [T0 + 5401, T0 + 9000],
    ]);
  });
});

describe('issue 16 (two browsers): a colleague\'s reply only the list shows', () => {
  it('closes the wait without timing a response, so a later reply here is not measured from the answered message', () => {
    const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
    const states = new Map<string, PendingRecord>();
    const BOB: RowSpec = { name: 'Bob Leroy', preview: 'Where is my parcel?', token: '10:00 AM', unread: true, utime: (T0 + 1000) / 1000 };
    dom.setRows([ALICE, BOB]);
    dom.setThread('Alice Martin', [{ separator: 'Today 09:58' }, { side: 'customer', text: 'Hello, is my order shipped?' }]);
    const t = tracker();
    const all: InboxEvent[] = [...t.update(snap(T0 + 2000), T0 + 2000, T0 + 2000)];
    dom.setRows([ALICE, { ...BOB, unread: false, preview: 'You: It left today.', utime: (T0 + 30_000) / 1000 }]);
    const answered = t.update(snap(T0 + 31_000), T0 + 31_000, T0 + 31_000);
    expect(answered).toEqual([expect.objectContaining({ kind: 'reply-sent', history: true, at: T0 + 30_000, agent: null })]);
    all.push(...answered);
    const bob = answered[0]!.conversation;
    const { responses } = applyEvents(states, all.map((e) => ({ ...e, pageId: '42' })), config, T0 + 31_000);
    expect(responses.filter((r) => r.conversation === bob)).toEqual([]);
    const later: InboxEvent = { kind: 'reply-sent', id: 'rs:later', pageId: '42', conversation: bob, customerName: 'Bob Leroy', at: T0 + 600_000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
    expect(applyEvents(states, [later], config, T0 + 600_000).responses).toEqual([]);
  });
});

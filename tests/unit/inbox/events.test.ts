import { beforeEach, describe, expect, it } from 'vitest';
import { EventTracker, HISTORY_CHUNK, LABEL_WAIT_MS, SEND_WAIT_MS, SETTLE_MS } from '../../../utils/inbox/events';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import type { InboxEvent } from '../../../utils/inbox/types';
import { buildInbox, type Built, type RowSpec, type ThreadItem } from './build';
import { applyEvents } from '../../../utils/stats/pairing';
import type { PendingRecord } from '../../../utils/stats/types';
import { validateEvent } from '../../../utils/stats/validate';

const URL_OPEN = 'https://business.facebook.com/latest/inbox/all?asset_id=42&selected_item_id=1001';
const T0 = Date.UTC(2026, 1, 24, 9, 0);
const TZ = 'Europe/Paris';

const HISTORY: ThreadItem[] = [
  { separator: 'Today 09:40' },
  { side: 'customer', text: 'Hello, is my order shipped?' },
  { side: 'page', text: 'Yes, this morning.' },
  { label: 'Sent by Paul Girard' },
];
const ROWS: RowSpec[] = [
  { name: 'Alice Martin', preview: 'You: Yes, this morning.', token: '5m', selected: true },
  { name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h', unread: true },
  { name: 'Chloé Roux', preview: 'You: Thanks!', token: 'Yesterday' },
];

let dom: Built;
let thread: ThreadItem[];
const snap = (now: number, url = URL_OPEN) => takeSnapshot(document, url, now, { timeZone: TZ });
const tracker = (agent = 'Marie') => new EventTracker({ agentName: () => agent });
const kinds = (events: InboxEvent[]) => events.map((e) => e.kind);

beforeEach(() => {
  dom = buildInbox();
  dom.setRows(ROWS);
  thread = [...HISTORY];
  dom.setThread('Alice Martin', thread);
});

function push(...items: ThreadItem[]) {
  thread.push(...items);
  dom.setThread('Alice Martin', thread); // Meta/the sim re-create every node of the thread
}

describe('EventTracker: the page as loaded', () => {
  it('reports the open conversation and approximate customer messages from row tokens, nothing live', () => {
    const events = tracker().update(snap(T0), T0, T0);
    expect(kinds(events)).toEqual(['conversation-opened', 'reply-sent', 'customer-message']);
    expect(events[0]).toMatchObject({ conversation: '1001', customerName: 'Alice Martin', pageId: '42' });
    // The open thread shows the Page answered last: a history marker (no response is timed from it).
    // Its time is the latest its row's token allows ("5m"), not the opening: a customer message Meta
    // delivers after the opening may have been written before it, and must stay after the marker.
    expect(events[1]).toMatchObject({ conversation: '1001', history: true, precision: 'approximate', agent: 'Paul Girard', at: T0 - 5 * 60_000 });
    expect(events[1]!.id.startsWith('rh:')).toBe(true);
    expect(events[2]).toMatchObject({ precision: 'approximate', customerName: 'Bruno Petit', at: T0 - 3 * 3_600_000, atLatest: T0 - 2 * 3_600_000 });
  });
});

describe('EventTracker: live thread', () => {
  it('a customer message arriving gives one exact event, at the time of the first mutation; re-renders give none', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const later = T0 + SETTLE_MS + 1000;
    push({ side: 'customer', text: 'And the tracking number?' });
    const events = t.update(snap(later), later - 40, later);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'customer-message', precision: 'exact', at: later - 40, conversation: '1001' });
    dom.setThread('Alice Martin', thread); // same content, new nodes
    expect(t.update(snap(later + 100), later + 100, later + 100)).toEqual([]);
  });

  it('two tabs seeing the same message at different times give it the same id', () => {
    const a = tracker();
    const b = tracker();
    a.update(snap(T0), T0, T0);
    b.update(snap(T0 + 700), T0 + 700, T0 + 700);
    push({ side: 'customer', text: 'And the tracking number?' });
    const at = T0 + 10_000;
    const [ea] = a.update(snap(at), at, at);
    const [eb] = b.update(snap(at + 1300), at + 1300, at + 1300);
    expect(ea!.id).toBe(eb!.id);
    expect(ea!.id).not.toMatch(/tracking/i); // no text in ids
  });

  it('the same text twice is two messages', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    push({ side: 'customer', text: 'Hello?' });
    const [first] = t.update(snap(T0 + 5000), T0 + 5000, T0 + 5000);
    push({ side: 'customer', text: 'Hello?' });
    const [second] = t.update(snap(T0 + 9000), T0 + 9000, T0 + 9000);
    expect(first!.id).not.toBe(second!.id);
  });

  it('a reply by another agent is attributed to them; an automated reply is not a reply', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    push({ side: 'page', text: 'It left the warehouse.' }, { label: 'Sent by Paul Girard' });
    const events = t.update(snap(T0 + 5000), T0 + 5000, T0 + 5000);
    expect(events).toEqual([expect.objectContaining({ kind: 'reply-sent', via: 'observed', agent: 'Paul Girard' })]);
    push({ side: 'page', text: 'We are closed.' }, { label: 'Sent by Automated response' });
    expect(t.update(snap(T0 + 9000), T0 + 9000, T0 + 9000)).toEqual([]);
  });

  it('a page message whose label renders later waits for it, or goes out without an agent', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const at = T0 + 5000;
    push({ side: 'page', text: 'One moment.' });
    expect(t.update(snap(at), at, at)).toEqual([]);
    push({ label: 'Sent by Paul Girard' });
    expect(t.update(snap(at + 300), at + 300, at + 300)).toEqual([expect.objectContaining({ agent: 'Paul Girard', at })]);

    push({ side: 'page', text: 'Still there?' }, { separator: 'Today 10:30' });
    expect(t.update(snap(at + 1000), at + 1000, at + 1000)).toEqual([]);
    expect(t.tick(at + 1000 + LABEL_WAIT_MS)).toEqual([expect.objectContaining({ kind: 'reply-sent', agent: null, via: 'observed' })]);
  });

  it('a label that renders after the wait credits the reply already reported without it: the same report again (issue 16)', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const at = T0 + 5000;
    // The same colleague answers again: Meta moves the "Sent by" label down to the new bubble, late.
    thread.splice(thread.length - 1, 1, { side: 'page', text: 'Yes, this morning, by post.' }, { label: 'Sent by Paul Girard' });
    dom.setThread('Alice Martin', thread);
    expect(t.update(snap(T0 + 1000), T0 + 1000, T0 + 1000)).toEqual([expect.objectContaining({ kind: 'reply-sent', agent: 'Paul Girard' })]);
    push({ side: 'page', text: 'Anything else?' });
    expect(t.update(snap(at), at, at)).toEqual([]);
    const [unlabelled] = t.tick(at + LABEL_WAIT_MS);
    expect(unlabelled).toMatchObject({ kind: 'reply-sent', agent: null, via: 'observed', at });
    thread.splice(thread.length - 2, 2, { side: 'page', text: 'Anything else?' }, { label: 'Sent by Paul Girard' });
    dom.setThread('Alice Martin', thread);
    const later = at + LABEL_WAIT_MS + 4000;
    expect(t.update(snap(later), later, later)).toEqual([{ ...unlabelled, agent: 'Paul Girard' }]);
    // Once only.
    expect(t.update(snap(later + 500), later + 500, later + 500)).toEqual([]);
  });

  it('a thread empty when opened is read when it draws, and a reply in its first second is live (issue 16)', () => {
    // The customer wrote just before the opening (the row dates it to the second); the thread draws 0.3 s
    // after the opening, and a colleague answers 0.85 s after it: still inside SETTLE_MS.
    const wrote = T0 - 200;
    dom.setRows([{ ...ROWS[0]!, preview: 'Is it shipped?', token: '1m', utime: wrote / 1000 }, ...ROWS.slice(1)]);
    dom.setThread('Alice Martin', []);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    push({ side: 'customer', text: 'Is it shipped?' });
    const drawn = t.update(snap(T0 + 300), T0 + 300, T0 + 300);
    expect(drawn.filter((e) => e.kind === 'customer-message')).toEqual([expect.objectContaining({ at: Math.floor(wrote / 1000) * 1000, precision: 'exact' })]); // data-utime: to the second
    push({ side: 'page', text: 'Yes, this morning.' }, { label: 'Sent by Paul Girard' });
    const answered = t.update(snap(T0 + 850), T0 + 850, T0 + 850);
    expect(answered).toEqual([expect.objectContaining({ kind: 'reply-sent', agent: 'Paul Girard', at: T0 + 850, via: 'observed' })]);
    expect(answered[0]).not.toHaveProperty('history');
  });

  it('history loading (many messages at once, or a thread still empty when opened) is not live', () => {
    const loading = tracker();
    dom.setThread('Alice Martin', []);
    loading.update(snap(T0), T0, T0);
    dom.setThread('Alice Martin', thread);
    expect(kinds(loading.update(snap(T0 + SETTLE_MS / 2), T0, T0 + SETTLE_MS / 2)).filter((k) => k === 'customer-message')).toEqual([]);
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const many = Array.from({ length: HISTORY_CHUNK + 1 }, (_, i) => ({ side: 'customer' as const, text: `older ${i}` }));
    push(...many);
    expect(t.update(snap(T0 + 10_000), T0 + 10_000, T0 + 10_000)).toEqual([]);
  });
});

describe('EventTracker: replies sent from this browser', () => {
  it('issue 16: the page goes away while the sent bubble is still pending: the reply is reported then, once, with its bubble\'s id', () => {
    const here = tracker('Marie');
    const other = tracker('Paul');
    here.update(snap(T0), T0, T0);
    other.update(snap(T0), T0, T0);
    const sentAt = T0 + 20_000;
    here.noteSendIntent('On its way!', sentAt);
    here.noteComposerEmptied('1001'); // the 2026 page empties the composer and paints a `pending.<n>` bubble
    const gone = here.leaving();
    expect(gone).toEqual([expect.objectContaining({ kind: 'reply-sent', via: 'this-browser', agent: 'Marie', at: sentAt, conversation: '1001' })]);
    expect(here.leaving()).toEqual([]); // once
    // The bubble gets its final id: a tab reading it computes the same id (stored once).
    push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
    const seenElsewhere = other.update(snap(sentAt + 900), sentAt + 900, sentAt + 900);
    expect(seenElsewhere.map((e) => e.id)).toEqual([gone[0]!.id]);
  });

  it('the page goes away after Enter with the composer still full: nothing was sent, nothing is reported', () => {
    const here = tracker('Marie');
    here.update(snap(T0), T0, T0);
    here.noteSendIntent('Not sent', T0 + 1000);
    expect(here.leaving()).toEqual([]);
  });

  it('Enter, composer empties, bubble appears: exactly one reply with the configured agent; another tab gets the same id', () => {
    const here = tracker('Marie');
    const other = tracker('Paul');
    here.update(snap(T0), T0, T0);
    other.update(snap(T0), T0, T0);
    const sentAt = T0 + 20_000;
    here.noteSendIntent('Sure, here it is: 1Z999', sentAt);
    push({ side: 'page', text: 'Sure, here it is: 1Z999' }, { label: 'Sent by Marie Dupont' });
    const events = [...here.update(snap(sentAt + 50), sentAt + 10, sentAt + 50), ...here.tick(sentAt + SEND_WAIT_MS + 10)];
    expect(events).toEqual([expect.objectContaining({ kind: 'reply-sent', via: 'this-browser', agent: 'Marie', at: sentAt })]);
    const seenElsewhere = other.update(snap(sentAt + 900), sentAt + 900, sentAt + 900);
    expect(seenElsewhere).toEqual([expect.objectContaining({ via: 'observed', agent: 'Marie Dupont', id: events[0]!.id })]);
  });

  it('no bubble: reported after the wait, only if the composer emptied', () => {
    const t = tracker();
    t.update(snap(T0), T0, T0);
    (dom.composer as unknown as { model: string }).model = 'draft';
    t.update(snap(T0 + 100), T0 + 100, T0 + 100);
    t.noteSendIntent('draft', T0 + 200);
    // Composer still holds the text (the send was refused): nothing.
    expect(t.update(snap(T0 + 300), T0 + 300, T0 + 300)).toEqual([]);
    expect(t.tick(T0 + 200 + SEND_WAIT_MS)).toEqual([]);
    t.noteSendIntent('draft', T0 + 5000);
    (dom.composer as unknown as { model: string }).model = '';
    t.update(snap(T0 + 5100), T0 + 5100, T0 + 5100);
    expect(t.tick(T0 + 5000 + SEND_WAIT_MS)).toEqual([expect.objectContaining({ kind: 'reply-sent', via: 'this-browser', agent: 'Marie' })]);
  });
});

describe('EventTracker: conversation list', () => {
  const url = 'https://business.facebook.com/latest/inbox/all?asset_id=42';
  it('a row whose last message changes to the customer gives an exact event; the open conversation is left to the thread', () => {
    const t = tracker();
    // No conversation open: the detail pane is empty.
    dom.setThread('', []);
    dom.header.replaceChildren();
    dom.setRows(ROWS.map((r) => ({ ...r, selected: false })));
    t.update(snap(T0, url), T0, T0);
    dom.setRows([{ ...ROWS[0]!, selected: false, preview: 'Thanks a lot', token: '1m' }, { ...ROWS[2]!, preview: 'One more question', token: '1m' }, ROWS[1]!]);
    const events = t.update(snap(T0 + 5000, url), T0 + 4000, T0 + 5000);
    expect(events.map((e) => [e.kind, e.customerName, e.kind === 'customer-message' && e.precision])).toEqual([
      ['customer-message', 'Alice Martin', 'exact'],
      ['customer-message', 'Chloé Roux', 'exact'],
    ]);
    const t2 = tracker();
    dom.setRows(ROWS);
    t2.update(snap(T0), T0, T0);
    dom.setRows([{ ...ROWS[0]!, preview: 'Thanks a lot', token: '1m' }, ROWS[1]!, ROWS[2]!]);
    expect(t2.update(snap(T0 + 5000), T0 + 4000, T0 + 5000).filter((e) => e.customerName === 'Alice Martin')).toEqual([]);
  });

  it('rows scrolling out and back in are not new messages', () => {
    const t = tracker();
    t.update(snap(T0, url), T0, T0);
    dom.setRows([ROWS[0]!]);
    expect(t.update(snap(T0 + 1000, url), T0 + 1000, T0 + 1000)).toEqual([]);
    dom.setRows(ROWS);
    expect(t.update(snap(T0 + 2000, url), T0 + 2000, T0 + 2000)).toEqual([]);
  });
});

describe('EventTracker: conversation keys', () => {
  it('events about the same conversation carry the same rowKey before and after it is first opened', () => {
    const listUrl = 'https://business.facebook.com/latest/inbox/all?asset_id=42';
    const dom2 = buildInbox();
    dom2.setRows([{ name: 'Dora Blanc', preview: 'Hi', token: '1m' }]);
    dom2.setThread('', []);
    const t = tracker();
    t.update(takeSnapshot(document, listUrl, T0, { timeZone: TZ }), T0, T0);
    dom2.setRows([{ name: 'Dora Blanc', preview: 'Anyone there?', token: '1m' }]);
    const [fromList] = t.update(takeSnapshot(document, listUrl, T0 + 5000, { timeZone: TZ }), T0 + 5000, T0 + 5000);
    // Opened: the row is selected and the URL carries its id.
    dom2.setRows([{ name: 'Dora Blanc', preview: 'Anyone there?', token: '1m', selected: true }]);
    dom2.setThread('Dora Blanc', [{ separator: 'Today 09:59' }, { side: 'customer', text: 'Anyone there?' }]);
    const openUrl = `${listUrl}&selected_item_id=555`;
    const [opened] = t.update(takeSnapshot(document, openUrl, T0 + 9000, { timeZone: TZ }), T0 + 9000, T0 + 9000);
    expect(fromList!.conversation).toMatch(/^r:/);
    expect(opened).toMatchObject({ kind: 'conversation-opened', conversation: '555' });
    expect(opened!.rowKey).toBe(fromList!.rowKey);
    expect(fromList!.rowKey).toBe(fromList!.conversation);
  });
});

describe('EventTracker: the agent replies and opens another conversation at once', () => {
  // Under load the next read of the page may already show the next conversation: neither the
  // bubble nor the emptied composer of the first one was ever in a snapshot.
  const URL_BRUNO = 'https://business.facebook.com/latest/inbox/all?asset_id=42&selected_item_id=1002';
  let knownIds: Map<string, string>;
  /** A snapshot as the live source takes it: it remembers the id of a row once seen open. */
  const read = (now: number, url = URL_OPEN) => {
    const s = takeSnapshot(document, url, now, { timeZone: TZ, knownIds });
    const id = new URL(url).searchParams.get('selected_item_id');
    for (const r of s.conversations) if (r.selected && id && r.rowKey) knownIds.set(r.rowKey, id);
    return s;
  };
  const openBruno = (alicePreview: string) => {
    dom.setRows([{ ...ROWS[0]!, preview: alicePreview, token: '1m', selected: false }, { ...ROWS[1]!, selected: true, unread: false }, ROWS[2]!]);
    dom.setThread('Bruno Petit', [{ separator: 'Today 07:00' }, { side: 'customer', text: 'Where is my parcel?' }]);
  };
  /** Replies that time a response (history markers of a thread just opened close waits, they time nothing). */
  const replies = (events: InboxEvent[]) => events.filter((e) => e.kind === 'reply-sent' && !e.history);
  beforeEach(() => (knownIds = new Map()));

  /** Two tabs on Alice's thread; the other one will see the bubble, this one will not. */
  function twoTabs() {
    const here = tracker('Marie');
    const other = tracker('Paul');
    here.update(read(T0), T0, T0);
    other.update(read(T0), T0, T0);
    return { here, other };
  }

  it('a send whose composer emptied gives exactly one reply for the first conversation, with the id of its bubble', () => {
    const { here, other } = twoTabs();
    const sentAt = T0 + 20_000;
    here.noteSendIntent('On its way!', sentAt, read(sentAt).open);
    here.noteComposerEmptied('1001'); // seen by the live source when the page emptied it
    push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
    const [seen] = other.update(read(sentAt + 900), sentAt + 900, sentAt + 900);
    openBruno('You: Yes, this morning.'); // the list has not caught up either
    const events = [...here.update(read(sentAt + 400, URL_BRUNO), sentAt + 300, sentAt + 400), ...here.tick(sentAt + SEND_WAIT_MS + 10)];
    expect(replies(events)).toEqual([expect.objectContaining({ conversation: '1001', via: 'this-browser', agent: 'Marie', at: sentAt, id: seen!.id })]);
    // Coming back shows the bubble as history: nothing more.
    dom.setRows(ROWS);
    dom.setThread('Alice Martin', thread);
    expect(replies([...here.update(read(sentAt + 9000), sentAt + 9000, sentAt + 9000), ...here.tick(sentAt + 20_000)])).toEqual([]);
  });

  it('a send is also confirmed by its row now showing the sent text', () => {
    const { here } = twoTabs();
    const sentAt = T0 + 20_000;
    here.noteSendIntent('On its way!', sentAt, read(sentAt).open);
    push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
    openBruno('You: On its way!');
    const events = [...here.update(read(sentAt + 400, URL_BRUNO), sentAt + 300, sentAt + 400), ...here.tick(sentAt + SEND_WAIT_MS + 10)];
    expect(replies(events)).toEqual([expect.objectContaining({ conversation: '1001', via: 'this-browser', at: sentAt })]);
  });

  it('a send never confirmed (composer never seen empty, row unchanged) is not a reply', () => {
    const { here } = twoTabs();
    const sentAt = T0 + 20_000;
    here.noteSendIntent('On its way!', sentAt, read(sentAt).open);
    openBruno('You: Yes, this morning.');
    expect(replies([...here.update(read(sentAt + 400, URL_BRUNO), sentAt + 300, sentAt + 400), ...here.tick(sentAt + SEND_WAIT_MS + 10)])).toEqual([]);
  });

  it('the predicted key counts the same text only in the last date section, as the thread does', () => {
    thread = [{ separator: 'Today 08:00' }, { side: 'customer', text: 'Merci' }, { side: 'page', text: 'Thanks!' }, { label: 'Sent by Marie Dupont' }, ...HISTORY];
    dom.setThread('Alice Martin', thread);
    const { here, other } = twoTabs();
    const sentAt = T0 + 20_000;
    here.noteSendIntent('Thanks!', sentAt, read(sentAt).open);
    here.noteComposerEmptied('1001');
    push({ side: 'page', text: 'Thanks!' }, { label: 'Sent by Marie Dupont' });
    const [seen] = other.update(read(sentAt + 900), sentAt + 900, sentAt + 900);
    openBruno('You: Thanks!');
    const [reply] = replies(here.update(read(sentAt + 400, URL_BRUNO), sentAt + 300, sentAt + 400));
    expect(reply?.id).toBe(seen!.id);
  });

  it("a colleague's reply rendered and left within one read is reported from the row, with its bubble's id", () => {
    const { here, other } = twoTabs();
    const at = T0 + 20_000;
    push({ side: 'page', text: 'It left the warehouse.' }, { label: 'Sent by Paul Girard' });
    const [seen] = other.update(read(at + 900), at + 900, at + 900);
    openBruno('You: It left the warehouse.');
    const events = here.update(read(at + 400, URL_BRUNO), at + 10, at + 400);
    expect(replies(events)).toEqual([expect.objectContaining({ conversation: '1001', via: 'observed', agent: null, at: at + 10, id: seen!.id })]);
    // A row of a conversation not just left that ends with a page message is left alone (as before).
    dom.setRows([{ ...ROWS[0]!, preview: 'You: It left the warehouse.', token: '1m' }, { ...ROWS[1]!, selected: true }, { ...ROWS[2]!, preview: 'You: Bye', token: '1m' }]);
    expect(replies(here.update(read(at + 2000, URL_BRUNO), at + 2000, at + 2000))).toEqual([]);
  });

  // Keyed as predicted, or not (a 2026 bubble is keyed by its message id; here a new date section): the new bubble with that text is it.
  it.each([
    ['keyed as predicted', []],
    ['not keyed as predicted', [{ separator: 'Today 10:05' }]],
  ] as Array<[string, ThreadItem[]]>)("issue 16: that reply's label, read when the agent comes back to the thread, credits it (the same report again; bubble %s)", (_, before) => {
    const { here } = twoTabs();
    const at = T0 + 20_000;
    push(...before, { side: 'page', text: 'It left the warehouse.' }, { label: 'Sent by Paul Girard' });
    openBruno('You: It left the warehouse.');
    const [fromRow] = replies(here.update(read(at + 400, URL_BRUNO), at + 10, at + 400));
    expect(fromRow).toMatchObject({ agent: null });
    // Back to Alice's thread 4 s later: the bubble and its label are there (the thread reads it as an earlier answer).
    dom.setRows([{ ...ROWS[0]!, preview: 'You: It left the warehouse.', token: '1m', selected: true }, ROWS[1]!, ROWS[2]!]);
    dom.setThread('Alice Martin', thread);
    const back = here.update(read(at + 4400), at + 4400, at + 4400);
    expect(replies(back)).toEqual([{ ...fromRow, agent: 'Paul Girard' }]);
  });

  describe('issue 16 (stop 22): a customer writing in the second of a reply this tab sent and did not see rendered', () => {
    const S = T0 + 30_000; // a whole second: the row's data-utime dates the customer's messages S
    const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 3600, useBusinessTime: false, selfAgent: 'Marie' };
    /** 2026 bubbles are keyed by Meta's message id, never by the key a send is predicted to get. */
    const read2026 = (now: number, url = URL_OPEN) => {
      const s = read(now, url);
      if (s.open) s.open = { ...s.open, messages: s.open.messages.map((m) => ({ ...m, key: `mid:${m.key}` })) };
      return s;
    };
    const alice = (preview: string, wrote: number, selected = true) => dom.setRows([{ ...ROWS[0]!, preview, token: '1m', utime: wrote / 1000, selected }, { ...ROWS[1]!, selected: !selected }, ROWS[2]!]);
    const feedTo = (states: Map<string, PendingRecord>) => (events: InboxEvent[], now: number) => applyEvents(states, events.map((e) => validateEvent(JSON.parse(JSON.stringify({ ...e, pageId: '42' })), 'event', now)), config, now).responses;

    /** The agent sends at S + 0.4 s and leaves at once (the bubble never read here: reported with its predicted key). */
    function sendAndLeave(here: EventTracker, feed: (events: InboxEvent[], now: number) => unknown) {
      feed(here.update(read2026(T0), T0, T0), T0);
      here.noteSendIntent('On its way!', S + 400, read2026(S + 400).open);
      here.noteComposerEmptied('1001');
      openBruno('You: On its way!');
      feed([...here.update(read2026(S + 600, URL_BRUNO), S + 600, S + 600)], S + 600);
    }

    it('the thread, opened again, shows two messages below that reply: the first one\'s interval starts after the reply, in the row\'s second', () => {
      const states = new Map<string, PendingRecord>();
      const feed = feedTo(states);
      const here = tracker('Marie');
      sendAndLeave(here, feed);
      // The customer writes twice at S + 0.7 s and S + 0.8 s (data-utime: S), below the reply; the agent comes back.
      push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' }, { side: 'customer', text: 'Thanks' }, { side: 'customer', text: 'And the invoice?' });
      alice('And the invoice?', S);
      dom.setThread('Alice Martin', thread);
      const back = here.update(read2026(S + 3000), S + 3000, S + 3000);
      // The reply is not reported again (the row showed the sent text when the agent left: it is this tab's send).
      expect(back.filter((e) => e.kind === 'reply-sent' && !e.history)).toEqual([]);
      expect(back.filter((e) => e.kind === 'customer-message')).toEqual([expect.objectContaining({ precision: 'approximate', at: S + 401, atLatest: S + 999 })]);
      feed(back, S + 3000);
      const answer: InboxEvent = { kind: 'reply-sent', id: 'rs:next', pageId: '42', conversation: '1001', customerName: null, at: S + 5000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
      expect(feed([answer], S + 5000)).toEqual([expect.objectContaining({ customerAt: S + 401, customerLatest: S + 999, repliedAt: S + 5000, precision: 'approximate' })]);
    });

    it('a new tab (a reload) reads it below that reply: the event names the reply by its predicted key too, and the worker places it after', () => {
      const states = new Map<string, PendingRecord>();
      const feed = feedTo(states);
      const here = tracker('Marie');
      sendAndLeave(here, feed);
      push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' }, { side: 'customer', text: 'And the invoice?' });
      alice('And the invoice?', S);
      dom.setThread('Alice Martin', thread);
      const reloaded = tracker('Marie');
      const opened = reloaded.update(read2026(S + 3000), S + 3000, S + 3000);
      const message = opened.find((e) => e.kind === 'customer-message');
      expect(message).toMatchObject({ at: S, precision: 'exact' });
      expect(message).toHaveProperty('followsPredicted');
      feed(opened, S + 3000);
      const answer: InboxEvent = { kind: 'reply-sent', id: 'rs:next', pageId: '42', conversation: '1001', customerName: null, at: S + 5000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
      expect(feed([answer], S + 5000)).toEqual([expect.objectContaining({ customerAt: S + 401, repliedAt: S + 5000, precision: 'exact' })]);
    });

    it('a new tab that shows it only in the list (the row turns from that reply to the customer, one second): an interval over the second, which the worker starts after the reply', () => {
      const states = new Map<string, PendingRecord>();
      const feed = feedTo(states);
      sendAndLeave(tracker('Marie'), feed);
      // A new tab on Bruno's thread: Alice's row shows the reply, then the customer's message of the same second.
      const reloaded = tracker('Marie');
      alice('You: On its way!', S + 400, false);
      feed(reloaded.update(read2026(S + 500, URL_BRUNO), S + 500, S + 500), S + 500);
      alice('And the invoice?', S + 700, false);
      const turned = reloaded.update(read2026(S + 900, URL_BRUNO), S + 880, S + 900);
      expect(turned).toEqual([expect.objectContaining({ kind: 'customer-message', conversation: '1001', precision: 'approximate', at: S, atLatest: S + 880 })]);
      feed(turned, S + 900);
      const answer: InboxEvent = { kind: 'reply-sent', id: 'rs:next', pageId: '42', conversation: '1001', customerName: null, at: S + 5000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
      expect(feed([answer], S + 5000)).toEqual([expect.objectContaining({ customerAt: S + 401, customerLatest: S + 880, repliedAt: S + 5000, precision: 'approximate' })]);
      // The tab that sent it places it after its send, exactly (the existing rule), and the row's change in another second stays exact.
      const here = tracker('Marie');
      sendAndLeave(here, () => undefined);
      alice('And the invoice?', S + 700, false);
      expect(here.update(read2026(S + 900, URL_BRUNO), S + 880, S + 900)).toEqual([expect.objectContaining({ kind: 'customer-message', precision: 'exact', at: S + 401 })]);
      alice('You: Sure.', S + 2000, false);
      reloaded.update(read2026(S + 2100, URL_BRUNO), S + 2100, S + 2100);
      alice('Thanks', S + 3500, false);
      expect(reloaded.update(read2026(S + 3600, URL_BRUNO), S + 3600, S + 3600)).toEqual([expect.objectContaining({ precision: 'exact', at: S + 3000 })]);
    });

    it('a customer who wrote BEFORE that reply in the same second (shown above it) is answered by it, in a new tab too', () => {
      const states = new Map<string, PendingRecord>();
      const feed = feedTo(states);
      push({ side: 'customer', text: 'And the invoice?' });
      alice('And the invoice?', S);
      const here = tracker('Marie');
      feed(here.update(read2026(S + 300), S + 300, S + 300), S + 300);
      here.noteSendIntent('On its way!', S + 400, read2026(S + 400).open);
      here.noteComposerEmptied('1001');
      openBruno('You: On its way!');
      expect(feed(here.update(read2026(S + 600, URL_BRUNO), S + 600, S + 600), S + 600)).toEqual([expect.objectContaining({ repliedAt: S + 400 })]);
      push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
      alice('You: On its way!', S, true);
      dom.setThread('Alice Martin', thread);
      feed(tracker('Marie').update(read2026(S + 3000), S + 3000, S + 3000), S + 3000);
      const answer: InboxEvent = { kind: 'reply-sent', id: 'rs:next', pageId: '42', conversation: '1001', customerName: null, at: S + 5000, agent: 'Marie', via: 'this-browser', precision: 'exact' };
      expect(feed([answer], S + 5000)).toEqual([]);
    });
  });

  it('issue 16: a customer whose message starts with "You:" is not a reply when the agent leaves within 5 s', () => {
    const { here } = twoTabs();
    const at = T0 + 20_000;
    push({ side: 'customer', text: 'You: are you there?' });
    here.update(read(at), at, at);
    // The agent leaves at once; Alice's row shows her own text, which reads like the Page's preview.
    openBruno('You: are you there?');
    expect(replies(here.update(read(at + 1000, URL_BRUNO), at + 1000, at + 1000))).toEqual([]);
  });
});

describe('EventTracker: the debug trace (issue 16)', () => {
  it('collects nothing until switched on; then every emitted and dropped event, with ids, sides and times but no text or name', () => {
    const t = tracker();
    const entries: Array<Record<string, unknown>> = [];
    t.update(snap(T0), T0, T0);
    expect(t.tracer).toBeNull();
    t.tracer = (e) => entries.push(e);
    const later = T0 + SETTLE_MS + 1000;
    push({ side: 'customer', text: 'And the tracking number?' });
    const [event] = t.update(snap(later), later, later);
    dom.setThread('Alice Martin', thread);
    t.update(snap(later + 100), later + 100, later + 100);
    const thread0 = entries.find((e) => e.what === 'thread');
    expect(thread0).toMatchObject({ conv: '1001', observedAt: later });
    expect((thread0!.messages as unknown[][]).map((m) => m[1])).toEqual(['customer', 'page', 'customer']);
    expect(entries).toContainEqual(expect.objectContaining({ what: 'emit', conv: '1001', id: event!.id, kind: 'customer-message', at: later, precision: 'exact' }));
    const json = JSON.stringify(entries);
    expect(json).not.toMatch(/tracking|order|shipped|Alice|Martin|Paul|Girard/i);
    t.tracer = null;
    const before = entries.length;
    push({ side: 'customer', text: 'Hello?' });
    t.update(snap(later + 5000), later + 5000, later + 5000);
    expect(entries).toHaveLength(before);
  });

  it('a thread that is still loading says why its messages were not live', () => {
    const t = tracker();
    const entries: Array<Record<string, unknown>> = [];
    t.tracer = (e) => entries.push(e);
    t.update(snap(T0), T0, T0);
    push(...Array.from({ length: HISTORY_CHUNK + 1 }, (_, i) => ({ side: 'customer' as const, text: `old ${i}` })));
    const later = T0 + SETTLE_MS + 1000;
    expect(t.update(snap(later), later, later)).toEqual([]);
    expect(entries).toContainEqual(expect.objectContaining({ what: 'not-live', conv: '1001', fresh: HISTORY_CHUNK + 1, settling: false }));
  });
});

describe('EventTracker: a customer writing in the same second as a reply (issue 16)', () => {
  const S = T0 + 10_000; // a whole second
  const config = { businessMillis: (a: number, b: number) => b - a, targetSeconds: 300, useBusinessTime: false, selfAgent: 'Marie' };
  const rowSaying = (preview: string, wrote: number) => dom.setRows([{ ...ROWS[0]!, preview, token: '1m', utime: wrote / 1000 }, ...ROWS.slice(1)]);

  it('the thread shows the message after a reply seen late (timed after the message\'s second): it comes after the reply, and the next reply answers it', () => {
    const t = tracker();
    const states = new Map<string, PendingRecord>();
    const feed = (events: InboxEvent[]) => applyEvents(states, events.map((e) => ({ ...e, pageId: '42' })), config, S).responses;
    feed(t.update(snap(T0), T0, T0));
    // A colleague answers at S + 0.4 s; the page is busy, the bubble is read at S + 1.1 s.
    push({ side: 'page', text: 'It left the warehouse.' }, { label: 'Sent by Paul Girard' });
    feed(t.update(snap(S + 1100), S + 1100, S + 1100));
    // The customer writes at S + 0.48 s (data-utime: S): the thread shows it below the reply.
    push({ side: 'customer', text: 'Thanks, and the number?' });
    rowSaying('Thanks, and the number?', S + 480);
    const events = t.update(snap(S + 1300), S + 1250, S + 1300);
    expect(events).toEqual([expect.objectContaining({ kind: 'customer-message', at: S + 1101, precision: 'exact' })]);
    feed(events);
    push({ side: 'page', text: 'XY123' }, { label: 'Sent by Paul Girard' });
    const answered = feed(t.update(snap(S + 4000), S + 4000, S + 4000));
    expect(answered).toEqual([expect.objectContaining({ customerAt: S + 1101, repliedAt: S + 4000 })]);
  });

  it('a tab that never saw the reply (a reload) reads the thread on opening: the message follows it, and the stored state places it after', () => {
    const states = new Map<string, PendingRecord>();
    const feed = (events: InboxEvent[]) => applyEvents(states, events.map((e) => ({ ...e, pageId: '42' })), config, S).responses;
    const before = tracker();
    before.update(snap(T0), T0, T0);
    push({ side: 'page', text: 'It left the warehouse.' }, { label: 'Sent by Paul Girard' });
    feed(before.update(snap(S + 434), S + 434, S + 434));
    push({ side: 'customer', text: 'Thanks, and the number?' });
    rowSaying('Thanks, and the number?', S + 480);
    // A new tab (reload) opens the thread 3 s later: the customer's time is the row's second, before the reply's time.
    const after = tracker();
    const opened = after.update(snap(S + 3000), S + 3000, S + 3000);
    const message = opened.find((e) => e.kind === 'customer-message');
    expect(message).toMatchObject({ at: S, precision: 'exact' });
    expect(message).toHaveProperty('follows');
    // What the background receives: `follows` survives validation.
    feed(opened.map((e) => validateEvent(JSON.parse(JSON.stringify(e)), 'event', S + 3000)));
    push({ side: 'page', text: 'XY123' }, { label: 'Sent by Paul Girard' });
    expect(feed(after.update(snap(S + 5000), S + 5000, S + 5000))).toEqual([expect.objectContaining({ customerAt: S + 435, repliedAt: S + 5000 })]);
  });

  it('a customer who wrote BEFORE the reply in the same second is answered by it', () => {
    const t = tracker();
    const states = new Map<string, PendingRecord>();
    const feed = (events: InboxEvent[]) => applyEvents(states, events.map((e) => ({ ...e, pageId: '42' })), config, S).responses;
    feed(t.update(snap(T0), T0, T0));
    push({ side: 'customer', text: 'Thanks, and the number?' });
    rowSaying('Thanks, and the number?', S + 200);
    feed(t.update(snap(S + 300), S + 300, S + 300));
    push({ side: 'page', text: 'XY123' }, { label: 'Sent by Paul Girard' });
    expect(feed(t.update(snap(S + 700), S + 700, S + 700))).toEqual([expect.objectContaining({ customerAt: S, repliedAt: S + 700 })]);
  });
});

describe('EventTracker: a customer who sends the same text again (issue 16)', () => {
  it('a closed conversation whose row says the same text twice, a reply between, within 5 minutes: two messages', () => {
    const S = T0 + 20_000;
    const t = tracker();
    t.update(snap(T0), T0, T0);
    const bruno = (preview: string, wrote: number) => dom.setRows([ROWS[0]!, { ...ROWS[1]!, preview, token: '1m', utime: wrote / 1000 }, ROWS[2]!]);
    bruno('Hello?', S);
    const first = t.update(snap(S + 300), S + 300, S + 300).filter((e) => e.kind === 'customer-message');
    bruno('You: Yes, how can I help?', S + 2000);
    t.update(snap(S + 2300), S + 2300, S + 2300);
    bruno('Hello?', S + 65_000);
    const again = t.update(snap(S + 65_300), S + 65_300, S + 65_300).filter((e) => e.kind === 'customer-message');
    expect(first).toHaveLength(1);
    expect(again).toEqual([expect.objectContaining({ precision: 'exact', at: S + 65_000 })]);
    expect(again[0]!.id).not.toBe(first[0]!.id);
    // The same row re-rendered (new nodes, same second): nothing new.
    bruno('Hello?', S + 65_000);
    expect(t.update(snap(S + 66_000), S + 66_000, S + 66_000)).toEqual([]);
  });

  it('the Page answering twice with the same text within 5 minutes (seen in the list only): two replies', () => {
    const S = T0 + 20_000;
    const t = tracker();
    t.update(snap(T0), T0, T0);
    // A row the Page answered last is read (not bold): "You:" alone does not say who wrote (issue 16).
    const bruno = (preview: string, wrote: number) => dom.setRows([ROWS[0]!, { ...ROWS[1]!, preview, token: '1m', utime: wrote / 1000, unread: !preview.startsWith('You:') }, ROWS[2]!]);
    const replies: InboxEvent[] = [];
    const step = (preview: string, wrote: number) => {
      bruno(preview, wrote);
      replies.push(...t.update(snap(wrote + 300), wrote + 300, wrote + 300).filter((e) => e.kind === 'reply-sent'));
    };
    step('Hi, is it in stock?', S);
    step('You: Thanks!', S + 2000);
    step('And in blue?', S + 30_000);
    step('You: Thanks!', S + 40_000);
    expect(replies.map((e) => e.at)).toEqual([S + 2000, S + 40_000]);
    expect(new Set(replies.map((e) => e.id)).size).toBe(2);
  });
});

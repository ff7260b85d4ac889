import { beforeAll, describe, expect, it } from 'vitest';
import type { InboxSnapshot } from '../../../utils/inbox/types';
import type { Fixture } from './fixtures';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import { midKey } from '../../../utils/inbox/keys';
import { loadFixture } from './fixtures';

const TZ = 'Europe/Paris';
const snap = (name: string) => {
  const f = loadFixture(name);
  return { f, s: takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ }) };
};

describe('takeSnapshot on the simulated inbox (English, rendered copy)', () => {
  // Fixtures share the global document: load in a hook, when this block runs.
  let s: InboxSnapshot;
  let f: Fixture;
  beforeAll(() => void ({ s, f } = snap('sim-2025-11-en.html')));

  it('reads the page and its language', () => {
    expect(s.locale).toBe('en');
    expect(s.page).toEqual({ assetId: '104522908812345', name: 'Atelier Lumen' });
    expect(s.health).toMatchObject({ found: { list: true, thread: true, composer: true }, missing: [], recognized: true });
  });

  it('reads the visible rows as the sim has them: names, who wrote last, unread, exact times from data-utime', () => {
    const truth = f.truth!;
    expect(s.conversations.length).toBeGreaterThan(10);
    expect(s.conversations.map((r) => [r.customerName, r.lastFrom, r.unread])).toEqual(
      truth.rows.slice(0, s.conversations.length).map((r) => [r.name, r.lastFrom, r.unread]),
    );
    const [first, ...rest] = s.conversations;
    expect(first).toMatchObject({ key: truth.open, id: truth.open, selected: true, unread: false, lastFrom: 'page' });
    expect(first!.preview).toBe('You: Let me check that for you.');
    for (const row of s.conversations) {
      expect(row.lastAt!.end - row.lastAt!.start).toBe(1000);
      expect(row.lastAt!.start).toBeLessThanOrEqual(f.now);
    }
    expect(rest.every((r) => r.key.startsWith('r:') && r.id === null)).toBe(true);
    expect(new Set(s.conversations.map((r) => r.key)).size).toBe(s.conversations.length);
    expect(rest.some((r) => r.unread) && rest.some((r) => !r.unread)).toBe(true);
  });

  it('reads the open thread as the sim has it: sides, agents from the Sent by label, system rows', () => {
    const truth = f.truth!;
    const open = s.open!;
    expect(open).toMatchObject({ id: truth.open, key: truth.open, customerName: truth.name });
    const expected = truth.messages.slice(-open.messages.length);
    expect(open.messages.map((m) => [m.side, m.side === 'page' ? m.agent : null, m.text])).toEqual(
      expected.map((m) => [m.side, m.side === 'page' ? m.agent : null, m.text]),
    );
    expect(open.messages.at(-2)).toMatchObject({ side: 'page', agent: 'Paul Girard', text: 'Let me check that for you.' });
    expect(open.messages.at(-1)).toMatchObject({ side: 'system' });
    expect(open.messages.every((m) => m.at !== null && m.at.start <= f.now)).toBe(true);
    expect(new Set(open.messages.map((m) => m.key)).size).toBe(open.messages.length);
  });

  it('marks exactly the automated replies the sim has', () => {
    const tail = f.truth!.messages.slice(-s.open!.messages.length);
    expect(s.open!.messages.map((m) => !!m.automated)).toEqual(tail.map((m) => m.side === 'page' && m.agent === 'Automated response'));
  });

  it('reads the empty Lexical composer', () => {
    expect(s.composer).toEqual({ found: true, enabled: true, text: '', kind: 'lexical' });
  });

  it('is pure: the same document gives the same snapshot', () => {
    const again = snap('sim-2025-11-en.html').s;
    expect(again).toEqual(s);
  });

  it('reads a reply whose text starts like a Sent by label as a message, not as a label', () => {
    const { f: page } = snap('sim-2025-11-en.html');
    const bubble = [...page.doc.querySelectorAll('[data-pagelet="BizInboxMessengerMessageListContainer"] div[dir="auto"]')].filter(
      (el) => el.textContent === 'Let me check that for you.',
    );
    expect(bubble).toHaveLength(1);
    bubble[0]!.textContent = 'Sent by email.';
    const open = takeSnapshot(page.doc, page.url, page.now, { timeZone: TZ }).open!;
    expect(open.messages.at(-2)).toMatchObject({ side: 'page', agent: 'Paul Girard', text: 'Sent by email.' });
    expect(open.messages).toHaveLength(s.open!.messages.length);
  });
});

describe('takeSnapshot on the simulated inbox in French', () => {
  it('reads French labels, tokens and the draft as the sim has them', () => {
    const { s, f } = snap('sim-2025-11-fr.html');
    const truth = f.truth!;
    expect(s.locale).toBe('fr');
    expect(s.conversations.map((r) => [r.customerName, r.lastFrom, r.unread])).toEqual(
      truth.rows.slice(0, s.conversations.length).map((r) => [r.name, r.lastFrom, r.unread]),
    );
    expect(s.conversations[0]).toMatchObject({ selected: true, key: truth.open, customerName: truth.name });
    expect(s.conversations.every((r) => r.lastAt !== null && r.lastAt.start <= f.now)).toBe(true);
    const open = s.open!;
    expect(open.messages.map((m) => [m.side, m.text])).toEqual(truth.messages.slice(-open.messages.length).map((m) => [m.side, m.text]));
    expect(open.messages.at(-2)).toMatchObject({ side: 'page', agent: 'Paul Girard' });
    expect(s.composer).toEqual({ found: true, enabled: true, text: truth.composer, kind: 'lexical' });
    expect(truth.composer).toBe('Bonjour Quentin,\nMarie');
  });
});

describe('takeSnapshot on older layouts', () => {
  it('textarea composer, link rows with ids, names from avatars, span bubbles', () => {
    const { s } = snap('older-textarea.html');
    expect(s.health.recognized).toBe(true);
    expect(s.conversations.map((r) => [r.key, r.customerName, r.lastFrom, r.unread, r.selected])).toEqual([
      ['222000000000001', 'Jean Martin', 'customer', true, false],
      ['222000000000002', 'Alice Bernard', 'page', false, true],
    ]);
    expect(s.conversations[1]!.lastAt).toEqual({ start: Date.UTC(2026, 0, 4, 23), end: Date.UTC(2026, 0, 5, 23) });
    expect(s.open!.customerName).toBe('Alice Bernard');
    expect(s.open!.messages.map((m) => [m.side, m.agent, m.automated])).toEqual([
      ['customer', null, false],
      ['page', 'Marie', false],
      ['customer', null, false],
      ['page', 'Automated response', true],
    ]);
    expect(s.open!.messages[0]!.at).toEqual({ start: Date.UTC(2026, 0, 5, 15, 32), end: Date.UTC(2026, 0, 5, 15, 33) });
    expect(s.composer).toEqual({ found: true, enabled: true, text: '', kind: 'textarea' });
  });

  it('Draft.js editor, role=row rows, abbr tokens, inline bold, heading header, banner Page name', () => {
    const { s, f } = snap('older-draftjs.html');
    expect(s.page.name).toBe('Boulangerie Soleil');
    expect(s.conversations.map((r) => [r.customerName, r.preview, r.unread, r.selected, r.lastFrom])).toEqual([
      ['Paul Petit', 'Do you have gluten-free bread?', true, false, 'customer'],
      ['Emma Roux', 'You: We open at 7.', false, true, 'page'],
    ]);
    expect(s.conversations[0]!.lastAt).toEqual({ start: f.now - 6 * 60_000, end: f.now - 5 * 60_000 });
    // No selected_item_id in the URL: the open conversation is keyed by its row.
    expect(s.open!.key).toBe(s.conversations[1]!.key);
    expect(s.open!.messages.map((m) => [m.side, m.agent])).toEqual([
      ['customer', null],
      ['page', 'Marie'],
    ]);
    expect(s.composer).toEqual({ found: true, enabled: true, text: 'Bonjour Emma\nSecond line', kind: 'draftjs' });
  });
});

describe('takeSnapshot on a page it does not recognize', () => {
  it('says so, with every part missing, and does not throw', () => {
    const { s } = snap('nothing-recognizable.html');
    expect(s.health).toMatchObject({ found: { list: false, thread: false, composer: false }, missing: ['list'], recognized: false });
    expect(s.conversations).toEqual([]);
    expect(s.composer.found).toBe(false);
  });
});

describe('keys', () => {
  it('a row keeps its key across a re-render and differs between customers', () => {
    const a = snap('sim-2025-11-en.html').s.conversations.map((r) => r.key);
    const b = snap('sim-2025-11-en.html').s.conversations.map((r) => r.key);
    expect(b).toEqual(a);
  });
});

describe('takeSnapshot: a conversation closed to replies', () => {
  it('finds the composer but reports it disabled', async () => {
    const { buildInbox } = await import('./build');
    const dom = buildInbox();
    dom.setRows([{ name: 'Eva Morel', preview: 'Hello', token: 'Jan 5', selected: true }]);
    dom.setThread('Eva Morel', [{ separator: 'Jan 5, 2026 10:00' }, { side: 'customer', text: 'Hello' }]);
    dom.composer.setAttribute('contenteditable', 'false');
    dom.composer.setAttribute('aria-disabled', 'true');
    const s = takeSnapshot(document, 'https://business.facebook.com/latest/inbox/all?asset_id=1&selected_item_id=9', Date.UTC(2026, 1, 24), { timeZone: TZ });
    expect(s.composer).toEqual({ found: true, enabled: false, text: '', kind: 'lexical' });
    expect(s.health.missing).toEqual([]);
  });
});

describe('takeSnapshot: sides of 2026 message rows ("You sent" markers)', () => {
  // The rows read are the thread's tail; whether the thread has markers at all is a property of the whole thread.
  it('a long thread whose tail has no marker still reads unmarked rows as the customer\'s when earlier rows have one', () => {
    const f = loadFixture('sim-2026-en.html');
    const rows = [...f.doc.querySelectorAll('[data-message-id^="mid."]')];
    const marked = rows.filter((r) => [...r.querySelectorAll('span')].some((s) => s.textContent === 'You sent')).at(-1)!;
    expect(marked).toBeDefined();
    // A date separator, then 70 copies of a Page row without its marker, after the last row: the rows read
    // (the last 60, back to their separator) hold no marker.
    const rowsParent = marked.parentElement!;
    let separator: Element = [...f.doc.querySelectorAll('[role="separator"]')].at(-1)!;
    while (separator.parentElement !== rowsParent) separator = separator.parentElement!;
    let after: Element = rowsParent.lastElementChild!;
    after.after(separator.cloneNode(true));
    after = after.nextElementSibling!;
    for (let i = 0; i < 70; i++) {
      const copy = marked.cloneNode(true) as Element;
      for (const s of copy.querySelectorAll('span')) if (s.textContent === 'You sent') s.remove();
      copy.setAttribute('data-message-id', `mid.$copy${i}`);
      after.after(copy);
      after = copy;
    }
    const messages = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ }).open!.messages;
    expect(messages.length).toBeGreaterThanOrEqual(60);
    const copyKeys = new Set(Array.from({ length: 70 }, (_, i) => midKey(`mid.$copy${i}`)));
    const copies = messages.filter((m) => copyKeys.has(m.key));
    expect(copies.length).toBeGreaterThan(50);
    expect(copies.every((m) => m.side === 'customer')).toBe(true);
  });

  it('a thread without any marker (a language the label tables lack) takes its sides from structure', () => {
    const f = loadFixture('sim-2026-en.html');
    const truth = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ }).open!.messages;
    for (const s of [...f.doc.querySelectorAll('[data-message-id] span')]) if (s.textContent === 'You sent') s.textContent = 'Sie haben gesendet';
    const messages = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ }).open!.messages;
    // Structure (avatars, "Sent by" labels) gives the customer's rows back; no row reads as the customer's only for lack of a marker.
    expect(messages.filter((m) => m.side === 'customer').length).toBeLessThan(messages.filter((m) => m.side !== 'system').length);
    expect(messages.map((m) => m.key)).toEqual(truth.map((m) => m.key));
  });
});

describe('takeSnapshot: the thread read from the whole detail pane (last resort)', () => {
  it('never reads the composer inside it as a message, in a short thread and in a long one (its tail)', async () => {
    const { buildInbox, h } = await import('./build');
    for (const n of [3, 90]) {
      const dom = buildInbox();
      history.replaceState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1001');
      dom.setRows([{ name: 'Alice Martin', preview: 'Hello 0', token: '5m', selected: true }]);
      dom.setThread('Alice Martin', Array.from({ length: n }, (_, i) => ({ side: i % 2 ? ('page' as const) : ('customer' as const), text: `Hello ${i}` })));
      // The message list no longer matches its alternatives: the detail pane, composer included, is the thread area.
      for (const a of ['data-pagelet', 'aria-label', 'role']) dom.messages.removeAttribute(a);
      // A draft in the editor shaped like a bubble (dir=auto text).
      dom.composer.replaceChildren(h('div', { dir: 'auto' }, 'A draft reply'));
      const s = takeSnapshot(document, location.href, Date.UTC(2026, 1, 24, 9, 0), { timeZone: TZ });
      expect(s.health.via?.messageList).toBe('[data-pagelet="BizInboxDetailSectionWrapper"]');
      const texts = s.open!.messages.map((m) => m.text);
      expect(texts).toContain(`Hello ${n - 1}`);
      expect(texts).not.toContain('A draft reply');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { unansweredCustomerText } from '../../../utils/replies/conversation';
import { searchLibrary } from '../../../utils/replies/search';
import { createUsageTracker } from '../../../utils/replies/usage-tracker';
import type { OpenConversation, ThreadMessage } from '../../../utils/inbox/types';
import { LIBRARY } from './library.fixture';

const msg = (side: ThreadMessage['side'], text: string, automated = false): ThreadMessage => ({ key: text, side, agent: null, text, at: null, automated });
const conv = (messages: ThreadMessage[]): OpenConversation => ({ id: 't_1', key: 't_1', customerName: 'Marie Dupont', messages });

describe('unansweredCustomerText', () => {
  it('joins the customer messages after the last page reply, skipping system rows', () => {
    const open = conv([msg('customer', 'old question'), msg('page', 'answer'), msg('customer', 'Bonjour'), msg('system', 'assigned'), msg('customer', 'mon colis ?')]);
    expect(unansweredCustomerText(open)).toBe('Bonjour\nmon colis ?');
  });

  it('does not count an automated reply as an answer', () => {
    expect(unansweredCustomerText(conv([msg('customer', 'horaires ?'), msg('page', 'Absent', true)]))).toBe('horaires ?');
  });

  it('is empty when the page spoke last or nothing is open', () => {
    expect(unansweredCustomerText(conv([msg('customer', 'q'), msg('page', 'a')]))).toBe('');
    expect(unansweredCustomerText(null)).toBe('');
  });
});

describe('searchLibrary', () => {
  it('matches word beginnings, accents and case ignored, titles first', () => {
    const hits = searchLibrary('LIVR', LIBRARY).map((r) => r.id);
    expect(hits[0]).toMatch(/delivery-fr|shipping-cost-fr|address-change-fr|international-fr|relay-point-fr/);
    expect(searchLibrary('delai livraison', LIBRARY).map((r) => r.id)).toContain('delivery-fr');
    expect(searchLibrary('zzz', LIBRARY)).toEqual([]);
  });

  it('finds by shortcut with /, exact first', () => {
    expect(searchLibrary('/hor', LIBRARY).map((r) => r.id)).toEqual(['hours-fr']);
    expect(searchLibrary('/re', LIBRARY).map((r) => r.id)).toEqual(expect.arrayContaining(['returns-fr', 'returns-en', 'later-fr']));
    expect(searchLibrary('/return', LIBRARY)[0]!.id).toBe('returns-en');
  });
});

describe('usage tracker', () => {
  it('reports unedited when the sent text is what was inserted', () => {
    const t = createUsageTracker();
    t.inserted('c', 'u1', 'Hi Marie,\nwe are open', '', 0);
    t.composerChanged('c', 'Hi Marie, we are open');
    t.composerChanged('c', '');
    expect(t.sent('c', 10)).toEqual({ usageId: 'u1', edited: false });
    expect(t.sent('c', 11)).toBeNull();
  });

  it('reports edited when the agent changed or added text', () => {
    const t = createUsageTracker();
    t.inserted('c', 'u1', 'Hi Marie', '', 0);
    t.composerChanged('c', 'Hi Marie!! see you');
    expect(t.sent('c', 10)).toEqual({ usageId: 'u1', edited: true });
    t.inserted('d', 'u2', 'Hi', 'Already typed', 0);
    expect(t.sent('d', 10)).toEqual({ usageId: 'u2', edited: true });
  });

  it('keeps conversations apart and forgets stale insertions', () => {
    const t = createUsageTracker();
    t.inserted('a', 'u1', 'x', '', 0);
    expect(t.sent('b', 1)).toBeNull();
    expect(t.sent('a', 2 * 60 * 60 * 1000)).toBeNull();
  });

  it('knows a conversation by any of its keys', () => {
    const t = createUsageTracker();
    t.inserted(['t_1', 'row:marie'], 'u1', 'x', '', 0);
    t.composerChanged('row:marie', 'x');
    expect(t.sent('t_1', 5)).toEqual({ usageId: 'u1', edited: false });
    expect(t.sent('row:marie', 6)).toBeNull();
  });
});

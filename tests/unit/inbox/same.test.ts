import { describe, expect, it } from 'vitest';
import { sameSnapshot } from '../../../utils/inbox/same';
import type { InboxSnapshot } from '../../../utils/inbox/types';

// sameSnapshot decides whether the adapter publishes a new snapshot: a field it ignores is a change no feature sees.
const T = 1_790_000_000_000;
function base(): InboxSnapshot {
  return {
    url: 'https://business.facebook.com/latest/inbox/all?asset_id=1',
    takenAt: T,
    locale: 'en',
    page: { assetId: '1', name: 'Atelier' },
    conversations: [
      { key: 'c1', id: 'c1', customerName: 'Zoé', preview: 'Hello?', lastFrom: 'customer', lastAt: { start: T - 60_000, end: T }, unread: true, selected: true, rowKey: 'r:zoe', channel: 'messenger' },
    ],
    open: {
      id: 'c1',
      key: 'c1',
      customerName: 'Zoé',
      channel: 'messenger',
      rowKey: 'r:zoe',
      messages: [{ key: 'mid.$1', side: 'customer', agent: null, text: 'Hello?', at: { start: T, end: T + 1000 } }],
    },
    composer: { found: true, enabled: true, text: '', kind: 'lexical' },
    health: { found: { list: true, thread: true, composer: true }, missing: [], recognized: true, via: { list: 'a', row: 'b' }, problems: [] },
  };
}

describe('sameSnapshot', () => {
  it('a copy, or a new reading of the same page whose relative times moved by less than a minute, is the same', () => {
    const b = base();
    b.takenAt = T + 30_000;
    b.conversations[0]!.lastAt = { start: T - 30_000, end: T + 30_000 };
    expect(sameSnapshot(base(), base())).toBe(true);
    expect(sameSnapshot(base(), b)).toBe(true);
  });

  const changes: Array<[string, (s: InboxSnapshot) => void]> = [
    ['a row id learned from the channel tabs', (s) => (s.conversations[0]!.id = '123')],
    ["a row's own key", (s) => (s.conversations[0]!.rowKey = 'r:zoe2')],
    ["a row's channel", (s) => (s.conversations[0]!.channel = 'instagram')],
    ["a row's channel becoming known", (s) => delete s.conversations[0]!.channel],
    ["the open thread's channel", (s) => (s.open!.channel = 'whatsapp')],
    ["the open thread's row key", (s) => (s.open!.rowKey = undefined)],
    ['earlier messages now omitted', (s) => (s.open!.earlierOmitted = true)],
    ["a message's text filled in", (s) => (s.open!.messages[0]!.text = 'Hello? Is anyone there?')],
    ['a message now an attachment', (s) => (s.open!.messages[0]!.attachment = true)],
    ['a message now automated', (s) => (s.open!.messages[0]!.automated = true)],
    ['another selector alternative matched', (s) => (s.health.via = { list: 'a', row: 'c' })],
    ['one more part named in the health', (s) => (s.health.via = { list: 'a', row: 'b', header: 'h' })],
    ['a problem found', (s) => (s.health.problems = ['list rows without customer names'])],
    ['a preview', (s) => (s.conversations[0]!.preview = 'Hi')],
    ['a time moved by a minute', (s) => (s.conversations[0]!.lastAt = { start: T, end: T + 60_000 })],
  ];
  for (const [what, change] of changes) {
    it(`differs on ${what}`, () => {
      const b = base();
      change(b);
      expect(sameSnapshot(base(), b)).toBe(false);
    });
  }

  it('an absent and a null channel are the same (not read yet either way)', () => {
    const b = base();
    b.conversations[0]!.channel = null;
    const a = base();
    delete a.conversations[0]!.channel;
    expect(sameSnapshot(a, b)).toBe(true);
  });
});

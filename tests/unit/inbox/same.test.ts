import { describe, expect, it } from 'vitest';
import { sameSnapshot } from '../../../utils/inbox/same';
import type { ConversationRow, InboxSnapshot, ThreadMessage } from '../../../utils/inbox/types';

const row: ConversationRow = {
  key: 'r:ada',
  id: null,
  customerName: 'Ada',
  preview: 'Is my order on its way?',
  lastFrom: 'customer',
  lastAt: { start: 1_000_000, end: 1_060_000 },
  unread: true,
  selected: false,
  rowKey: 'r:ada',
  channel: 'messenger',
};
const message: ThreadMessage = { key: 'mid:1', side: 'page', agent: 'Sam', text: 'On its way', at: { start: 1_000_000, end: 1_060_000 } };
const snapshot = (): InboxSnapshot => ({
  url: 'https://business.facebook.com/latest/inbox/all?asset_id=1',
  takenAt: 2_000_000,
  locale: 'en',
  page: { assetId: '1', name: 'Shop' },
  conversations: [{ ...row }],
  open: { id: 't1', key: 't1', customerName: 'Ada', channel: 'messenger', rowKey: 'r:ada', messages: [{ ...message }] },
  composer: { found: true, enabled: true, text: '', kind: 'lexical' },
  health: { found: { list: true, thread: true, composer: true }, missing: [], recognized: true },
});

describe('sameSnapshot', () => {
  it('a copy, or a relative time read a few seconds later, says the same', () => {
    const b = snapshot();
    b.conversations[0]!.lastAt = { start: 1_010_000, end: 1_070_000 };
    expect(sameSnapshot(snapshot(), snapshot())).toBe(true);
    expect(sameSnapshot(snapshot(), b)).toBe(true);
  });

  // Each of these changes alone is news to a feature: the events' id and join key, the channel's rules,
  // whether a page message was a human reply (stats count only those).
  const changes: Array<[string, (s: InboxSnapshot) => void]> = [
    ['a row learns its id', (s) => void (s.conversations[0]!.id = 't1')],
    ['a row key (name + avatar) changes', (s) => void (s.conversations[0]!.rowKey = 'r:ada2')],
    ["a row's channel becomes known", (s) => void (s.conversations[0]!.channel = 'instagram')],
    ["the open conversation's channel", (s) => void (s.open!.channel = 'whatsapp')],
    ["the open conversation's row key", (s) => void (s.open!.rowKey = undefined)],
    ['older rows of the thread left unread', (s) => void (s.open!.earlierOmitted = true)],
    ['a page message read as automated', (s) => void (s.open!.messages[0]!.automated = true)],
    ['a message read as an attachment', (s) => void (s.open!.messages[0]!.attachment = true)],
    ['a preview', (s) => void (s.conversations[0]!.preview = 'Thanks!')],
  ];
  it.each(changes)('%s: not the same', (_, change) => {
    const b = snapshot();
    change(b);
    expect(sameSnapshot(snapshot(), b)).toBe(false);
  });

  it('channel null and channel absent say the same', () => {
    const a = snapshot();
    const b = snapshot();
    a.conversations[0]!.channel = null;
    delete b.conversations[0]!.channel;
    expect(sameSnapshot(a, b)).toBe(true);
  });
});

import type { ConversationRow, InboxEvent, InboxSnapshot, OpenConversation } from '../../../utils/inbox/types';

/** Builders for adapter data in timer tests. */
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-01-05T09:00:00Z');

let n = 0;
export function customer(conversation: string, at: number, extra: Partial<Extract<InboxEvent, { kind: 'customer-message' }>> = {}): InboxEvent {
  return { id: `c${n++}`, kind: 'customer-message', pageId: 'p1', conversation, customerName: 'Zoé', at, precision: 'exact', ...extra };
}
export function replied(conversation: string, at: number, agent: string | null = 'Marie'): InboxEvent {
  return { id: `r${n++}`, kind: 'reply-sent', pageId: 'p1', conversation, customerName: null, at, agent, via: 'observed', precision: 'exact' };
}
export function row(key: string, patch: Partial<ConversationRow> = {}): ConversationRow {
  return { key, id: null, customerName: `Name ${key}`, preview: '', lastFrom: 'customer', lastAt: null, unread: true, selected: false, ...patch };
}
export function snapshot(rows: ConversationRow[], takenAt: number, open: OpenConversation | null = null): InboxSnapshot {
  return {
    url: 'https://business.facebook.com/latest/inbox/all?asset_id=p1',
    takenAt,
    locale: 'en',
    page: { assetId: 'p1', name: 'Acme' },
    conversations: rows,
    open,
    composer: { found: true, enabled: true, text: '', kind: 'lexical' },
    health: { found: { list: true, thread: !!open, composer: true }, missing: [], recognized: true },
  };
}

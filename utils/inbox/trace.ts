import { hash } from './keys';
import type { ConversationRow, InboxEvent, OpenConversation } from './types';

/**
 * A per-event trace of the events state machine (issue 16: classify every miss of the accuracy bench).
 * Off unless a debug switch turns it on (the live source's `__inboxPilotDebug.trace(true)`, reachable only
 * from the extension's isolated world). Entries hold ids, sides and times only: never message text nor names.
 */
export type TraceEntry = { t: number; what: string; conv?: string } & Record<string, unknown>;
export type Tracer = (entry: TraceEntry) => void;

/** A conversation key as traced: Meta's id, or the adapter's `r:` key, already a one-way hash of the name (keys.ts). */
export function traceConv(key: string): string {
  return key;
}

/** The open thread as read: message key hashes, sides, section times and whether a `Sent by` label was read. */
export function traceThread(open: OpenConversation): Array<[string, string, number | null, number]> {
  return open.messages.map((m) => [hash(m.key).slice(0, 8), m.side, m.at?.start ?? null, m.agent ? 1 : 0]);
}

export function traceRow(row: ConversationRow): Record<string, unknown> {
  return { lastFrom: row.lastFrom, lastAt: row.lastAt ? [row.lastAt.start, row.lastAt.end] : null };
}

export function traceEvent(e: InboxEvent): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, kind: e.kind, at: e.at };
  if (e.kind === 'customer-message') Object.assign(out, { precision: e.precision, ...(e.atLatest !== undefined ? { atLatest: e.atLatest } : {}), ...(e.precedes !== undefined ? { precedes: e.precedes } : {}) });
  if (e.kind === 'reply-sent') Object.assign(out, { via: e.via, precision: e.precision, agent: e.agent ? 1 : 0, ...(e.history ? { history: true } : {}) });
  return out;
}

import type { StatsMessages } from '../stats/messages';
import type { AlertsMessages } from '../timing/messages';
import type { RepliesMessages } from '../replies/messages';
import type { DraftMessages } from '../draft/messages';
import type { ShortcutsMessages } from '../shortcuts/messages';
import type { InboxMessages } from '../inbox/messages';
import type { SyncProtocol } from '../../components/features/sync/protocol';

/**
 * The one typed message map between the background worker, the content
 * script and the extension pages. Each feature declares its own part next to
 * its code (`utils/<feature>/messages.ts`); this file only joins them.
 * Every entry is `{ request; response }`. Names are `<feature>:<verb>`.
 */
export interface CoreMessages {
  /** Any context -> background: liveness check used by tests and the resend loop. */
  'core:ping': { request: void; response: { at: number } };
}

export interface ProtocolMap extends CoreMessages, StatsMessages, AlertsMessages, RepliesMessages, DraftMessages, ShortcutsMessages, InboxMessages, SyncProtocol {}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** What travels on the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  app: 'inbox-pilot';
  type: K;
  data: RequestOf<K>;
}

/** Handlers answer with a value or throw; the caller sees `{ ok: false, error }` turned back into an Error. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

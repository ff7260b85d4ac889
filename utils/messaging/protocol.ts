import type { StatsMessages } from '../../components/features/stats/protocol';
import type { AlertsMessages } from '../../components/features/timers/protocol';
import type { RepliesMessages } from '../../components/features/replies/protocol';
import type { DraftMessages } from '../../components/features/draft/protocol';
import type { ShortcutsMessages } from '../../components/features/shortcuts/protocol';
import type { InboxMessages } from '../inbox/protocol';

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

export interface ProtocolMap extends CoreMessages, StatsMessages, AlertsMessages, RepliesMessages, DraftMessages, ShortcutsMessages, InboxMessages {}

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

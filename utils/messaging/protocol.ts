import type { FeaturesProtocol } from '../../components/features/registry/protocol';
import type { InboxProtocol } from '../inbox/protocol';

/**
 * The one typed message map between the background worker, the content
 * script and the extension pages. Each feature declares its own part in its
 * folder (`components/features/<id>/protocol.ts`, joined in components/features/registry/protocol.ts).
 * Every entry is `{ request; response }`. Names are `<feature>:<verb>`.
 */
export interface CoreMessages {
  /** Any context -> background: liveness check used by tests and the resend loop. */
  'core:ping': { request: void; response: { at: number } };
}

export interface ProtocolMap extends CoreMessages, FeaturesProtocol, InboxProtocol {}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** What travels on the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  app: 'inbox-pilot';
  type: K;
  data: RequestOf<K>;
}

/**
 * Why a request failed: a small closed set callers branch on (never the message text).
 * - `invalid-request`: the request was refused as bad input (`index` names the bad item of a batch);
 * - `unavailable`: the feature is switched off or its storage cannot be reached;
 * - `failed`: the handler threw for any other reason;
 * - `no-handler`: nobody answered (worker stopped, or no tab with the inbox).
 */
export type ErrorCode = 'invalid-request' | 'unavailable' | 'failed' | 'no-handler';

/** Handlers answer with a value or throw (a MessageError to choose the code); the caller gets a MessageError back. */
export type Reply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; detail: string; index?: number };

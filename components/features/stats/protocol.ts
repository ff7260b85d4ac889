import type { InboxEvent } from '../../../utils/inbox/types';
import type { ResponseRecord } from '../../../utils/stats/types';
import type { WireDayColumns } from '../../../utils/stats/columns';

/** Stats: content -> background ingestion; pages -> background control. */
export interface StatsProtocol {
  /** Content -> background: adapter events to record. Acknowledged ids are committed to IndexedDB. */
  'stats:events': { request: { events: InboxEvent[] }; response: { acked: string[] } };
  /** Content (timers header) -> background: today's figures for one agent (null = whole page). */
  'stats:today': {
    request: { agent: string | null; pageId: string | null };
    response: { responses: number; withinTarget: number; withinTargetPct: number | null };
  };
  /** Content -> background: which tab am I (keys the sender's durable outbox, which survives a reload). */
  'stats:hello': { request: void; response: { tabId: number | null } };
  /** Options -> background: merge a team bundle (parsed JSON or its text). All or nothing. */
  'stats:import': { request: { bundle: unknown }; response: { added: number; duplicates: number; replaced: number } };
  /** Options -> background: erase every response and pairing state. */
  'stats:erase': { request: void; response: { erased: true } };
  /** Popup -> background: the day columns of [start, end) (the worker owns the database). */
  'stats:week': { request: { start: number; end: number }; response: { columns: WireDayColumns[] } };
  /** Options -> background: how many responses are stored. */
  'stats:count': { request: void; response: { count: number } };
  /** Options -> background: every stored response, for a team bundle. */
  'stats:export': { request: void; response: { responses: ResponseRecord[] } };
  /** Options -> background: apply the retention now (also runs daily by alarm). */
  'stats:purge': { request: void; response: { deleted: number } };
}

import type { InboxEvent } from '../inbox/types';

/** Stats: content -> background ingestion; pages -> background control. */
export interface StatsMessages {
  /** Content -> background: adapter events to record. Acknowledged ids are committed to IndexedDB. */
  'stats:events': { request: { events: InboxEvent[] }; response: { acked: string[] } };
  /** Content (timers header) -> background: today's figures for one agent (null = whole page). */
  'stats:today': {
    request: { agent: string | null; pageId: string | null };
    response: { responses: number; withinTarget: number; withinTargetPct: number | null };
  };
}

import type { InboxEvent } from '../inbox/types';

/** Stats: content -> background ingestion; pages -> background control. */
export interface StatsMessages {
  /** Content -> background: adapter events to record. Acknowledged ids are committed to IndexedDB. */
  'stats:events': { request: { events: InboxEvent[] }; response: { acked: string[] } };
}

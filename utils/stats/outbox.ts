import type { InboxEvent } from '../inbox/types';

/**
 * The sender's durable copy of unacknowledged events, in storage.local under
 * one key per tab (`stats.outbox.tab-<id>`), so a reload of the tab finds
 * them again, and the background can collect the leftovers of closed tabs.
 * Events carry ids and times only (customer names are stripped before).
 */
export const OUTBOX_PREFIX = 'stats.outbox.';

export interface Outbox {
  savedAt: number;
  events: InboxEvent[];
}

export function outboxKey(tabId: number | null, instance: string): string {
  return `${OUTBOX_PREFIX}${tabId === null ? `instance-${instance}` : `tab-${tabId}`}`;
}

/** The tab id a key belongs to, or null for an instance key. */
export function outboxTabId(key: string): number | null {
  const m = /^stats\.outbox\.tab-(\d+)$/.exec(key);
  return m ? Number(m[1]) : null;
}

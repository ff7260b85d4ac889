/**
 * When team sync runs (pure). Sync runs while an inbox is open, without the `tabs` permission: the
 * content script tells the worker "an inbox is open here" when its session starts and every
 * INBOX_BEAT_MS while the tab is visible. The minute alarm syncs only if such a beat came within
 * INBOX_OPEN_WINDOW_MS; worker start, the popup opening and "Sync now" sync whatever the inbox.
 */
export const INBOX_BEAT_MS = 2 * 60_000;
/** A beat every 2 min, the alarm every minute: 3 min covers a late beat and one alarm after the tab closes (its last records go). */
export const INBOX_OPEN_WINDOW_MS = 3 * 60_000;

/** Whether an inbox was seen open recently enough (a beat from the future, a changed clock, counts as now). */
export function inboxOpen(inboxSeenAt: number | null | undefined, now: number): boolean {
  if (typeof inboxSeenAt !== 'number' || !Number.isFinite(inboxSeenAt)) return false;
  return now - inboxSeenAt <= INBOX_OPEN_WINDOW_MS;
}

export type SyncTrigger = 'alarm' | 'worker-start' | 'popup' | 'now' | 'inbox-opened';

/** Whether this trigger runs a sync: the alarm only while an inbox is open, every other trigger always (if connected). */
export function shouldSync(trigger: SyncTrigger, { connected, inboxSeenAt, now }: { connected: boolean; inboxSeenAt: number | null | undefined; now: number }): boolean {
  if (!connected) return false;
  return trigger === 'alarm' ? inboxOpen(inboxSeenAt, now) : true;
}

/** A beat arriving: sync at once if no inbox was open just before (the agent came back), else leave it to the alarm. */
export function beatStartsSync(previousSeenAt: number | null | undefined, now: number): boolean {
  return !inboxOpen(previousSeenAt, now);
}

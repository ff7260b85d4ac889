import { describe, expect, it } from 'vitest';
import { beatStartsSync, inboxOpen, INBOX_BEAT_MS, INBOX_OPEN_WINDOW_MS, shouldSync, type SyncTrigger } from '../../../utils/sync/schedule';

const now = Date.UTC(2026, 11, 3, 10);

describe('sync schedule: the minute alarm syncs only while an inbox is open', () => {
  it('an inbox is open up to the window after its last beat, not a millisecond later', () => {
    expect(inboxOpen(now, now)).toBe(true);
    expect(inboxOpen(now - INBOX_BEAT_MS, now)).toBe(true);
    expect(inboxOpen(now - INBOX_OPEN_WINDOW_MS, now)).toBe(true);
    expect(inboxOpen(now - INBOX_OPEN_WINDOW_MS - 1, now)).toBe(false);
    expect(inboxOpen(null, now)).toBe(false);
    expect(inboxOpen(undefined, now)).toBe(false);
    expect(inboxOpen(Number.NaN, now)).toBe(false);
    // A beat "from the future" (the clock moved back) still means open.
    expect(inboxOpen(now + 60_000, now)).toBe(true);
  });

  it('the window outlasts one missed beat and leaves one alarm after the tab closes', () => {
    expect(INBOX_OPEN_WINDOW_MS).toBeGreaterThan(INBOX_BEAT_MS);
    expect(INBOX_OPEN_WINDOW_MS - INBOX_BEAT_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('the alarm needs an open inbox; worker start, popup, sync now and a returning inbox always sync; nothing syncs unconnected', () => {
    const triggers: SyncTrigger[] = ['alarm', 'worker-start', 'popup', 'now', 'inbox-opened'];
    const table = triggers.map((t) => [
      t,
      shouldSync(t, { connected: true, inboxSeenAt: now - 30_000, now }),
      shouldSync(t, { connected: true, inboxSeenAt: now - 10 * 60_000, now }),
      shouldSync(t, { connected: true, inboxSeenAt: null, now }),
      shouldSync(t, { connected: false, inboxSeenAt: now, now }),
    ]);
    expect(table).toEqual([
      ['alarm', true, false, false, false],
      ['worker-start', true, true, true, false],
      ['popup', true, true, true, false],
      ['now', true, true, true, false],
      ['inbox-opened', true, true, true, false],
    ]);
  });

  it('a beat starts a sync only when no inbox was open just before', () => {
    expect(beatStartsSync(null, now)).toBe(true);
    expect(beatStartsSync(now - INBOX_OPEN_WINDOW_MS - 1, now)).toBe(true);
    expect(beatStartsSync(now - INBOX_BEAT_MS, now)).toBe(false);
  });
});

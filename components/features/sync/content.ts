import { sendMessage } from '../../../utils/messaging';
import { INBOX_BEAT_MS } from '../../../utils/sync/schedule';
import type { ContentFeature } from '../types';
import { syncMeta } from './feature';

/**
 * Team sync, content side: tells the worker an inbox is open here (at the session's start, every
 * INBOX_BEAT_MS while the tab is visible, and when it becomes visible again), so the minute alarm
 * syncs only while an inbox is open, without the `tabs` permission. No panel; nothing is sent
 * anywhere but to this extension's worker, which ignores it when no server is configured.
 */
export const syncFeature: ContentFeature = {
  meta: syncMeta,
  start({ scope }) {
    const beat = () => {
      if (document.visibilityState !== 'visible' || scope.isInvalid) return;
      sendMessage('sync:inbox-open', undefined).catch(() => undefined);
    };
    beat();
    scope.interval(beat, INBOX_BEAT_MS);
    scope.listen(document, 'visibilitychange', beat);
  },
};

import { onMessages } from '../messaging';
import { registerRepliesBackground } from '../replies/background';
import { registerDraftBackground } from '../draft/background';
import { registerTimersBackground } from '../timing/background';
import { registerStatsBackground } from '../stats/background';
import { registerShortcutsBackground } from '../shortcuts/background';
import { registerSyncBackground } from '../../components/features/sync/background';

/**
 * The background worker's wiring. Listeners are registered synchronously on
 * every start (MV3 workers are stopped and restarted at will), and every
 * feature's part registers its own handlers here.
 */
export function startBackground(): void {
  onMessages({
    'core:ping': () => ({ at: Date.now() }),
  });
  registerDraftBackground(registerRepliesBackground());
  registerTimersBackground();
  registerStatsBackground();
  registerShortcutsBackground();
  registerSyncBackground();
}

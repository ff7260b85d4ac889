import { onMessages } from '../messaging';
import { registerRepliesBackground } from '../../components/features/replies/background';
import { registerDraftBackground } from '../../components/features/draft/background';
import { registerTimersBackground } from '../../components/features/timers/background';
import { registerStatsBackground } from '../../components/features/stats/background';
import { registerShortcutsBackground } from '../../components/features/shortcuts/background';

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
}

import { onMessages } from '../messaging';
import { registerBackgroundParts } from '../../components/features/registry/background';

/**
 * The background worker's wiring. Listeners are registered synchronously on
 * every start (MV3 workers are stopped and restarted at will), and every
 * feature's part registers its own handlers (components/features/registry/background.ts).
 */
export function startBackground(): void {
  onMessages({
    'core:ping': () => ({ at: Date.now() }),
  });
  // Each feature's worker part, from its one line in components/features/registry/background.ts.
  registerBackgroundParts();
}

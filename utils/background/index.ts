import { onMessages } from '../messaging';

/**
 * The background worker's wiring. Listeners are registered synchronously on
 * every start (MV3 workers are stopped and restarted at will), and every
 * feature's part registers its own handlers here.
 */
export function startBackground(): void {
  onMessages({
    'core:ping': () => ({ at: Date.now() }),
  });
}

import type { ContentFeature } from '../types';
import { startStatsSender } from './sender';

/**
 * Stats recording's lazy chunk (utils/lazy/chunks.ts), loaded when the feature starts. Nothing is missed
 * while it loads: the inbox source replays its recent events to a late subscriber (utils/inbox/live.ts).
 */
export const start: ContentFeature['start'] = (env) => {
  startStatsSender(env.scope, env.inbox);
};

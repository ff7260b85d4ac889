import type { ContentFeature } from '../types';
import { statsMeta } from './feature';
import { startStatsSender } from './sender';

/** Stats recording, content side: forwards reply events to the worker. No sidebar panel. */
export const statsFeature: ContentFeature = {
  meta: statsMeta,
  start(env) {
    startStatsSender(env.scope, env.inbox);
  },
};

import { lazyFeature } from '../lazy';
import { statsMeta } from './feature';

/**
 * Stats recording, content side: forwards reply events to the worker. No sidebar panel. Its code (the
 * sender, the event checks) is a lazy chunk (./lazy.ts); a chunk that cannot load shows the feature failed.
 */
export const statsFeature = lazyFeature(statsMeta, 'stats');

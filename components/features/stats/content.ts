import { chunkFeature } from '../chunk-feature';
import { statsMeta } from './feature';

/**
 * Stats recording, content side: forwards reply events to the worker. No sidebar panel. Its code (the
 * sender, the event checks) is a lazy chunk (./lazy.ts); a chunk that cannot load shows the feature failed.
 */
export const statsFeature = chunkFeature(statsMeta, 'stats');

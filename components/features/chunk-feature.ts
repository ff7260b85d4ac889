import { loadChunk } from '../../utils/lazy/load';
import type { LazyChunk } from '../../utils/lazy/chunks';
import type { ContentFeature, FeatureMeta } from './types';

/** What a feature's lazy chunk exports: the feature's `start`. */
export interface LazyFeaturePart {
  start: ContentFeature['start'];
}

/**
 * A feature whose code is a lazy chunk (issue 14), loaded when it starts: its meta ships in the script that
 * runs it, its state (and panel, if any) load with the chunk. A chunk that cannot load fails the feature
 * (start rejects), which then shows as failed, alone. No Preact here: the content script's features without
 * a panel (stats) use it as it is; ./lazy.tsx adds the stand-in of a feature loaded on first use.
 */
export function chunkFeature(meta: FeatureMeta, chunk: LazyChunk): ContentFeature {
  return {
    meta,
    async start(env) {
      const part = await loadChunk<LazyFeaturePart>(chunk);
      return part.start(env);
    },
  };
}

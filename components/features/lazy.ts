import { loadChunk } from '../../utils/lazy/load';
import type { LazyChunk } from '../../utils/lazy/chunks';
import type { ContentFeature, FeatureMeta } from './types';

/** What a feature's lazy chunk exports: the feature's `start`. */
export interface LazyFeaturePart {
  start: ContentFeature['start'];
}

/**
 * A feature whose code is a lazy chunk (issue 14): its meta ships in the content script, its state and
 * panel load when it starts. A chunk that cannot load makes `start` reject, so the sidebar shows that
 * feature failed (with Retry) and the others run on (components/sidebar/feature-host.tsx).
 */
export function lazyFeature(meta: FeatureMeta, chunk: LazyChunk): ContentFeature {
  return {
    meta,
    async start(env) {
      const part = await loadChunk<LazyFeaturePart>(chunk);
      return part.start(env);
    },
  };
}

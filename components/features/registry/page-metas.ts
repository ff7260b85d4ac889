import type { FeatureMeta } from '../types';
import { statsMeta } from '../stats/feature';
import { syncMeta } from '../sync/feature';

/** The metas of the content script's features (./page.ts), for the sidebar frame to name one that failed. Same order. */
export const pageFeatureMetas: FeatureMeta[] = [statsMeta, syncMeta];

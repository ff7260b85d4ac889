import type { ContentFeature } from '../types';
import { timersFeature } from '../timers/content';
import { draftFeature } from '../draft/content';
import { repliesFeature } from '../replies/content';
import { statsFeature } from '../stats/content';
import { syncFeature } from '../sync/content';
import { testFeatures } from '../crash-test/registry';

/**
 * The content script's features, in display order: one line per feature. Features without a panel
 * (stats) take part without a sidebar section. The test-only feature is built in only when the
 * build sets IP_TEST_FEATURE=1 (wxt.config.ts); the shipped build has none.
 */
export const contentFeatures: ContentFeature[] = [timersFeature, repliesFeature, draftFeature, statsFeature, syncFeature, ...testFeatures];

import type { ContentFeature } from '../types';
import { timersFeature } from '../timers/content';
import { draftFeature } from '../draft/content';
import { repliesFeature } from '../replies/content';
import { testFeatures } from '../crash-test/registry';

/**
 * The features with a sidebar panel, in display order: one line per feature. They run in the sidebar's
 * frame (entrypoints/sidebar), fed by the page through the bridge (utils/frame); the features without a
 * panel run in the content script (./page.ts). The test-only feature is built in only when the build sets
 * IP_TEST_FEATURE=1 (wxt.config.ts); the shipped build has none.
 */
export const sidebarFeatures: ContentFeature[] = [timersFeature, repliesFeature, draftFeature, ...testFeatures];

import type { ContentFeature } from '../types';
import { statsFeature } from '../stats/content';
import { syncFeature } from '../sync/content';

/**
 * The features without a sidebar panel, which run in the content script beside the page's reader: stats
 * recording must see the page's last events as the page goes away (its outbox is written on `pagehide`),
 * and the sync heartbeat follows the tab.
 */
export const pageFeatures: ContentFeature[] = [statsFeature, syncFeature];
// The sidebar frame names them from ./page-metas.ts (without their code): the two lists must agree.

import type { SidebarFeature } from './types';
import { timersFeature } from './timers';
import { draftFeature } from './draft';
import { repliesFeature } from './replies';

/** The sidebar's features, in display order. */
export const sidebarFeatures: SidebarFeature[] = [timersFeature, repliesFeature, draftFeature];

import type { SidebarFeature } from '../types';
import { timersFeature } from '../timers/content';
import { draftFeature } from '../draft/content';
import { repliesFeature } from '../replies/content';

/** The sidebar's features, in display order. */
export const sidebarFeatures: SidebarFeature[] = [timersFeature, repliesFeature, draftFeature];

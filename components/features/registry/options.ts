import type { ComponentType } from 'preact';
import type { FeatureMeta } from '../types';
import { timersMeta } from '../timers/feature';
import { draftMeta } from '../draft/feature';
import { repliesMeta } from '../replies/feature';
import { statsMeta } from '../stats/feature';
import { TimersSection } from '../timers/options';
import { DraftSection } from '../draft/options';
import { RepliesSection } from '../replies/options';
import { DataSection } from '../stats/options';
import { syncMeta } from '../sync/feature';
import { SyncSection } from '../sync/options';

export interface OptionsPart {
  meta: FeatureMeta;
  Section: ComponentType;
}

/** The options page's feature sections, in page order: one line per feature. */
export const optionsParts: OptionsPart[] = [
  { meta: timersMeta, Section: TimersSection },
  { meta: draftMeta, Section: DraftSection },
  { meta: repliesMeta, Section: RepliesSection },
  { meta: statsMeta, Section: DataSection },
  { meta: syncMeta, Section: SyncSection },
];

import { messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';
import { statsStrings } from './strings';

const t = messagesFor(statsStrings);

/** Response stats: the content script forwards reply events, the worker records them, the popup shows them. */
export const statsMeta: FeatureMeta = { id: 'stats', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

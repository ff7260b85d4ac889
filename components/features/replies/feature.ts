import { messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';
import { repliesPanelMessages } from './strings';

const t = messagesFor(repliesPanelMessages);

/** Saved replies: suggestions for the open conversation, library search, insertion (never sends). */
export const repliesMeta: FeatureMeta = { id: 'replies', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

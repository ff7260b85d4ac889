import { messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';
import { draftPanelMessages } from './strings';

const t = messagesFor(draftPanelMessages);

/** Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends). */
export const draftMeta: FeatureMeta = { id: 'draft', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

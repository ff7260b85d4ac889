import { defineMessages, messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';

// The feature's name only: its panel's strings are in its lazy chunk (utils/lazy/chunks.ts).
const t = messagesFor(
  defineMessages({
    en: { switchLabel: 'Saved-reply suggestions', title: 'Saved replies' },
    fr: { switchLabel: 'Suggestions de réponses enregistrées', title: 'Réponses enregistrées' },
  }),
);

/** Saved replies: suggestions for the open conversation, library search, insertion (never sends). */
export const repliesMeta: FeatureMeta = { id: 'replies', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

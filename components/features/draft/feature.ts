import { defineMessages, messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';

// The feature's name only: its panel's strings are in its lazy chunk (utils/lazy/chunks.ts).
const t = messagesFor(
  defineMessages({
    en: { switchLabel: 'Draft checks', title: 'Your draft' },
    fr: { switchLabel: 'Vérifications du brouillon', title: 'Votre brouillon' },
  }),
);

/** Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends). */
export const draftMeta: FeatureMeta = { id: 'draft', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

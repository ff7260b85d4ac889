import { defineMessages, messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';

// The feature's name only: its panel's strings are in its lazy chunk (utils/lazy/chunks.ts).
const t = messagesFor(
  defineMessages({
    en: { switchLabel: 'Reply timers', title: 'Waiting for a reply' },
    fr: { switchLabel: 'Minuteurs de réponse', title: 'En attente de réponse' },
  }),
);

/** Reply timers: who is waiting, for how long, against the target (issue 4). */
export const timersMeta: FeatureMeta = { id: 'timers', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

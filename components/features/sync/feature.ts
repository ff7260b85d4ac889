import { defineMessages, messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';

/** The feature's name (also the options section's title); the status line's strings are in the footer's lazy chunk. */
export const syncTitleStrings = defineMessages({
  en: { title: 'Team sync' },
  fr: { title: 'Synchronisation d\u2019équipe' },
});
const t = messagesFor(syncTitleStrings);

/** Team sync: opt-in by connecting a team server in the options, so no on/off switch of its own (Disconnect stops it). */
export const syncMeta: FeatureMeta = { id: 'sync', title: () => t.value.title, switchLabel: () => t.value.title, switchable: false, defaultOn: true };

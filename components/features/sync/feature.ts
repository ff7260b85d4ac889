import { messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';
import { syncStatusStrings } from './strings';

const t = messagesFor(syncStatusStrings);

/** Team sync: opt-in by connecting a team server in the options, so no on/off switch of its own (Disconnect stops it). */
export const syncMeta: FeatureMeta = { id: 'sync', title: () => t.value.title, switchLabel: () => t.value.title, switchable: false, defaultOn: true };

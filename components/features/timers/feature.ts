import { messagesFor } from '../../../utils/i18n';
import type { FeatureMeta } from '../types';
import { timerMessages } from './strings';

const t = messagesFor(timerMessages);

/** Reply timers: who is waiting, for how long, against the target (issue 4). */
export const timersMeta: FeatureMeta = { id: 'timers', title: () => t.value.title, switchLabel: () => t.value.switchLabel, switchable: true, defaultOn: true };

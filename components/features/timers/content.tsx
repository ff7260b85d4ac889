import { computed } from '@preact/signals';
import { messagesFor } from '../../../utils/i18n';
import type { SidebarFeature } from '../types';
import { createTimersController } from './controller';
import { timerMessages } from './strings';
import { TimersPanel } from './TimersPanel';
import './style.css';

const t = messagesFor(timerMessages);

/** Reply timers: who is waiting, for how long, against the target (issue 4). */
export const timersFeature: SidebarFeature = {
  id: 'timers',
  title: () => t.value.title,
  async init(env) {
    const controller = await createTimersController(env);
    const health = computed(() => env.inbox.snapshot.value.health);
    const targetMinutes = computed(() => env.general.value.targetMinutes);
    return {
      Panel: () => (
        <TimersPanel views={controller.views} now={controller.clock} health={health} today={controller.today} targetMinutes={targetMinutes} open={controller.open} />
      ),
    };
  },
};

import { computed } from '@preact/signals';
import type { ContentFeature } from '../types';
import { createTimersController } from './controller';
import { timersMeta } from './feature';
import { TimersPanel } from './TimersPanel';
import './style.css';

/** Reply timers: who is waiting, for how long, against the target (issue 4). */
export const timersFeature: ContentFeature = {
  meta: timersMeta,
  async start(env) {
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

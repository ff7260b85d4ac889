import { computed } from '@preact/signals';
import type { ContentFeature } from '../types';
import { createTimersController } from './controller';
import { timersMeta } from './feature';
import { TimersPanel } from './TimersPanel';
import { createTicker } from './ticker';
import './style.css';

/** Reply timers: who is waiting, for how long, against the target (issue 4). */
export const timersFeature: ContentFeature = {
  meta: timersMeta,
  async start(env) {
    const controller = await createTimersController(env);
    const health = computed(() => env.inbox.snapshot.value.health);
    const targetMinutes = computed(() => env.general.value.targetMinutes);
    // The rows' figures by key, and the one clock effect for the rows in view: under the feature's scope.
    const byKey = computed(() => new Map(controller.views.value.map((v) => [v.key, v])));
    const ticker = createTicker(env.scope, byKey, controller.clock, env.wakeAt);
    return {
      Panel: () => (
        <TimersPanel
          views={controller.views}
          now={controller.clock}
          ticker={ticker}
          health={health}
          today={controller.today}
          targetMinutes={targetMinutes}
          open={controller.open}
        />
      ),
    };
  },
};

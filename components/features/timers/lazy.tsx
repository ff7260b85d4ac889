import { computed } from '@preact/signals';
import type { ContentFeature } from '../types';
import { createTimersController } from './controller';
import { TimersPanel } from './TimersPanel';
import { createTicker } from './ticker';

/** Reply timers' lazy chunk (utils/lazy/chunks.ts): the controller, the ticker and the panel, loaded when the feature starts. */
export const start: ContentFeature['start'] = async (env) => {
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
};

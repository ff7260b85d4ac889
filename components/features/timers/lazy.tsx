import { computed } from '@preact/signals';
import type { ContentFeature } from '../types';
import { createTimersController } from './controller';
import { TimersPanel } from './TimersPanel';
import { createTicker, viewsByKey } from './ticker';
import { drawnEvery } from './drawn';
import css from './style.css?inline';

/**
 * Reply timers' lazy chunk (utils/lazy/chunks.ts): the controller, the ticker and the panel, loaded when the
 * feature starts. The panel's styles come with it (a <style> in the sidebar's document applies to all of it), so the
 * script every inbox page parses does not carry them.
 */
export const start: ContentFeature['start'] = async (env) => {
  const controller = await createTimersController(env);
  const health = computed(() => env.inbox.snapshot.value.health);
  const targetMinutes = computed(() => env.general.value.targetMinutes);
  // The list as drawn (at most once a second, drawn.ts); the badge and warnings follow controller.views.
  const views = drawnEvery(controller.views, env.scope);
  // The rows' figures by key, and the one clock effect for the rows shown: under the feature's scope.
  const byKey = viewsByKey(views);
  const ticker = createTicker(env.scope, byKey, controller.clock, env.wakeAt);
  return {
    Panel: () => (
      <>
        <style>{css}</style>
        <TimersPanel
          views={views}
          now={controller.clock}
          ticker={ticker}
          health={health}
          today={controller.today}
          targetMinutes={targetMinutes}
          open={controller.open}
        />
      </>
    ),
  };
};

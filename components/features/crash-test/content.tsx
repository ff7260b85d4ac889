import type { ContentFeature } from '../types';
import { crashTestMeta } from './feature';

/** Counters the tests read through `globalThis.__inboxPilotCrashTest` (isolated world only). */
export const crashTestState = { snapshots: 0, renders: 0, messages: 0, wakes: 0 };

export interface CrashTestOptions {
  /** Which parts throw (all by default). */
  effect?: boolean;
  panel?: boolean;
  message?: boolean;
  /**
   * Issue 14's proof that the idle figure can fail: a 100-ms interval doing about `wakerWorkMs` of work
   * (scripts/bench/extension-cost.mjs with BENCH_IDLE_WAKER=1 must then report over 0.1 ms/s).
   */
  wakerWorkMs?: number;
}

/** Builds the failing feature; the unit tests pick which parts fail. */
export function crashTestFeature(opts: CrashTestOptions = {}): ContentFeature {
  const { effect = true, panel = true, message = true, wakerWorkMs } = opts;
  return {
    meta: crashTestMeta,
    start({ scope, inbox }) {
      (globalThis as Record<string, unknown>).__inboxPilotCrashTest = crashTestState;
      let seen = 0;
      if (wakerWorkMs !== undefined) {
        scope.interval(() => {
          const until = performance.now() + wakerWorkMs;
          while (performance.now() < until) crashTestState.wakes++;
        }, 100);
      }
      scope.effect(() => {
        void inbox.snapshot.value;
        crashTestState.snapshots = ++seen;
        if (effect && seen === 3) throw new Error('crash-test: effect failed on the third snapshot');
      });
      scope.onMessage({
        'crash-test:boom': () => {
          crashTestState.messages++;
          if (message) throw new Error('crash-test: message handler failed');
          return { ok: true };
        },
      });
      return {
        Panel: () => {
          crashTestState.renders++;
          if (panel) throw new Error('crash-test: panel failed to render');
          return <p data-testid="crash-test-panel">crash test</p>;
        },
      };
    },
  };
}

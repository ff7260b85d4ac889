import { signal, type ReadonlySignal } from '@preact/signals';
import { createScope } from '../../../utils/lifecycle/scope';
import type { FeatureEnv } from '../../../components/features/types';
import type { InboxEvent, InboxSnapshot, InboxSource } from '../../../utils/inbox/types';
import { DEFAULT_GENERAL_SETTINGS } from '../../../utils/settings/general';
import { snapshot } from './fixtures';

/** A fake InboxSource and feature env: signals the test drives, calls it records. */
export function fakeEnv(start: number, initial: InboxSnapshot = snapshot([], start)) {
  const abort = new AbortController();
  const listeners = new Set<(e: InboxEvent) => void>();
  const opened: string[] = [];
  const snap = signal(initial);
  const inbox: InboxSource = {
    snapshot: snap,
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
    openConversation: (key) => (opened.push(key), key !== 'unopenable'),
    insertText: async () => ({ ok: false, reason: 'no-composer' }),
  };
  const scope = createScope({ id: 'timers', parent: abort.signal });
  const now = signal(start);
  const general = signal({ ...DEFAULT_GENERAL_SETTINGS, agentName: 'Marie' });
  /** What the features asked the clock for (the test moves `now` itself). */
  const wakes = new Set<ReadonlySignal<number>>();
  const wakeAt = (at: ReadonlySignal<number>) => (wakes.add(at), () => void wakes.delete(at));
  const env: FeatureEnv = { scope, inbox, now, general, wakeAt };
  return {
    env,
    snap,
    now,
    general,
    /** The instant the clock would next move at. */
    nextWake: () => Math.min(...[...wakes].map((w) => w.value)),
    opened,
    emit: (e: InboxEvent) => listeners.forEach((l) => l(e)),
    listenerCount: () => listeners.size,
    dispose: () => {
      abort.abort();
    },
  };
}

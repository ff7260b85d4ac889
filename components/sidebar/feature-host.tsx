import type { ComponentType } from 'preact';
import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import { createScope, type Scope } from '../../utils/lifecycle/scope';
import { isFeatureOn, type FeatureSwitches } from '../../utils/settings/features';
import type { ContentFeature, FeatureEnv } from '../features/types';

/** One running feature as the sidebar shows it. Features without a panel have no section. */
export interface FeatureSlot {
  id: string;
  title: () => string;
  state: 'starting' | 'running' | 'failed';
  Panel: ComponentType | null;
  /** Marks the feature failed (its panel threw while rendering). */
  fail(error: unknown): void;
  /** Starts the feature again in a fresh scope. */
  retry(): void;
}

export interface FeatureHost {
  /** The features that are on, in registry order (those switched off are absent). */
  slots: ReadonlySignal<FeatureSlot[]>;
  /** Resolves once every feature that is on has started or failed. */
  ready: Promise<void>;
}

/**
 * Runs each feature in its own scope (a child of the session's context): starts the ones switched
 * on, stops the ones switched off (their scope is aborted: no observer work, listener or timer is
 * left), and isolates failures. A feature that throws while starting, in one of its scope's
 * helpers, or while its panel renders is marked failed alone; the others go on.
 */
export function startFeatureHost(
  parent: AbortSignal,
  features: ContentFeature[],
  env: Omit<FeatureEnv, 'scope'>,
  switches: ReadonlySignal<FeatureSwitches>,
): FeatureHost {
  const running = new Map<string, { scope: Scope; slot: ReturnType<typeof signal<FeatureSlot>> }>();
  const slots = signal<FeatureSlot[]>([]);
  const publish = () => {
    slots.value = features.flatMap((f) => {
      const slot = running.get(f.meta.id)?.slot.peek();
      return slot ? [slot] : [];
    });
  };

  function start(feature: ContentFeature): Promise<void> {
    const { meta } = feature;
    const slot = signal<FeatureSlot>(null as unknown as FeatureSlot);
    const setState = (state: FeatureSlot['state'], Panel: ComponentType | null = slot.peek()?.Panel ?? null) => {
      slot.value = { id: meta.id, title: meta.title, state, Panel, fail: (e) => scope.fail(e), retry: () => restart(feature) };
      publish();
    };
    const scope = createScope({ id: meta.id, parent, onFail: () => setState('failed') });
    running.set(meta.id, { scope, slot });
    setState('starting');
    return (async () => {
      try {
        const part = await feature.start({ ...env, scope });
        if (scope.isInvalid) return;
        setState('running', part?.Panel ?? null);
      } catch (error) {
        scope.fail(error);
      }
    })();
  }

  function stop(id: string) {
    const r = running.get(id);
    if (!r) return;
    running.delete(id);
    r.scope.dispose();
    publish();
  }

  function restart(feature: ContentFeature) {
    if (parent.aborted) return;
    batch(() => {
      stop(feature.meta.id);
      void start(feature);
    });
  }

  let first: Promise<void>[] | null = [];
  const dispose = effect(() => {
    const on = switches.value;
    for (const f of features) {
      const wanted = isFeatureOn(on, f.meta);
      if (wanted && !running.has(f.meta.id)) first ? first.push(start(f)) : void start(f);
      if (!wanted && running.has(f.meta.id)) stop(f.meta.id);
    }
  });
  const ready = Promise.all(first).then(() => undefined);
  first = null;
  parent.addEventListener(
    'abort',
    () => {
      dispose();
      running.clear();
    },
    { once: true },
  );
  return { slots, ready };
}

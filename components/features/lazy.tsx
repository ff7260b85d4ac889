import type { ComponentType } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { signal, type ReadonlySignal } from '@preact/signals';
import { loadChunk } from '../../utils/lazy/load';
import type { LazyChunk } from '../../utils/lazy/chunks';
import type { ContentFeature, FeatureEnv, FeatureMeta } from './types';

import { chunkFeature, type LazyFeaturePart } from './chunk-feature';

export type { LazyFeaturePart } from './chunk-feature';

/** Props of a feature's stand-in: what its section shows until the chunk is needed. */
export interface StandinProps {
  env: FeatureEnv;
  /** Loads the chunk now (the agent reached for the section). */
  load: () => void;
}

/**
 * When a lazy feature is first needed (issue 14: not at start-up). `needed` is read in an effect of the
 * feature's scope: the chunk loads the first time it is true, or when the stand-in calls `load`.
 */
export interface FirstUse {
  needed: (env: FeatureEnv) => boolean;
  Standin: ComponentType<StandinProps>;
}

const NoPanel = () => null;

/**
 * The section of a feature loaded on first use: the stand-in, then the feature's panel. If the agent was in
 * the stand-in's field when the panel arrived (the focus that loaded it), the panel's first field takes the
 * focus and what was typed.
 */
function FirstUsePanel({ loaded, Standin, env, load }: StandinProps & { loaded: ReadonlySignal<ComponentType | null>; Standin: ComponentType<StandinProps> }) {
  const box = useRef<HTMLDivElement>(null);
  const carry = useRef<{ value: string } | null>(null);
  const Loaded = loaded.value;
  if (Loaded && !carry.current && box.current) {
    const active = (box.current.getRootNode() as Document | ShadowRoot).activeElement;
    if (active instanceof HTMLInputElement && box.current.contains(active)) carry.current = { value: active.value };
  }
  useLayoutEffect(() => {
    // Our own section's first field (the sidebar's frame; never Meta's DOM).
    const field = carry.current && box.current?.getElementsByTagName('input')[0];
    if (!Loaded || !field || !carry.current) return;
    field.focus();
    if (carry.current.value) {
      field.value = carry.current.value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    carry.current = { value: '' };
  }, [Loaded]);
  return (
    <div ref={box} style="display: contents">
      {Loaded ? <Loaded /> : <Standin env={env} load={load} />}
    </div>
  );
}

/**
 * A feature whose code is a lazy chunk (issue 14): its meta ships in the content script, its state and
 * panel load when it starts or, with `firstUse`, when it is first needed (its stand-in shows until then).
 * A chunk that cannot load fails the feature (start rejects, or its scope fails later), so the sidebar shows
 * that feature failed (with Retry) and the others run on (components/sidebar/feature-host.tsx).
 */
export function lazyFeature(meta: FeatureMeta, chunk: LazyChunk, firstUse?: FirstUse): ContentFeature {
  return {
    meta,
    async start(env) {
      if (!firstUse) return chunkFeature(meta, chunk).start(env);
      const loaded = signal<ComponentType | null>(null);
      let asked = false;
      const load = () => {
        if (asked || env.scope.isInvalid) return;
        asked = true;
        loadChunk<LazyFeaturePart>(chunk)
          .then((part) => part.start(env))
          .then(
            (part) => {
              if (!env.scope.isInvalid) loaded.value = part?.Panel ?? NoPanel;
            },
            (error) => env.scope.fail(error),
          );
      };
      env.scope.effect(() => {
        if (!asked && firstUse.needed(env)) load();
      });
      const { Standin } = firstUse;
      return { Panel: () => <FirstUsePanel loaded={loaded} Standin={Standin} env={env} load={load} /> };
    },
  };
}

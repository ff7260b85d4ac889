import type { ComponentType } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import type { InboxSource } from '../../utils/inbox/types';
import type { GeneralSettings } from '../../utils/settings/general';
import type { Scope } from '../../utils/lifecycle/scope';

/**
 * What every feature declares in `feature.ts`, read by every context (content, worker, options, popup):
 * tiny, no heavy imports.
 */
export interface FeatureMeta {
  /** One name per feature across all folders: components/features/<id>/, utils/<id>/, '<id>:<verb>' messages. */
  id: string;
  /** Section title in the current UI language. */
  title: () => string;
  /** The options page's on/off label. */
  switchLabel: () => string;
  /** Whether the options page offers an on/off switch, and the default. A feature that is off registers nothing. */
  switchable: boolean;
  defaultOn: boolean;
}

/**
 * What a feature's content part receives. Everything it starts goes through `scope` (the one way to
 * bind a lifecycle, utils/lifecycle/scope.ts): effects, timers, listeners, message handlers.
 */
export interface FeatureEnv {
  scope: Scope;
  inbox: InboxSource;
  /** The shared clock: moves only when a consumer asked it to (`wakeAt`), while the tab is visible (utils/clock.ts). */
  now: ReadonlySignal<number>;
  /** Asks the shared clock to move at the instant `at` holds (+Infinity: never); returns the release. */
  wakeAt(at: ReadonlySignal<number>): () => void;
  general: ReadonlySignal<GeneralSettings>;
}

/** A feature's content part (`content.tsx`): its sidebar panel, if it has one, and its controller. */
export interface ContentFeature {
  meta: FeatureMeta;
  start(env: FeatureEnv): { Panel?: ComponentType } | void | Promise<{ Panel?: ComponentType } | void>;
}

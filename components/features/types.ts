import type { ComponentType } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { InboxSource } from '../../utils/inbox/types';
import type { GeneralSettings } from '../../utils/settings/general';

/** What every sidebar feature receives. Listeners must be bound to `ctx` (ctx.signal / ctx.addEventListener). */
export interface FeatureEnv {
  ctx: ContentScriptContext;
  inbox: InboxSource;
  /** The shared clock: ticks once a second while the tab is visible. */
  now: ReadonlySignal<number>;
  general: ReadonlySignal<GeneralSettings>;
}

/**
 * One feature of the sidebar, refined-github style: same shape for all, one
 * file each under components/features/. A feature whose init throws (or whose
 * part of the page is missing) degrades alone: the others keep working.
 */
export interface SidebarFeature {
  id: 'timers' | 'draft' | 'replies';
  /** Section title in the current UI language. */
  title: () => string;
  init(env: FeatureEnv): { Panel: ComponentType } | Promise<{ Panel: ComponentType }>;
}

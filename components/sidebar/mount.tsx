import { render } from 'preact';
import { signal, computed } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createClock } from '../../utils/clock';
import { createScope } from '../../utils/lifecycle/scope';
import { locationWatcher } from '../../utils/lifecycle/location';
import { resolveLocale, uiLocale } from '../../utils/i18n';
import { createInboxSource } from '../../utils/inbox/live';
import { watchHostTheme } from '../../utils/inbox/theme';
import { loadChunk } from '../../utils/lazy/load';
import { onMessages } from '../../utils/messaging';
import { isInboxUrl } from '../../utils/inbox/url';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, sidebarCollapsed, tourDone } from '../../utils/settings/general';
import { liveItem } from '../../utils/settings/live';
import { featureSwitches } from '../../utils/settings/features';
import type { ContentFeature } from '../features/types';
import { startFeatureHost } from './feature-host';
import { Sidebar } from './Sidebar';
import { reservePageSpace } from './reserve-space';

/** Width of the open sidebar; the page is narrowed by as much so Meta's composer and Send stay uncovered. */
export const SIDEBAR_WIDTH = 320;

/** The layout report of this page, from its lazy chunk (utils/lazy/chunks.ts): only built when asked for. */
async function pageLayoutReport(): Promise<string> {
  const { layoutReport } = await loadChunk<typeof import('../../utils/inbox/layout-report')>('layout-report');
  return layoutReport(document, location.href, Date.now());
}

/** The layout report to the clipboard (a click is the user gesture the clipboard needs). */
async function copyLayoutReport(): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(await pageLayoutReport());
    return true;
  } catch (error) {
    console.warn('[Inbox Pilot] could not copy the layout report', error);
    return false;
  }
}

/** Wires the sidebar into the inbox page. Everything is bound to `ctx` and torn down with it. */
export async function mountSidebar(ctx: ContentScriptContext, features: ContentFeature[]) {
  const general = liveItem(generalSettings, DEFAULT_GENERAL_SETTINGS, ctx.signal);
  const collapsed = liveItem(sidebarCollapsed, false, ctx.signal);
  const tour = liveItem(tourDone, false, ctx.signal);
  const switches = liveItem(featureSwitches, {}, ctx.signal);
  await Promise.all([general.ready, collapsed.ready, tour.ready, switches.ready]);
  // The agent may have left the inbox while settings loaded: nothing to start.
  if (ctx.signal.aborted) return null;
  const showTour = computed(() => !tour.value);
  // The shell's own effects go through a scope like a feature's (issue 12): one way to bind a lifecycle.
  const shell = createScope({ id: 'sidebar', parent: ctx.signal });
  shell.effect(() => void (uiLocale.value = resolveLocale(general.value.language)));

  const inbox = createInboxSource(ctx, { agentName: () => general.value.agentName || null });
  const clock = createClock(ctx.signal);
  const health = computed(() => inbox.snapshot.value.health);
  const started = signal(false);
  const onInbox = signal(isInboxUrl(location.href));
  // Dark when Business Suite is dark, else as the browser prefers (README "Dark mode").
  const hostDark = signal(false);
  const prefersDark = signal(false);
  watchHostTheme(document, (dark) => (hostDark.value = dark), ctx.signal);
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (scheme) {
    prefersDark.value = scheme.matches;
    scheme.addEventListener('change', () => (prefersDark.value = scheme.matches), { signal: ctx.signal });
  }
  const dark = computed(() => hostDark.value || prefersDark.value);
  // The content script's one URL watcher (no 1-s poll in Chromium), not WXT's per-context one.
  locationWatcher().subscribe(ctx.signal, (url) => void (onInbox.value = isInboxUrl(url.href)));

  const ui = await createShadowRootUi(ctx, {
    name: 'inbox-pilot-sidebar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Closed (issue 16): page scripts must not read saved replies from it or click its buttons.
    mode: 'closed',
    isolateEvents: true,
    onMount(container) {
      const app = document.createElement('div');
      container.append(app);
      render(
        <Sidebar
          collapsed={collapsed}
          health={health}
          features={host.slots}
          started={started}
          dark={dark}
          showTour={showTour}
          onTourDone={() => void tourDone.setValue(true).catch(() => undefined)}
          onToggle={() => void sidebarCollapsed.setValue(!collapsed.value).catch(() => undefined)}
          onCopyReport={copyLayoutReport}
        />,
        app,
      );
      return app;
    },
    onRemove(app) {
      if (app) render(null, app);
    },
  });

  if (ctx.signal.aborted) {
    ui.remove();
    return null;
  }

  // Each feature in its own scope, started or stopped as the options switch it (components/sidebar/feature-host.tsx).
  // Started once the sidebar's UI is made (its stylesheet fetched): the features' lazy chunks do not queue before it.
  const host = startFeatureHost(ctx.signal, features, { inbox, now: clock.now, wakeAt: clock.wakeAt, general }, switches);

  // Our own handle on the closed root, in the content script's isolated world (which the page
  // cannot reach): the e2e harness finds the sidebar through it (tests/e2e/sidebar-locator.mjs).
  (globalThis as Record<string, unknown>).__inboxPilotSidebarRoot = ui.shadow;

  shell.effect(() => {
    const visible = onInbox.value;
    if (visible && !ui.mounted) ui.mount();
    if (!visible && ui.mounted) ui.remove();
  });
  reservePageSpace(shell, () => onInbox.value && !collapsed.value, SIDEBAR_WIDTH);

  // The options page asks the open inbox tab for its layout report (only extension pages can message a content script).
  onMessages({ 'inbox:layout-report': async () => ({ report: await pageLayoutReport() }) }, ctx.signal);

  await host.ready;
  if (ctx.signal.aborted) return null;
  started.value = true;
  return { inbox, ui };
}

import { render } from 'preact';
import { signal as newSignal, computed } from '@preact/signals';
import { createClock } from '../../utils/clock';
import { createScope } from '../../utils/lifecycle/scope';
import { resolveLocale, uiLocale } from '../../utils/i18n';
import type { PageBridge } from '../../utils/frame/remote';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, sidebarCollapsed, tourDone } from '../../utils/settings/general';
import { liveItem } from '../../utils/settings/live';
import { featureSwitches } from '../../utils/settings/features';
import type { ContentFeature, FeatureMeta } from '../features/types';
import { startFeatureHost, type FeatureSlot } from './feature-host';
import { COLLAPSED_CLASS, Sidebar } from './Sidebar';

/** The user-timing mark the frame sets once it has drawn the sidebar. */
export const SIDEBAR_DRAWN_MARK = 'inbox-pilot:sidebar-drawn';

/** The layout report to the clipboard (the click in the sidebar is the user gesture the clipboard needs). */
async function copyText(text: Promise<string>): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(await text);
    return true;
  } catch (error) {
    console.warn('[Inbox Pilot] could not copy the layout report', error);
    return false;
  }
}

/**
 * The content script's features (no panel) as sidebar slots: a section shows only for one that failed,
 * whose Retry starts it again in the page.
 */
function pageSlots(bridge: PageBridge, metas: FeatureMeta[]) {
  return computed<FeatureSlot[]>(() =>
    bridge.pageFeatures.value.flatMap(({ id, state }) => {
      const meta = metas.find((m) => m.id === id);
      return meta ? [{ id, title: meta.title, state, Panel: null, fail: () => undefined, retry: () => bridge.retryPageFeature(id) }] : [];
    }),
  );
}

/**
 * The sidebar, in its frame (entrypoints/sidebar): the features that have a panel, fed by the page through
 * `bridge` (utils/frame/remote.ts), drawn into `container`, and a section for a feature of the content
 * script's (`pageMetas`) that failed. Everything is bound to `signal`.
 */
export async function mountSidebar(signal: AbortSignal, features: ContentFeature[], pageMetas: FeatureMeta[], bridge: PageBridge, container: HTMLElement) {
  const general = liveItem(generalSettings, DEFAULT_GENERAL_SETTINGS, signal);
  const collapsed = liveItem(sidebarCollapsed, false, signal);
  const tour = liveItem(tourDone, false, signal);
  const switches = liveItem(featureSwitches, {}, signal);
  await Promise.all([general.ready, collapsed.ready, tour.ready, switches.ready]);
  if (signal.aborted) return null;
  const showTour = computed(() => !tour.value);
  const shell = createScope({ id: 'sidebar', parent: signal });
  shell.effect(() => void (uiLocale.value = resolveLocale(general.value.language)));

  const { inbox } = bridge;
  const clock = createClock(signal);
  const health = computed(() => inbox.snapshot.value.health);
  const started = newSignal(false);
  // Dark when Business Suite is dark, else as the browser prefers (README "Dark mode").
  const prefersDark = newSignal(false);
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (scheme) {
    prefersDark.value = scheme.matches;
    scheme.addEventListener('change', () => (prefersDark.value = scheme.matches), { signal });
  }
  const dark = computed(() => bridge.hostDark.value || prefersDark.value);

  const host = startFeatureHost(signal, features, { inbox, now: clock.now, wakeAt: clock.wakeAt, general }, switches);
  const fromPage = pageSlots(bridge, pageMetas);
  const slots = computed(() => [...host.slots.value, ...fromPage.value]);
  render(
    <Sidebar
      collapsed={collapsed}
      health={health}
      features={slots}
      started={started}
      dark={dark}
      showTour={showTour}
      onTourDone={() => void tourDone.setValue(true).catch(() => undefined)}
      onToggle={() => void sidebarCollapsed.setValue(!collapsed.value).catch(() => undefined)}
      onCopyReport={() => copyText(bridge.layoutReport())}
    />,
    container,
  );
  signal.addEventListener('abort', () => render(null, container), { once: true });
  // When the sidebar was first drawn, for the start-up bench (scripts/bench/extension-cost.mjs): a user-timing mark.
  performance.mark(SIDEBAR_DRAWN_MARK);

  // The page sizes the frame to the sidebar: the whole height when open, the collapsed tab's box otherwise.
  const aside = () => container.firstElementChild;
  // What is drawn, not the setting: the page sizes the frame to what the sidebar shows.
  const report = () => {
    const el = aside();
    if (el) bridge.reportSize({ collapsed: el.classList.contains(COLLAPSED_CLASS), height: Math.ceil(el.getBoundingClientRect().height) });
  };
  const sizes = new ResizeObserver(report);
  const observed = aside();
  if (observed) sizes.observe(observed);
  // After the sidebar drew the change (the resize observer also reports, when the size changes).
  shell.effect(() => {
    void collapsed.value;
    requestAnimationFrame(report);
  });
  signal.addEventListener('abort', () => sizes.disconnect(), { once: true });

  await host.ready;
  if (signal.aborted) return null;
  started.value = true;
  return { inbox };
}

import { batch, computed, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClock } from '../../utils/clock';
import { locationWatcher } from '../../utils/lifecycle/location';
import { createScope } from '../../utils/lifecycle/scope';
import { createInboxSource } from '../../utils/inbox/live';
import { watchHostTheme } from '../../utils/inbox/theme';
import { isInboxUrl } from '../../utils/inbox/url';
import { loadChunk } from '../../utils/lazy/load';
import { onMessages } from '../../utils/messaging';
import type { Envelope, MessageType } from '../../utils/messaging/protocol';
import { BRIDGE_HELLO, type BridgeHello } from '../../utils/frame/protocol';
import { serveInbox, type Served } from '../../utils/frame/serve';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, sidebarCollapsed } from '../../utils/settings/general';
import { liveItem } from '../../utils/settings/live';
import { featureSwitches } from '../../utils/settings/features';
import type { ContentFeature } from '../features/types';
import { startFeatureHost } from './feature-host';
import { reservePageSpace } from './reserve-space';
import { COLLAPSED_WIDTH, SIDEBAR_WIDTH } from './sizes';

/**
 * The messages sent to this tab that the content script answers itself. Every other message sent to the tab
 * (a content script hears no other kind) goes to the sidebar's features, in the frame.
 */
const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['inbox:layout-report']);

/** The layout report of this page, from its lazy chunk (utils/lazy/chunks.ts): only built when asked for. */
async function pageLayoutReport(): Promise<string> {
  const { layoutReport } = await loadChunk<typeof import('../../utils/inbox/layout-report')>('layout-report');
  return layoutReport(document, location.href, Date.now());
}

/** A secret for the frame's URL: only this content script can hand the frame its port (utils/frame/protocol.ts). */
function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The origin of this extension's pages. Not the origin of `runtime.getURL`'s answer: in Chrome that URL has a
 * per-session id (use_dynamic_url, wxt.config.ts) and the page it loads has the extension's own id.
 */
function extensionOrigin(): string {
  const url = new URL(browser.runtime.getURL('/'));
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

/** The frame's box on the page: the whole height at the right edge when open, the tab's box when collapsed. */
export function frameStyle(collapsed: boolean, tabHeight: number, shown: boolean): string {
  const base = 'position:fixed;right:0;border:0;margin:0;padding:0;z-index:2147483000;background:transparent;color-scheme:normal;';
  if (!shown) return `${base}display:none;`;
  // Until the frame measured its tab, a tall enough box (the tab is about 110 px: an arrow and the vertical name).
  if (collapsed) return `${base}top:40%;height:${tabHeight > 0 ? tabHeight : 120}px;width:${COLLAPSED_WIDTH}px;`;
  return `${base}top:0;height:100vh;width:${SIDEBAR_WIDTH}px;`;
}

/**
 * The content script's part of the sidebar (issue 14): reads the page (utils/inbox), runs the features that
 * have no panel, and puts the sidebar's frame (an extension page, drawn in the extension's own process, so its
 * style, layout and paint never run on the inbox's main thread) at the right edge, in a closed shadow root.
 * The frame gets the inbox through one MessagePort (utils/frame). Everything is bound to `ctx`.
 */
export async function mountPageHost(ctx: ContentScriptContext, features: ContentFeature[]) {
  const general = liveItem(generalSettings, DEFAULT_GENERAL_SETTINGS, ctx.signal);
  const switches = liveItem(featureSwitches, {}, ctx.signal);
  const collapsed = liveItem(sidebarCollapsed, false, ctx.signal);
  await Promise.all([general.ready, switches.ready, collapsed.ready]);
  // The agent may have left the inbox while settings loaded: nothing to start.
  if (ctx.signal.aborted) return null;

  const inbox = createInboxSource(ctx, { agentName: () => general.value.agentName || null });
  const clock = createClock(ctx.signal);
  const onInbox = signal(isInboxUrl(location.href));
  locationWatcher().subscribe(ctx.signal, (url) => void (onInbox.value = isInboxUrl(url.href)));
  const hostDark = signal(false);
  watchHostTheme(document, (dark) => (hostDark.value = dark), ctx.signal);
  /** The collapsed tab's height, as the frame measured it. */
  const tabHeight = signal(0);
  /** Whether the sidebar is collapsed as the frame last drew it (null until it said): the frame's box follows what it shows. */
  const drawnCollapsed = signal<boolean | null>(null);
  const isCollapsed = computed(() => drawnCollapsed.value ?? collapsed.value);

  // The frame, in a closed shadow root (issue 16): page scripts can neither find it in the DOM nor read its URL.
  const hostEl = document.createElement('inbox-pilot-sidebar');
  const root = hostEl.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  const token = newToken();
  const params = new URLSearchParams({ t: token });
  if (import.meta.env.IP_TEST_FEATURE === '1') {
    // The test build's failing feature runs in the frame; the e2e spec chooses what fails in the page's storage.
    try {
      const mode = localStorage.getItem('inbox-pilot-crash-test');
      if (mode) params.set('crash', mode);
    } catch {
      /* no storage: the default */
    }
  }
  frame.src = `${browser.runtime.getURL('/sidebar.html')}#${params}`;
  frame.title = 'Inbox Pilot';
  frame.setAttribute('allow', 'clipboard-write');
  root.append(frame);
  const style = computed(() => frameStyle(isCollapsed.value, tabHeight.value, onInbox.value));
  const stopStyle = effect(() => frame.setAttribute('style', style.value));
  (document.body ?? document.documentElement).append(hostEl);

  // The features without a panel (stats, sync), in scopes of their own as in the sidebar; one that fails says
  // so in the sidebar (the frame shows its section, with Retry).
  const pageHost = startFeatureHost(ctx.signal, features, { inbox, now: clock.now, wakeAt: clock.wakeAt, general }, switches);
  const pageFeatures = computed(() => pageHost.slots.value.map((slot) => ({ id: slot.id, state: slot.state })));

  // Served on each load of the frame: a frame that loads again (reloaded after its process went away) gets a new port.
  let served: Served | null = null;
  let serving: AbortController | null = null;
  ctx.signal.addEventListener('abort', () => serving?.abort(), { once: true });
  frame.addEventListener(
    'load',
    () => {
      if (ctx.signal.aborted) return;
      serving?.abort();
      serving = new AbortController();
      const channel = new MessageChannel();
      served = serveInbox(channel.port1, inbox, {
        signal: serving.signal,
        hostDark,
        shown: onInbox,
        layoutReport: pageLayoutReport,
        pageFeatures,
        retryPageFeature: (id) => pageHost.slots.peek().find((slot) => slot.id === id)?.retry(),
        onSize: (s) =>
          batch(() => {
            drawnCollapsed.value = s.collapsed;
            if (s.collapsed) tabHeight.value = s.height;
          }),
      });
      const hello: BridgeHello = { type: BRIDGE_HELLO, token };
      // Only to this extension's own page: the port never reaches a document the frame was navigated to.
      frame.contentWindow?.postMessage(hello, extensionOrigin(), [channel.port2]);
    },
    { signal: ctx.signal },
  );

  // Messages sent to this tab for the sidebar go on to the frame, which answers them once.
  const forward = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const envelope = message as Envelope | null;
    if (!envelope || envelope.app !== 'inbox-pilot' || typeof envelope.type !== 'string' || PAGE_MESSAGES.has(envelope.type)) return undefined;
    const reply = served ? served.forward(envelope) : Promise.resolve(undefined);
    void reply.then((r) => {
      try {
        sendResponse(r);
      } catch {
        // The sender is gone.
      }
    });
    return true;
  };
  browser.runtime.onMessage.addListener(forward as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  const shell = createScope({ id: 'sidebar-host', parent: ctx.signal });
  reservePageSpace(shell, () => onInbox.value && !isCollapsed.value, SIDEBAR_WIDTH);

  // The options page asks the open inbox tab for its layout report (only extension pages can message a content script).
  onMessages({ 'inbox:layout-report': async () => ({ report: await pageLayoutReport() }) }, ctx.signal);

  // Our own handles, in the content script's isolated world (which the page cannot reach): the e2e harness
  // finds the frame through it (tests/e2e/sidebar-locator.mjs).
  (globalThis as Record<string, unknown>).__inboxPilotSidebarFrame = frame;

  ctx.onInvalidated(() => {
    stopStyle();
    browser.runtime.onMessage.removeListener(forward as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    hostEl.remove();
  });
  return { inbox, frame };
}

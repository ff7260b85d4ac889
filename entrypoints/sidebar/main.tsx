import { mountSidebar } from '../../components/sidebar/mount';
import { sidebarFeatures } from '../../components/features/registry/content';
import { pageFeatureMetas } from '../../components/features/registry/page-metas';
import { awaitPort, connectToPage } from '../../utils/frame/remote';
import { hearTabMessagesThrough } from '../../utils/messaging';
import { importChunksWith } from '../../utils/lazy/load';
import type { SidebarChunk } from '../../utils/lazy/chunks';
import { messagesFor } from '../../utils/i18n';
import { sidebarMessages } from '../../components/sidebar/strings';
import './sidebar.css';
import './frame.css';

// The sidebar's frame (issue 14): an extension page the content script puts beside the inbox
// (components/sidebar/page-host.ts). It draws the sidebar in the extension's own process and gets the inbox
// from the content script through one port (utils/frame), the only way in: its URL's token says which port.

/** The sidebar's lazy parts (utils/lazy/chunks.ts) as this page's own code-split imports (wxt.config.ts names their files). */
const CHUNKS: Record<SidebarChunk, () => Promise<unknown>> = {
  timers: () => import('../../components/features/timers/lazy'),
  draft: () => import('../../components/features/draft/lazy'),
  replies: () => import('../../components/features/replies/lazy'),
  'sidebar-parts': () => import('../../components/sidebar/parts'),
};
const isSidebarChunk = (name: string): name is SidebarChunk => name in CHUNKS;

/** How long the frame waits for the page's port before it says it could not reach the page (it keeps waiting). */
const CONNECT_WAIT_MS = 15_000;

const t = messagesFor(sidebarMessages);

/**
 * Says, in the sidebar's place, that it could not reach the page: never a blank strip beside the inbox. Plain
 * DOM: nothing else may have started.
 */
function showNotConnected(container: HTMLElement) {
  const aside = document.createElement('aside');
  aside.className = 'ip-sidebar';
  aside.setAttribute('aria-label', t.value.appName);
  const body = document.createElement('div');
  body.className = 'ip-body';
  const notice = document.createElement('p');
  notice.className = 'ip-notice ip-notice--error';
  notice.setAttribute('role', 'status');
  notice.dataset.testid = 'sidebar-not-connected';
  notice.textContent = t.value.notConnected;
  body.append(notice);
  aside.append(body);
  container.replaceChildren(aside);
}

async function start(container: HTMLElement) {
  importChunksWith((name) => (isSidebarChunk(name) ? CHUNKS[name]() : Promise.reject(new Error(`${name} is the content script's chunk`))));
  const done = new AbortController();
  addEventListener('pagehide', () => done.abort('frame left'), { once: true });
  const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';
  const late = setTimeout(() => showNotConnected(container), CONNECT_WAIT_MS);
  const port = await awaitPort(window, token, done.signal);
  const bridge = await connectToPage(port, done.signal);
  clearTimeout(late);
  container.replaceChildren();
  hearTabMessagesThrough(bridge.tabMessages);
  await mountSidebar(done.signal, sidebarFeatures, pageFeatureMetas, bridge, container);
}

const app = document.getElementById('app');
if (app) {
  start(app).catch((error) => {
    console.warn('[Inbox Pilot] the sidebar could not start', error);
    showNotConnected(app);
  });
}

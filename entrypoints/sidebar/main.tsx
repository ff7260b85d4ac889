import { mountSidebar } from '../../components/sidebar/mount';
import { sidebarFeatures } from '../../components/features/registry/content';
import { pageFeatureMetas } from '../../components/features/registry/page-metas';
import { awaitPort, connectToPage } from '../../utils/frame/remote';
import { hearTabMessagesThrough } from '../../utils/messaging';
import { importChunksWith } from '../../utils/lazy/load';
import type { SidebarChunk } from '../../utils/lazy/chunks';
import './sidebar.css';
import './frame.css';

/**
 * The sidebar's frame (issue 14): an extension page the content script puts beside the inbox
 * (components/sidebar/page-host.ts). It draws the sidebar in the extension's own process and gets the inbox
 * from the content script through one port (utils/frame), the only way in: its URL's token says which port.
 */
/** The sidebar's lazy parts (utils/lazy/chunks.ts) as this page's own code-split imports (wxt.config.ts names their files). */
const CHUNKS: Record<SidebarChunk, () => Promise<unknown>> = {
  timers: () => import('../../components/features/timers/lazy'),
  draft: () => import('../../components/features/draft/lazy'),
  replies: () => import('../../components/features/replies/lazy'),
  'sidebar-parts': () => import('../../components/sidebar/parts'),
};
const isSidebarChunk = (name: string): name is SidebarChunk => name in CHUNKS;

async function start() {
  importChunksWith((name) => (isSidebarChunk(name) ? CHUNKS[name]() : Promise.reject(new Error(`${name} is the content script's chunk`))));
  const done = new AbortController();
  addEventListener('pagehide', () => done.abort('frame left'), { once: true });
  const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';
  const port = await awaitPort(window, token, done.signal);
  const bridge = await connectToPage(port, done.signal);
  hearTabMessagesThrough(bridge.tabMessages);
  const container = document.getElementById('app');
  if (!container) throw new Error('no #app in sidebar.html');
  await mountSidebar(done.signal, sidebarFeatures, pageFeatureMetas, bridge, container);
}

start().catch((error) => console.warn('[Inbox Pilot] the sidebar could not start', error));

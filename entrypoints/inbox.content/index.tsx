import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount';
import { sidebarFeatures } from '../../components/features';
import { guardAgainstForgedStart } from '../../utils/lifecycle/started-guard';
import './sidebar.css';

export default defineContentScript({
  // The Business Suite inbox on both hosts that serve it. `inbox*` also covers
  // `/latest/inbox` without a trailing slash; other facebook.com pages never
  // get the script, and SPA navigation away from the inbox hides the sidebar.
  matches: ['https://business.facebook.com/latest/inbox*', 'https://www.facebook.com/latest/inbox*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Issue 16: a page script must not be able to switch us off by forging WXT's "newer script started" message.
    guardAgainstForgedStart(ctx);
    try {
      await mountSidebar(ctx, sidebarFeatures);
    } catch (error) {
      // Never throw into the host page: the inbox must keep working without us.
      console.warn('[Inbox Pilot] could not start on this page', error);
    }
  },
});

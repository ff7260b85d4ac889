import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPageHost } from '../../components/sidebar/page-host';
import { pageFeatures } from '../../components/features/registry/page';
import { CONTENT_MATCHES, createRouteSessions } from '../../utils/inbox/routes';
import { guardAgainstForgedStart } from '../../utils/lifecycle/started-guard';
import { locationWatcher } from '../../utils/lifecycle/location';
import { importChunksWith } from '../../utils/lazy/load';
import { importWebAccessible } from '../../utils/lazy/web-accessible';

export default defineContentScript({
  // Every Business Suite page of the inbox hosts (see utils/inbox/routes.ts for why, and why not
  // business.meta.com): agents arrive in the inbox without a reload. Outside the inbox the script
  // stays idle; entering the inbox starts a session (observer + sidebar frame), leaving ends it.
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Issue 16: a page script must not be able to switch us off by forging WXT's "newer script started" message.
    guardAgainstForgedStart(ctx);
    // Stats recording and the layout report load when needed, as this extension's web-accessible modules.
    importChunksWith(importWebAccessible);
    let n = 0;
    const sessions = createRouteSessions(() => {
      // A context per session: tearing it down removes the observer, listeners and the sidebar's frame it owns.
      const session = new ContentScriptContext(`inbox-pilot-session-${++n}`, ctx.options);
      // A page script must not switch a session off by forging WXT's "newer script started" message either.
      guardAgainstForgedStart(session);
      mountPageHost(session, pageFeatures).catch((error) => {
        // Never throw into the host page: the inbox must keep working without us.
        console.warn('[Inbox Pilot] could not start on this page', error);
      });
      return () => session.abort('left the inbox');
    });
    ctx.onInvalidated(() => sessions.stop());
    // Not WXT's 'wxt:locationchange': its watcher compares the URL every second in every browser; ours
    // follows the Navigation API's events where they exist (Chromium) and polls only elsewhere (issue 14).
    locationWatcher().subscribe(ctx.signal, (url) => sessions.sync(url.href));
    sessions.sync(location.href);
  },
});

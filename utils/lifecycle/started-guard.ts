import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT 0.20 stops a content script when a window `message` of type
 * `<extension id>:<entrypoint>:wxt:content-script-started` with its script name arrives: a newer
 * instance of the script announcing itself. But any page script can post that message (the
 * extension id shows in every `chrome-extension://` URL we load, the name is in the bundle), and
 * the sidebar and the stats would stop until a reload.
 *
 * A genuine newer instance of this extension's script only exists once this one is orphaned (the
 * extension was updated or reloaded), and then `browser.runtime.id` is gone in this context. So
 * WXT's own check (`verifyScriptStartedEvent`, called on the instance by its listener) is narrowed:
 * an announcement counts only when this context is orphaned — except the first one in the top
 * frame, which WXT expects to be the script's own and skips anyway.
 *
 * (Stopping the event before WXT's listener cannot work: at the window, Chromium runs `message`
 * listeners in registration order, capture or not, and WXT registers first.)
 */
export function guardAgainstForgedStart(ctx: ContentScriptContext, contextAlive: () => boolean = () => browser.runtime?.id != null): void {
  const wxtCheck = ctx.verifyScriptStartedEvent.bind(ctx);
  // WXT's top-frame listener ignores the first announcement it accepts (its own, posted at start).
  let ownAnnouncementPending = window.self === window.top;
  ctx.verifyScriptStartedEvent = (event: MessageEvent) => {
    if (!wxtCheck(event)) return false;
    if (ownAnnouncementPending) {
      ownAnnouncementPending = false;
      return true;
    }
    return !contextAlive();
  };
}

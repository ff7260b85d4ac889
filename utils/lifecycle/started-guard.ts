import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's own name for the announcement (`<extension id>:<entrypoint>:wxt:content-script-started`; private in its types). */
export const SCRIPT_STARTED_MESSAGE_TYPE: string = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * WXT 0.20 stops a content script when a window `message` of type
 * `<extension id>:<entrypoint>:wxt:content-script-started` with its script name arrives: a newer
 * instance of the script announcing itself. But any page script can post that message (the id is
 * in every `chrome-extension://` URL we expose, the name is in the bundle), and our sidebar and
 * stats would stop until a reload.
 *
 * This replaces WXT's check: every announcement is stopped before WXT's listener sees it (capture
 * listeners at the target run before the others, whatever the registration order), and the script
 * stops itself only when the announcement can be genuine. A newer instance of this extension's
 * script only exists once this one is orphaned (extension updated or reloaded), and then
 * `browser.runtime.id` is gone in this context.
 *
 * Returns the function that removes the guard.
 */
export function guardAgainstForgedStart(
  ctx: Pick<ContentScriptContext, 'abort'>,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  contextAlive: () => boolean = () => browser.runtime?.id != null,
): () => void {
  const guard = (event: MessageEvent) => {
    // Posted data is a structured clone: plain values, no getters to fear.
    if ((event.data as { type?: unknown } | null)?.type !== SCRIPT_STARTED_MESSAGE_TYPE) return;
    event.stopImmediatePropagation();
    if (!contextAlive()) ctx.abort('A newer instance of the content script started');
  };
  target.addEventListener('message', guard, { capture: true });
  return () => target.removeEventListener('message', guard, { capture: true });
}

import { defineContentScript } from 'wxt/utils/define-content-script';
import { BRIDGE_REPLY, BRIDGE_REQUEST, dispatchBeforeInput } from '../utils/inbox/composer';
import { findFirst } from '../utils/inbox/dom';

/**
 * Main-world half of composer writing (utils/inbox/composer.ts): dispatches
 * the `beforeinput` from the page's own JavaScript world, where editors such
 * as Lexical see an event of their own realm (in Firefox, events built in a
 * content script's world are wrapped and their data can be hidden from the
 * page). It only ever types into Meta's composer, never sends, and exposes
 * nothing the page could not do itself. No extension APIs here.
 */
export default defineContentScript({
  matches: ['https://business.facebook.com/latest/inbox*', 'https://www.facebook.com/latest/inbox*'],
  runAt: 'document_idle',
  world: 'MAIN',
  main() {
    document.addEventListener(BRIDGE_REQUEST, (event) => {
      try {
        const detail = (event as CustomEvent<unknown>).detail;
        if (typeof detail !== 'string' || detail.length > 100_000) return;
        const request = JSON.parse(detail) as { text?: unknown; nonce?: unknown };
        if (typeof request.text !== 'string' || typeof request.nonce !== 'string') return;
        const composer = findFirst(document, 'composer').value;
        if (!composer) return;
        dispatchBeforeInput(composer, request.text, window);
        document.dispatchEvent(new CustomEvent(BRIDGE_REPLY, { detail: request.nonce }));
      } catch {
        // never throw into the page
      }
    });
  },
});

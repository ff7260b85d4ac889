import { closestKind } from './dom';

/**
 * The one function of the extension that clicks in Meta's page. Its last
 * guard: it refuses any element that is, or sits inside, an action control
 * (the 2026 row's hover grid and its cells, any button, anything labelled
 * with a row action such as Done / Terminé or Mark as follow up). A wrong
 * click there moves a customer's conversation to Done, which also removes it
 * from Meta's response metrics; a refused click only means the agent opens
 * the conversation by hand.
 */
export function isActionControl(el: Element): boolean {
  return closestKind(el, 'actionControl') !== null;
}

/** Clicks `el` unless it is (inside) an action control. Returns whether it clicked. */
export function safeClick(el: Element | null | undefined): boolean {
  if (!el || !el.isConnected || isActionControl(el)) return false;
  const view = el.ownerDocument.defaultView;
  if (!view || !(el instanceof view.HTMLElement)) return false;
  el.click();
  return true;
}

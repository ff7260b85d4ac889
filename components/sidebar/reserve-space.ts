import type { Scope } from '../../utils/lifecycle/scope';

/**
 * Narrows the host page while the sidebar is open, so the sidebar sits beside
 * Meta's inbox instead of over it (the composer and Send button are at the
 * right of the middle column). One style element, removed when `scope` ends; no
 * host element is touched otherwise.
 */
export function reservePageSpace(scope: Pick<Scope, 'effect' | 'onInvalidated'>, isOpen: () => boolean, width: number): void {
  const style = document.createElement('style');
  style.dataset.inboxPilot = 'reserve-space';
  style.textContent = `html.inbox-pilot-open { margin-right: ${width}px !important; width: auto !important; }`;
  (document.head ?? document.documentElement).append(style);
  scope.effect(() => {
    document.documentElement.classList.toggle('inbox-pilot-open', isOpen());
  });
  scope.onInvalidated(() => {
    document.documentElement.classList.remove('inbox-pilot-open');
    style.remove();
  });
}

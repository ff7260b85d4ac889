import { effect } from '@preact/signals';

/**
 * Narrows the host page while the sidebar is open, so the sidebar sits beside
 * Meta's inbox instead of over it (the composer and Send button are at the
 * right of the middle column). One style element, removed on teardown; no
 * host element is touched otherwise.
 */
export function reservePageSpace(isOpen: () => boolean, width: number): () => void {
  const style = document.createElement('style');
  style.dataset.inboxPilot = 'reserve-space';
  style.textContent = `html.inbox-pilot-open { margin-right: ${width}px !important; width: auto !important; }`;
  (document.head ?? document.documentElement).append(style);
  const stop = effect(() => {
    document.documentElement.classList.toggle('inbox-pilot-open', isOpen());
  });
  return () => {
    stop();
    document.documentElement.classList.remove('inbox-pilot-open');
    style.remove();
  };
}

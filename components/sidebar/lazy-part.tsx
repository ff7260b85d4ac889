import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messagesFor } from '../../utils/i18n';
import { loadChunk } from '../../utils/lazy/load';
import { sidebarMessages } from './strings';

type Parts = typeof import('./parts');

const t = messagesFor(sidebarMessages);

/** Longest wait for an idle moment before the parts load anyway. */
const IDLE_WAIT_MS = 2000;

/**
 * A sidebar part from the 'sidebar-parts' lazy chunk: nothing while it loads, then the part. If the chunk
 * cannot load, the part says so (visibly, alone); the rest of the sidebar is untouched.
 */
export function lazyPart<K extends keyof Parts>(name: K): Parts[K] {
  const Part = (props: object) => {
    const [loaded, setLoaded] = useState<{ C: FunctionComponent } | 'failed' | null>(null);
    useEffect(() => {
      let live = true;
      // Not in the start-up's way (issue 14): the footer and tour wait until the page has a quiet moment
      // after the sidebar is shown (at most IDLE_WAIT_MS).
      const load = () =>
        live &&
        loadChunk<Parts>('sidebar-parts').then(
          (parts) => live && setLoaded({ C: parts[name] as FunctionComponent }),
          () => live && setLoaded('failed'),
        );
      let cancel: () => void;
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(load, { timeout: IDLE_WAIT_MS });
        cancel = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(load, 0);
        cancel = () => clearTimeout(id);
      }
      return () => {
        live = false;
        cancel();
      };
    }, []);
    if (loaded === 'failed') {
      return (
        <p class="ip-notice ip-notice--error" role="status" data-testid="part-unavailable">
          {t.value.partUnavailable}
        </p>
      );
    }
    return loaded ? <loaded.C {...props} /> : null;
  };
  return Part as unknown as Parts[K];
}

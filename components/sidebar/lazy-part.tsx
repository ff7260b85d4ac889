import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messagesFor } from '../../utils/i18n';
import { loadChunk } from '../../utils/lazy/load';
import { sidebarMessages } from './strings';

type Parts = typeof import('./parts');

const t = messagesFor(sidebarMessages);

/**
 * A sidebar part from the 'sidebar-parts' lazy chunk: nothing while it loads, then the part. If the chunk
 * cannot load, the part says so (visibly, alone); the rest of the sidebar is untouched.
 */
export function lazyPart<K extends keyof Parts>(name: K): Parts[K] {
  const Part = (props: object) => {
    const [loaded, setLoaded] = useState<{ C: FunctionComponent } | 'failed' | null>(null);
    useEffect(() => {
      let live = true;
      loadChunk<Parts>('sidebar-parts').then(
        (parts) => live && setLoaded({ C: parts[name] as FunctionComponent }),
        () => live && setLoaded('failed'),
      );
      return () => void (live = false);
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

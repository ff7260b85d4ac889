import { signal, type ReadonlySignal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item as a signal: loaded once, then kept current by the storage
 * watcher (options saved in another context reach this one live).
 */
export function liveItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, fallback: T, abort: AbortSignal): ReadonlySignal<T> & { ready: Promise<void> } {
  const value = signal<T>(fallback);
  // A write seen by the watcher is newer than the first read, which may resolve after it.
  let updatedByWatch = false;
  const unwatch = item.watch((v) => {
    updatedByWatch = true;
    value.value = v ?? fallback;
  });
  const ready = item.getValue().then(
    (v) => void (updatedByWatch || (value.value = v)),
    () => undefined, // unreadable storage: keep the defaults, never throw into the page
  );
  abort.addEventListener('abort', unwatch, { once: true });
  return Object.assign(value, { ready });
}

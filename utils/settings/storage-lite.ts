import { browser } from 'wxt/browser';

/**
 * The content script's `wxt/utils/storage` (issue 14: 3.7 KB gzipped less at start-up). wxt.config.ts
 * aliases `wxt/utils/storage` to this file in the content-script build only; the worker, popup and options
 * keep @wxt-dev/storage, with its versions and migrations. So every item is still declared once, with
 * `storage.defineItem` (its key, fallback and version), and the content script reads and writes the very
 * `browser.storage` keys wxt/storage does (tests/unit/settings/storage-lite.test.ts checks both agree).
 *
 * Only what the content script uses: items without migrations or `init` (a migration runs where
 * @wxt-dev/storage runs, in the worker), getValue / setValue / removeValue / watch.
 */
type Area = 'local' | 'session' | 'sync' | 'managed';

export interface LiteItem<T> {
  key: string;
  readonly fallback: T;
  readonly defaultValue: T;
  getValue(): Promise<T>;
  setValue(value: T | null): Promise<void>;
  removeValue(): Promise<void>;
  watch(cb: (newValue: T, oldValue: T) => void): () => void;
}

interface ItemOptions<T> {
  fallback?: T;
  defaultValue?: T;
  version?: number;
  migrations?: unknown;
  init?: unknown;
}

function defineItem<T>(key: string, opts: ItemOptions<T> = {}): LiteItem<T> {
  const [area, name] = key.split(/:(.*)/s) as [Area, string];
  if (!name || !['local', 'session', 'sync', 'managed'].includes(area)) throw new Error(`Storage key "${key}" must start with local:, session:, sync: or managed:`);
  if (opts.migrations != null || opts.init != null) throw new Error(`Storage item "${key}": migrations and init run in the worker (@wxt-dev/storage), not in the content script`);
  const fallback = (opts.fallback ?? opts.defaultValue ?? null) as T;
  const store = () => browser.storage[area];
  const write = async (value: T | null) => (value == null ? store().remove(name) : store().set({ [name]: value }));
  return {
    key,
    fallback,
    defaultValue: fallback,
    getValue: async () => ((await store().get(name))[name] ?? fallback) as T,
    setValue: write,
    removeValue: () => write(null),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        if (change == null || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        cb((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      store().onChanged.addListener(listener);
      return () => store().onChanged.removeListener(listener);
    },
  };
}

export const storage = { defineItem };

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storage as liteStorage } from '../../../utils/settings/storage-lite';

/**
 * The content script reads and writes settings through utils/settings/storage-lite.ts (wxt.config.ts aliases
 * `wxt/utils/storage` to it in that build); the worker and options keep @wxt-dev/storage. Every item of the
 * project, as its module declares it (one `storage.defineItem`: key, fallback, version), must read and write
 * the same `browser.storage` values through both.
 */
const root = join(__dirname, '../../..');

/** Every source file that declares a storage item. */
function itemModules(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(e.name) && readFileSync(path, 'utf8').includes('storage.defineItem')) found.push(path);
    }
  };
  visit(join(root, 'utils'));
  visit(join(root, 'components'));
  return found.filter((f) => !f.endsWith('storage-lite.ts'));
}

interface WxtItem {
  key: string;
  fallback: unknown;
  getValue(): Promise<unknown>;
  setValue(v: unknown): Promise<void>;
  removeValue(): Promise<void>;
  watch(cb: (v: unknown) => void): () => void;
}

async function projectItems(): Promise<Array<{ module: string; item: WxtItem }>> {
  const items: Array<{ module: string; item: WxtItem }> = [];
  for (const file of itemModules()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const item = value as WxtItem;
      if (item && typeof item === 'object' && typeof item.key === 'string' && typeof item.getValue === 'function' && typeof item.watch === 'function') {
        items.push({ module: relative(root, file), item });
      }
    }
  }
  return items;
}

/** A JSON value of the item's shape that differs from its fallback. */
function probeValue(fallback: unknown, n: number): unknown {
  if (typeof fallback === 'boolean') return n % 2 === 0 ? !fallback : fallback;
  if (typeof fallback === 'number') return fallback + n + 1;
  if (typeof fallback === 'string') return `${fallback}probe${n}`;
  if (Array.isArray(fallback)) return [...fallback, `probe${n}`];
  if (fallback && typeof fallback === 'object') return { ...fallback, probe: n };
  return { probe: n };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the content script storage reader agrees with wxt/storage', () => {
  it('finds the project items (settings, switches, sidebar state, sync, stats)', async () => {
    const keys = (await projectItems()).map((i) => i.item.key);
    expect(keys).toEqual(
      expect.arrayContaining(['local:settings.general', 'local:settings.features', 'local:ui.sidebarCollapsed', 'local:ui.tourDone', 'local:settings.draft', 'local:replies.revision', 'local:settings.timing']),
    );
  });

  it('reads the fallback, what wxt/storage wrote, and writes what wxt/storage reads, for every item', async () => {
    const items = await projectItems();
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const { module, item } of items) {
      const lite = liteStorage.defineItem<unknown>(item.key, { fallback: item.fallback, version: 1 });
      const where = `${module} ${item.key}`;
      expect(await lite.getValue(), where).toEqual(await item.getValue());

      const seenByLite = vi.fn();
      const unwatch = lite.watch(seenByLite);
      const a = probeValue(item.fallback, 0);
      await item.setValue(a);
      await flush();
      expect(await lite.getValue(), where).toEqual(a);
      expect(seenByLite, where).toHaveBeenLastCalledWith(a, item.fallback);
      unwatch();

      const seenByWxt = vi.fn();
      const unwatchWxt = item.watch(seenByWxt);
      const b = probeValue(item.fallback, 1);
      await lite.setValue(b);
      await flush();
      expect(await item.getValue(), where).toEqual(b);
      expect(seenByWxt, where).toHaveBeenCalled();
      unwatchWxt();

      await lite.removeValue();
      expect(await item.getValue(), where).toEqual(item.fallback);
      expect(await lite.getValue(), where).toEqual(item.fallback);
    }
  });

  it('refuses items with migrations or init (they run where @wxt-dev/storage runs)', () => {
    expect(() => liteStorage.defineItem('local:x', { fallback: 0, version: 2, migrations: { 2: (v: number) => v } })).toThrow(/migrations/);
    expect(() => liteStorage.defineItem('nowhere', { fallback: 0 })).toThrow(/local:/);
  });
});

import { browser } from 'wxt/browser';
import { lazyChunkFile, SHARED_GLOBAL, type LazyChunk } from './chunks';
import { sharedModules } from './shared';

const loading = new Map<LazyChunk, Promise<unknown>>();
/** This copy of the script's own chunk URLs: a module an older copy (same isolated world) evaluated is not reused. */
const copy = Math.random().toString(36).slice(2);

/**
 * Loads a lazy chunk (utils/lazy/chunks.ts) once: a web-accessible ES module imported into this isolated
 * world, bound to this script's shared modules. A chunk that fails to load rejects (the caller shows its
 * feature as failed, alone) and is tried again on the next call.
 */
export function loadChunk<T>(name: LazyChunk): Promise<T> {
  // This script's modules, even if an older copy of the script (same isolated world, e.g. after an update)
  // put its own there first: a chunk evaluated from now on (at this copy's URL) binds to the script that loads it.
  (globalThis as unknown as Record<string, unknown>)[SHARED_GLOBAL] = sharedModules;
  let chunk = loading.get(name);
  if (!chunk) {
    const url = `${browser.runtime.getURL(`/${lazyChunkFile(name)}` as '/')}?copy=${copy}`;
    chunk = import(/* @vite-ignore */ url);
    chunk.catch(() => loading.delete(name));
    loading.set(name, chunk);
  }
  return chunk as Promise<T>;
}

import { browser } from 'wxt/browser';
import { lazyChunkFile, SHARED_GLOBAL, type LazyChunk } from './chunks';
import { sharedModules } from './shared';

/** This copy of the script's own chunk URLs: a module an older copy (same isolated world) evaluated is not reused. */
const copy = Math.random().toString(36).slice(2);

/**
 * The content script's way to import a lazy chunk (CONTENT_CHUNKS): the web-accessible ES module, imported into
 * this isolated world, bound to this script's shared modules (./load.ts keeps one import per chunk).
 */
export function importWebAccessible(name: LazyChunk): Promise<unknown> {
  // This script's modules, even if an older copy of the script (same isolated world, e.g. after an update)
  // put its own there first: a chunk evaluated from now on (at this copy's URL) binds to the script that loads it.
  (globalThis as unknown as Record<string, unknown>)[SHARED_GLOBAL] = sharedModules;
  const url = `${browser.runtime.getURL(`/${lazyChunkFile(name)}` as '/')}?copy=${copy}`;
  return import(/* @vite-ignore */ url);
}

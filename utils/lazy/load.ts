import type { LazyChunk } from './chunks';

/** How this context imports a chunk: set once by its entrypoint (a content script and a page do it differently). */
export type ChunkImporter = (name: LazyChunk) => Promise<unknown>;

const loading = new Map<LazyChunk, Promise<unknown>>();
let importer: ChunkImporter | null = null;

/**
 * Sets how this context imports the lazy chunks: the content script, the web-accessible modules
 * (./web-accessible.ts); the sidebar's frame (entrypoints/sidebar), its own bundle's code-split imports of the
 * same modules (a page cannot import the web-accessible copies: Chrome hands it their per-session URL,
 * use_dynamic_url, another origin than the page's for its script policy).
 */
export function importChunksWith(how: ChunkImporter): void {
  importer = how;
}

/**
 * Loads a lazy chunk (utils/lazy/chunks.ts) once, the way this context's entrypoint said. A chunk that fails
 * to load rejects (the caller shows its feature as failed, alone) and is tried again on the next call.
 */
export function loadChunk<T>(name: LazyChunk): Promise<T> {
  let chunk = loading.get(name);
  if (!chunk) {
    chunk = importer ? importer(name) : Promise.reject(new Error(`no way to import the lazy chunk ${name} here`));
    chunk.catch(() => loading.delete(name));
    loading.set(name, chunk);
  }
  return chunk as Promise<T>;
}

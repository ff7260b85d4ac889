import { LAZY_CHUNKS, type LazyChunk } from '../../utils/lazy/chunks';

/**
 * Unit tests' stand-in for utils/lazy/load.ts (vitest.config.ts aliases it): a chunk is its source module,
 * imported directly. The real loader (web-accessible module, import() in the isolated world) is exercised by
 * the e2e tests, including a blocked chunk (tests/e2e/lazy.e2e.ts).
 */
export function loadChunk<T>(name: LazyChunk): Promise<T> {
  // A plain variable, not a template literal in `new URL(…, import.meta.url)`, which Vite would rewrite as an asset glob.
  const source = ['..', '..', LAZY_CHUNKS[name]].join('/');
  return import(/* @vite-ignore */ new URL(source, import.meta.url).pathname) as Promise<T>;
}

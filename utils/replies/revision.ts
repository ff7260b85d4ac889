import { storage } from 'wxt/utils/storage';

/**
 * A counter the background bumps after every library change. Other contexts
 * (sidebar, options) watch it and re-read the library: storage change events
 * reach every context without the `tabs` permission a broadcast would need.
 * It holds a number only, never any reply text.
 */
export const libraryRevision = storage.defineItem<number>('local:replies.revision', { fallback: 0, version: 1 });

export async function bumpLibraryRevision(): Promise<void> {
  await libraryRevision.setValue(((await libraryRevision.getValue()) + 1) % Number.MAX_SAFE_INTEGER);
}

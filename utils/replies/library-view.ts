import { searchLibrary } from './search';
import type { SavedReply } from './types';

export type LibrarySort = 'use' | 'title' | 'recent';

/** The editor's list: filtered by the search box (same matching as the sidebar), then sorted. */
export function libraryView(replies: SavedReply[], query: string, sort: LibrarySort): SavedReply[] {
  const shown = query.trim() ? searchLibrary(query, replies, replies.length) : [...replies];
  const compare: Record<LibrarySort, (a: SavedReply, b: SavedReply) => number> = {
    use: (a, b) => b.usageCount - a.usageCount || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) || a.title.localeCompare(b.title),
    title: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
    recent: (a, b) => b.updatedAt - a.updatedAt,
  };
  return shown.sort(compare[sort]);
}

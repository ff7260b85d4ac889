/**
 * The sidebar's search box over the whole library: every word typed must
 * start a word of the reply (title, tags, shortcut or body), accents and case
 * ignored; titles first. `/word` searches shortcuts by prefix.
 */
import { fold } from './text';
import type { RankableReply } from './types';

export interface SearchableReply extends RankableReply {
  usageCount?: number;
}

const wordsOf = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function searchLibrary<T extends SearchableReply>(query: string, library: readonly T[], limit = 20): T[] {
  const q = query.trim();
  if (!q) return [];
  const byUse = (a: T, b: T) => (b.usageCount ?? 0) - (a.usageCount ?? 0);
  if (q.startsWith('/')) {
    const prefix = fold(q.slice(1)).trim();
    const hits = library.filter((r) => r.shortcut && fold(r.shortcut).startsWith(prefix));
    // An exact shortcut comes first.
    return hits.sort((a, b) => Number(fold(b.shortcut!) === prefix) - Number(fold(a.shortcut!) === prefix) || byUse(a, b)).slice(0, limit);
  }
  const needles = wordsOf(q);
  if (!needles.length) return [];
  const scored: Array<{ reply: T; score: number }> = [];
  for (const reply of library) {
    const head = [...wordsOf(reply.title), ...(reply.tags ?? []).flatMap(wordsOf), ...wordsOf(reply.shortcut ?? '')];
    const body = wordsOf(reply.body);
    let score = 0;
    let all = true;
    for (const n of needles) {
      if (head.some((w) => w.startsWith(n))) score += 2;
      else if (body.some((w) => w.startsWith(n))) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ reply, score });
  }
  return scored.sort((a, b) => b.score - a.score || byUse(a.reply, b.reply)).slice(0, limit).map((s) => s.reply);
}

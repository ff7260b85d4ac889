import { describe, expect, it } from 'vitest';
import { searchLibrary, type SearchableReply } from '../../../utils/replies/search';
import { fold } from '../../../utils/replies/text';
import { LIBRARY } from './library.fixture';

/** The search as it was before the library was indexed: every reply re-read on each query (the reference). */
function referenceSearch<T extends SearchableReply>(query: string, library: readonly T[], limit = 20): T[] {
  const wordsOf = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const q = query.trim();
  if (!q) return [];
  const byUse = (a: T, b: T) => (b.usageCount ?? 0) - (a.usageCount ?? 0);
  if (q.startsWith('/')) {
    const prefix = fold(q.slice(1)).trim();
    const hits = library.filter((r) => r.shortcut && fold(r.shortcut).startsWith(prefix));
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

describe('searchLibrary (indexed)', () => {
  const library = LIBRARY.map((r, i) => ({ ...r, usageCount: (i * 7) % 5 }));
  const queries = [
    'l', 'li', 'liv', 'livr', 'LIVRAISON', 'délai livr', 'delai', 'retour rem', 'zzz', 'a b', 'é', '  ', '?!', 'order', 'ord tra',
    '/', '/r', '/re', '/return', '/HOR', '/zz', 'hor ouv', 'colis perdu', '1', 'the', 'merci', 'bonjour {first', 'Ça', 'voila',
  ];
  it('gives exactly what re-reading every reply gives, order included, for every query and limit', () => {
    for (const q of queries) {
      for (const limit of [0, 1, 3, 20, 64, 65, library.length]) {
        expect(searchLibrary(q, library, limit).map((r) => r.id), `${q} / ${limit}`).toEqual(referenceSearch(q, library, limit).map((r) => r.id));
      }
    }
  });

  it('serves a changed library (a new array) from a new index, not the old one', () => {
    const first = library.slice(0, 5);
    const hits = searchLibrary('a', first).length;
    const second = [...first, { id: 'new', title: 'Abracadabra', body: 'x', language: 'any' as const, tags: [] }];
    expect(searchLibrary('abracad', second).map((r) => r.id)).toEqual(['new']);
    expect(searchLibrary('abracad', first)).toEqual([]);
    expect(searchLibrary('a', first).length).toBe(hits);
  });
});

/**
 * The sidebar's search box over the whole library: every word typed must
 * start a word of the reply (title, tags, shortcut or body), accents and case
 * ignored; titles first. `/word` searches shortcuts by prefix.
 *
 * Speed: a library is folded and split into words once (cached per library
 * array, like the ranking's index in rank.ts, and dropped with it when the
 * background reloads the library). A query then looks its words up in the
 * sorted vocabulary (a prefix is a contiguous range) instead of re-reading
 * every reply: well under 5 ms at 5,000 replies (scripts/bench/replies.ts).
 */
import { libraryCache } from './slices';
import { fold } from './text';
import type { RankableReply } from './types';

export interface SearchableReply extends RankableReply {
  usageCount?: number;
}

const wordsOf = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

interface SearchIndex {
  size: number;
  /** Distinct words of the library, sorted: the words a prefix starts form one range. */
  vocabulary: string[];
  /** For each vocabulary word: the replies holding it in their title, tags or shortcut, and in their body. */
  head: number[][];
  body: number[][];
  /** Folded shortcut of each reply ('' when none). */
  shortcuts: string[];
}

function* indexSteps(library: readonly SearchableReply[]): Generator<void, SearchIndex> {
  const postings = new Map<string, { head: number[]; body: number[] }>();
  const add = (word: string, doc: number, field: 'head' | 'body') => {
    let p = postings.get(word);
    if (!p) postings.set(word, (p = { head: [], body: [] }));
    const list = p[field];
    if (list[list.length - 1] !== doc) list.push(doc);
  };
  for (let doc = 0; doc < library.length; doc++) {
    yield;
    const reply = library[doc]!;
    for (const w of [...wordsOf(reply.title), ...(reply.tags ?? []).flatMap(wordsOf), ...wordsOf(reply.shortcut ?? '')]) add(w, doc, 'head');
    for (const w of wordsOf(reply.body)) add(w, doc, 'body');
  }
  yield;
  const vocabulary = [...postings.keys()].sort();
  return {
    size: library.length,
    vocabulary,
    head: vocabulary.map((w) => postings.get(w)!.head),
    body: vocabulary.map((w) => postings.get(w)!.body),
    shortcuts: library.map((r) => (r.shortcut ? fold(r.shortcut) : '')),
  };
}

/** The processed library, built once per library array (identity) and reused while it is unchanged. */
const indexes = libraryCache<readonly SearchableReply[], SearchIndex>(indexSteps, (cached, library) => cached.size === library.length);
const indexFor = (library: readonly SearchableReply[]) => indexes.get(library);

/** Processes a library ahead of `searchLibrary`, in slices of a few ms (slices.ts). */
export const prepareSearch = (library: readonly SearchableReply[]): Promise<void> => indexes.prepare(library);

/** First vocabulary index whose word is >= `prefix`. */
function lowerBound(words: string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function searchLibrary<T extends SearchableReply>(query: string, library: readonly T[], limit = 20): T[] {
  const q = query.trim();
  if (!q) return [];
  const byUse = (a: T, b: T) => (b.usageCount ?? 0) - (a.usageCount ?? 0);
  const index = indexFor(library);
  if (q.startsWith('/')) {
    const prefix = fold(q.slice(1)).trim();
    const hits: Array<{ reply: T; exact: boolean }> = [];
    library.forEach((reply, i) => {
      const s = index.shortcuts[i]!;
      if (reply.shortcut && s.startsWith(prefix)) hits.push({ reply, exact: s === prefix });
    });
    // An exact shortcut comes first.
    return hits.sort((a, b) => Number(b.exact) - Number(a.exact) || byUse(a.reply, b.reply)).slice(0, limit).map((h) => h.reply);
  }
  const needles = wordsOf(q);
  if (!needles.length) return [];
  // Per reply: the score so far (2 per word found in the head, 1 in the body), -1 once a word is missing.
  let scores: Int32Array | null = null;
  for (const n of needles) {
    // 2: a head word starts with the needle; 1: only a body word does.
    const found = new Uint8Array(library.length);
    const { vocabulary } = index;
    for (let w = lowerBound(vocabulary, n); w < vocabulary.length && vocabulary[w]!.startsWith(n); w++) {
      for (const doc of index.head[w]!) found[doc] = 2;
      for (const doc of index.body[w]!) if (found[doc] === 0) found[doc] = 1;
    }
    if (!scores) scores = new Int32Array(library.length);
    let any = false;
    for (let doc = 0; doc < scores.length; doc++) {
      if (scores[doc]! < 0) continue;
      if (found[doc] === 0) scores[doc] = -1;
      else {
        scores[doc] = scores[doc]! + found[doc]!;
        any = true;
      }
    }
    if (!any) return [];
  }
  const order = (a: { reply: T; score: number }, b: { reply: T; score: number }) => b.score - a.score || byUse(a.reply, b.reply);
  const scored: Array<{ reply: T; score: number }> = [];
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= TOP_K_MAX)) {
    scores!.forEach((score, doc) => {
      if (score > 0) scored.push({ reply: library[doc]!, score });
    });
    return scored.sort(order).slice(0, limit).map((s) => s.reply);
  }
  // The best `limit` only (a short word matches most of a large library: sorting it all is the slow part).
  // Replies come in library order and go after their equals: the same order as a stable sort.
  scores!.forEach((score, doc) => {
    if (score <= 0) return;
    const item = { reply: library[doc]!, score };
    if (scored.length >= limit && order(item, scored[scored.length - 1]!) >= 0) return;
    let at = scored.length;
    while (at > 0 && order(item, scored[at - 1]!) < 0) at--;
    scored.splice(at, 0, item);
    if (scored.length > limit) scored.pop();
  });
  return scored.map((s) => s.reply);
}

/** Up to this many results are kept by insertion; more (the editor's whole filtered list) by one sort. */
const TOP_K_MAX = 64;

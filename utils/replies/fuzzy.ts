/**
 * Typo tolerance: a deletion-neighbourhood index (SymSpell's idea) over a
 * vocabulary, so finding the words within 1-2 edits of a query word costs a
 * few map lookups instead of a scan of the whole vocabulary.
 */
import { runToEnd } from './slices';

/** Edits allowed for a word of this length: none under 5 letters (too many false friends: hour/tour). */
export function maxEdits(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions: "livriason"), or `limit + 1` as soon as it must exceed limit.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

export interface FuzzyIndex {
  /** Vocabulary words within the allowed edits of `word`, with their distance (exact matches excluded). */
  near(word: string): Array<{ word: string; distance: number }>;
}

export function buildFuzzyIndex(vocabulary: Iterable<string>): FuzzyIndex {
  return runToEnd(buildFuzzyIndexSteps(vocabulary));
}

/** `buildFuzzyIndex` in steps (yields every few hundred words; see slices.ts). */
export function* buildFuzzyIndexSteps(vocabulary: Iterable<string>): Generator<void, FuzzyIndex> {
  const byDeletion = new Map<string, string[]>();
  const add = (key: string, word: string) => {
    const list = byDeletion.get(key);
    if (list) list.push(word);
    else byDeletion.set(key, [word]);
  };
  let n = 0;
  for (const word of vocabulary) {
    if (++n % 20 === 0) yield;
    const depth = maxEdits(word.length);
    if (depth === 0) continue;
    add(word, word);
    const variants = new Set<string>();
    deletions(word, depth, variants);
    for (const v of variants) add(v, word);
  }

  // Customers repeat the same words; remember answers (bounded) per library.
  const cache = new Map<string, Array<{ word: string; distance: number }>>();
  return {
    near(word) {
      const cached = cache.get(word);
      if (cached) return cached;
      const depth = maxEdits(word.length);
      const found = new Map<string, number>();
      if (depth > 0) {
        const keys = new Set<string>([word]);
        deletions(word, depth, keys);
        for (const key of keys) {
          for (const candidate of byDeletion.get(key) ?? []) {
            if (candidate === word || found.has(candidate)) continue;
            const limit = Math.min(depth, maxEdits(candidate.length));
            const d = editDistance(word, candidate, limit);
            if (d <= limit) found.set(candidate, d);
          }
        }
      }
      const result = [...found].map(([w, distance]) => ({ word: w, distance }));
      if (cache.size > 5000) cache.clear();
      cache.set(word, result);
      return result;
    },
  };
}

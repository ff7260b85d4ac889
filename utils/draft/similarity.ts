import { fold } from './text';

/**
 * How close a draft is to a saved reply: Dice coefficient over word bigrams
 * (words folded; no bigram across a placeholder, so `{first_name}` filled with
 * "Julie" costs little). Linear in both lengths. Bigrams are numbers (two
 * word ids) rather than strings: less garbage on every keystroke.
 */
const PLACEHOLDER_TOKEN_RE = /\{\{[^}]*\}\}|\{[^}]*\}|\[[^\]]*\]|<[^>]*>|%[^%\s]+%/;
const WORDS_RE = /[\p{L}\p{N}]+/gu;

export interface Shingles {
  counts: Map<number, number>;
  /** Number of bigrams (with repeats). */
  total: number;
}

const wordIds = new Map<string, number>();
const ID_SPACE = 2 ** 21;
// Saved replies change rarely while the agent types: keep their shingles.
const cache = new Map<string, Shingles>();
const CACHE_MAX = 500;

function idOf(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    if (wordIds.size >= ID_SPACE - 1) {
      // Ids are about to wrap: start afresh (cached shingles used the old ids).
      wordIds.clear();
      cache.clear();
    }
    id = wordIds.size + 1;
    wordIds.set(word, id);
  }
  return id;
}

/** Word lists of the text's placeholder-free segments. */
function segmentsOf(text: string, folded?: string): string[][] {
  return (folded ?? fold(text)).split(PLACEHOLDER_TOKEN_RE).map((segment) => segment.match(WORDS_RE) ?? []);
}

function bigramTotal(segments: string[][]): number {
  let n = 0;
  for (const words of segments) if (words.length > 1) n += words.length - 1;
  return n;
}

function build(segments: string[][]): Shingles {
  const counts = new Map<number, number>();
  let total = 0;
  for (const words of segments) {
    let prev = words.length ? idOf(words[0]!) : 0;
    for (let i = 1; i < words.length; i++) {
      const id = idOf(words[i]!);
      const key = prev * ID_SPACE + id;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
      prev = id;
    }
  }
  return { counts, total };
}

/** `folded`: the text already folded (saves a pass when the caller has it). */
export function shingles(text: string, folded?: string): Shingles {
  return build(segmentsOf(text, folded));
}

export function dice(a: Shingles, b: Shingles): number {
  const total = a.total + b.total;
  if (total === 0) return 0;
  let common = 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  for (const [k, v] of small) common += Math.min(v, large.get(k) ?? 0);
  return (2 * common) / total;
}

export function cachedShingles(text: string): Shingles {
  let s = cache.get(text);
  if (!s) {
    if (cache.size >= CACHE_MAX) cache.clear();
    s = shingles(text);
    cache.set(text, s);
  }
  return s;
}

/**
 * The best similarity (0–1) of `draft` to any of `replies`, with its index.
 * Replies whose size alone keeps them under `minScore` are skipped (Dice can
 * not exceed 2·min/(a+b)), so a long draft is not compared word by word with
 * short replies.
 */
export function bestMatch(draft: string, replies: readonly string[], foldedDraft?: string, minScore = 0): { index: number; score: number } | null {
  const segments = segmentsOf(draft, foldedDraft);
  const draftTotal = bigramTotal(segments);
  let d: Shingles | null = null;
  let best: { index: number; score: number } | null = null;
  replies.forEach((reply, index) => {
    if (typeof reply !== 'string' || !reply.trim()) return;
    const r = cachedShingles(reply);
    const sum = draftTotal + r.total;
    if (sum === 0 || (2 * Math.min(draftTotal, r.total)) / sum < minScore) return;
    d ??= build(segments);
    const score = dice(d, r);
    if (!best || score > best.score) best = { index, score };
  });
  return best;
}

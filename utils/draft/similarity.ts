import { fold } from './text';

/**
 * How close a draft is to a saved reply: Dice coefficient over word bigrams
 * (words folded, placeholders dropped so `{first_name}` filled with "Julie"
 * costs one word). Linear in both lengths.
 */
const PLACEHOLDER_TOKEN_RE = /\{\{[^}]*\}\}|\{[^}]*\}|\[[^\]]*\]|<[^>]*>|%[^%\s]+%/;

/** `folded`: the text already folded (saves a pass when the caller has it). */
export function shingles(text: string, folded?: string): Map<string, number> {
  const out = new Map<string, number>();
  // No bigram across a placeholder: "Bonjour {prénom}, votre…" must not make "bonjour votre".
  for (const segment of (folded ?? fold(text)).split(PLACEHOLDER_TOKEN_RE)) {
    const words = segment.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 1 && out.size === 0 && !PLACEHOLDER_TOKEN_RE.test(text)) out.set(words[0]!, 1);
    for (let i = 1; i < words.length; i++) {
      const key = `${words[i - 1]} ${words[i]}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

function size(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

export function dice(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, v] of small) common += Math.min(v, large.get(k) ?? 0);
  return (2 * common) / total;
}

// Saved replies change rarely while the agent types: keep their shingles.
const cache = new Map<string, Map<string, number>>();
const CACHE_MAX = 500;

export function cachedShingles(text: string): Map<string, number> {
  let s = cache.get(text);
  if (!s) {
    if (cache.size >= CACHE_MAX) cache.clear();
    s = shingles(text);
    cache.set(text, s);
  }
  return s;
}

/** The best similarity (0–1) of `draft` to any of `replies`, with its index. */
export function bestMatch(draft: string, replies: readonly string[], foldedDraft?: string): { index: number; score: number } | null {
  const d = shingles(draft, foldedDraft);
  let best: { index: number; score: number } | null = null;
  replies.forEach((reply, index) => {
    if (typeof reply !== 'string' || !reply.trim()) return;
    const score = dice(d, cachedShingles(reply));
    if (!best || score > best.score) best = { index, score };
  });
  return best;
}

/**
 * Suggests saved replies for a customer's message. PUBLIC module API: tests
 * outside the project call `rankSavedReplies`; keep its shapes stable.
 *
 * Scoring is BM25-like over weighted fields (title and tags count three times
 * the body), on folded, stemmed words, with typo tolerance and bilingual topic
 * synonyms, then a small preference for the conversation's language. A
 * relevance floor keeps unrelated messages from getting any suggestion.
 */
import { buildFuzzyIndexSteps, type FuzzyIndex } from './fuzzy';
import { libraryCache } from './slices';
import { PLACEHOLDER_RE } from './placeholders';
import { detectLanguage, terms, type Term } from './text';
import type { RankableReply } from './types';

export type { RankableReply } from './types';

export interface RankOptions {
  /** The conversation's language ('fr', 'en', or a tag like 'fr-FR'); detected from the message when absent. */
  locale?: string | null;
  /** How many replies at most (default 5). */
  limit?: number;
}

export interface RankedReply<T extends RankableReply = RankableReply> {
  id: string;
  reply: T;
  /** Higher is better; comparable within one call. */
  score: number;
  /** The message's words (as written) that matched this reply, in message order. */
  matchedWords: string[];
  /** Same list as `matchedWords` (short name). */
  matched: string[];
}

const FIELD_WEIGHT = { title: 3, tags: 3, shortcut: 2, body: 1 } as const;
/** A topic (synonym) match counts less than the word itself. */
const TOPIC_FACTOR = 0.5;
const FUZZY_FACTOR = [1, 0.8, 0.6] as const;
const OTHER_LANGUAGE_FACTOR = 0.7;
const K1 = 1.2;
const B = 0.5;
/** Minimum score (with normalised idf, one rare word in a title scores about 1.5). */
const MIN_SCORE = 0.9;
/** Terms in more than this share of a library of at least COMMON_TERM_MIN_LIBRARY replies are skipped. */
const COMMON_TERM_SHARE = 0.5;
const COMMON_TERM_MIN_LIBRARY = 200;

interface Postings {
  docs: number[];
  weights: number[];
  /** Whether the term is in the title, tags or shortcut (strong evidence on its own). */
  strong: boolean[];
}

interface LibraryIndex {
  items: readonly RankableReply[];
  postings: Map<string, Postings>;
  /** Maps a folded word or a stem of the library to the stems it stands for. */
  keyToStems: Map<string, Set<string>>;
  fuzzy: FuzzyIndex;
  docLength: Float64Array;
  avgLength: number;
  /** Normaliser so a word unique in the library has an idf of about 1, whatever the library size. */
  idfNorm: number;
  /** Per-query scratch space, reused (and reset for the replies touched) so a query allocates nothing per reply. */
  scratch: { scores: Float64Array; strongHit: Uint8Array; matchedMask: Uint32Array };
}

/** Yields every this many replies while an index is built (see slices.ts). */
const DOCS_PER_STEP = 5;

function* indexSteps(items: readonly RankableReply[]): Generator<void, LibraryIndex> {
  const postings = new Map<string, Postings>();
  const keyToStems = new Map<string, Set<string>>();
  const docLength = new Float64Array(items.length);
  const addKey = (key: string, stemmed: string) => {
    const set = keyToStems.get(key);
    if (set) set.add(stemmed);
    else keyToStems.set(key, new Set([stemmed]));
  };

  for (let doc = 0; doc < items.length; doc++) {
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const item = items[doc]!;
    const weights = new Map<string, number>();
    const strong = new Set<string>();
    const addField = (list: Term[], weight: number, isStrong: boolean) => {
      const topics = new Set<string>();
      for (const t of list) {
        weights.set(t.stem, (weights.get(t.stem) ?? 0) + weight);
        if (isStrong) strong.add(t.stem);
        addKey(t.folded, t.stem);
        addKey(t.stem, t.stem);
        for (const topic of t.topics) topics.add(topic);
      }
      // A topic counts once per field, however many of its words the field holds.
      for (const topic of topics) {
        weights.set(topic, (weights.get(topic) ?? 0) + weight);
        if (isStrong) strong.add(topic);
      }
    };
    const title = terms(item.title ?? '');
    // Placeholders ({first_name}...) are in most bodies and say nothing about the topic.
    const body = terms((item.body ?? '').replace(PLACEHOLDER_RE, ' '));
    addField(title, FIELD_WEIGHT.title, true);
    addField(terms((item.tags ?? []).join(' ')), FIELD_WEIGHT.tags, true);
    if (item.shortcut) addField(terms(item.shortcut.replace(/[_-]/g, ' ')), FIELD_WEIGHT.shortcut, true);
    addField(body, FIELD_WEIGHT.body, false);
    docLength[doc] = title.length * FIELD_WEIGHT.title + body.length + 1;
    for (const [term, w] of weights) {
      let p = postings.get(term);
      if (!p) postings.set(term, (p = { docs: [], weights: [], strong: [] }));
      p.docs.push(doc);
      p.weights.push(w);
      p.strong.push(strong.has(term));
    }
  }
  yield;

  const fuzzy = yield* buildFuzzyIndexSteps([...keyToStems.keys()].filter((k) => !k.startsWith('#')));
  let total = 0;
  for (const len of docLength) total += len;
  const n = items.length;
  return {
    items,
    postings,
    keyToStems,
    fuzzy,
    docLength,
    avgLength: n ? total / n : 1,
    idfNorm: Math.log(1 + (n + 0.5) / 1.5),
    scratch: { scores: new Float64Array(n), strongHit: new Uint8Array(n), matchedMask: new Uint32Array(n) },
  };
}

/** The index of a library, built once per library array (identity) and reused while it is unchanged. */
const indexes = libraryCache<readonly RankableReply[], LibraryIndex>(
  indexSteps,
  (cached, library) => cached.items.length === library.length && cached.docLength.length === library.length,
);
const indexFor = (library: readonly RankableReply[]) => indexes.get(library);

/**
 * Builds a library's index ahead of `rankSavedReplies`, in slices of a few ms (the worker answers
 * other messages meanwhile): at 5,000 replies a build takes longer than any handler may block.
 */
export const prepareRanking = (library: readonly RankableReply[]): Promise<void> => indexes.prepare(library);


function normaliseLocale(locale: string | null | undefined): 'fr' | 'en' | null {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('fr')) return 'fr';
  if (l.startsWith('en')) return 'en';
  return null;
}

interface QueryTerm {
  term: string;
  /** Index of the message word (for the matched-words bit mask). */
  word: number;
  factor: number;
}

/** Matched words are tracked as bits: at most this many distinct message words count. */
const MAX_WORDS = 31;

/** The message's terms as library terms (exact stems, typo-corrected stems, topics), and its distinct words. */
function queryTerms(message: string, index: LibraryIndex): { terms: QueryTerm[]; words: string[] } {
  const out = new Map<string, QueryTerm>();
  const words: string[] = [];
  const add = (term: string, word: number, factor: number) => {
    const existing = out.get(term);
    if (!existing || existing.factor < factor) out.set(term, { term, word, factor });
  };
  for (const t of terms(message)) {
    let word = words.indexOf(t.surface);
    if (word < 0) {
      if (words.length >= MAX_WORDS) break;
      word = words.push(t.surface) - 1;
    }
    if (index.postings.has(t.stem)) add(t.stem, word, 1);
    else {
      // Not in the library as written: look for the library words one or two typos away.
      for (const key of new Set([t.folded, t.stem])) {
        for (const near of index.fuzzy.near(key)) {
          for (const s of index.keyToStems.get(near.word) ?? []) add(s, word, FUZZY_FACTOR[near.distance] ?? 0.5);
        }
      }
    }
    for (const topic of t.topics) add(topic, word, TOPIC_FACTOR);
  }
  return { terms: [...out.values()], words };
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/**
 * Ranks a library of saved replies against a customer's message; best first,
 * only those above the relevance floor (an unrelated message gets []).
 */
export function rankSavedReplies<T extends RankableReply>(
  message: string,
  library: readonly T[],
  options: RankOptions = {},
): RankedReply<T>[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 5));
  if (!limit || !library.length || typeof message !== 'string' || !message.trim()) return [];
  const index = indexFor(library);
  const { scores, strongHit, matchedMask } = index.scratch;
  const touched: number[] = [];
  try {
    return score(message, library, index, options, limit, touched);
  } finally {
    for (const doc of touched) {
      scores[doc] = 0;
      strongHit[doc] = 0;
      matchedMask[doc] = 0;
    }
  }
}

function score<T extends RankableReply>(
  message: string,
  library: readonly T[],
  index: LibraryIndex,
  options: RankOptions,
  limit: number,
  touched: number[],
): RankedReply<T>[] {
  const n = library.length;
  const { scores, strongHit, matchedMask } = index.scratch;

  const query = queryTerms(message, index);
  for (const q of query.terms) {
    const p = index.postings.get(q.term);
    if (!p) continue;
    const df = p.docs.length;
    // In a large library, a term most replies share carries almost no weight; skipping it saves the time.
    if (n >= COMMON_TERM_MIN_LIBRARY && df > n * COMMON_TERM_SHARE) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) / index.idfNorm;
    const bit = 1 << q.word;
    for (let i = 0; i < df; i++) {
      const doc = p.docs[i]!;
      const tf = p.weights[i]!;
      const norm = K1 * (1 - B + (B * index.docLength[doc]!) / index.avgLength);
      if (matchedMask[doc] === 0) touched.push(doc);
      scores[doc]! += q.factor * idf * ((tf * (K1 + 1)) / (tf + norm));
      if (p.strong[i] && q.factor >= TOPIC_FACTOR) strongHit[doc] = 1;
      matchedMask[doc]! |= bit;
    }
  }

  const language = normaliseLocale(options.locale) ?? detectLanguage(message);
  // Keep only the best `limit` (sorted, best first) instead of sorting every matching reply.
  const best: Array<{ doc: number; score: number }> = [];
  for (const doc of touched) {
    const item = library[doc]!;
    let score = scores[doc]!;
    if (language && item.language !== 'any' && item.language !== language) score *= OTHER_LANGUAGE_FACTOR;
    // Floor: enough score, and either a title/tag hit or at least two of the message's words.
    if (score < MIN_SCORE || (!strongHit[doc] && bitCount(matchedMask[doc]!) < 2)) continue;
    if (best.length === limit && score <= best[limit - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { doc, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ doc, score }) => {
    const mask = matchedMask[doc]!;
    const words = query.words.filter((_, i) => mask & (1 << i));
    return { id: library[doc]!.id, reply: library[doc]!, score: Math.round(score * 1000) / 1000, matchedWords: words, matched: words };
  });
}

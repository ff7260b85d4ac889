/**
 * Text helpers shared by the rules. Everything here is linear in the text
 * length: the checks run on every (debounced) keystroke.
 */

const foldTable = new Map<string, string>();
// Built once: each Latin letter with a diacritic maps to its lower-case base
// letter, so folding keeps offsets (one code unit in, one out).
for (let code = 0xc0; code <= 0x24f; code++) {
  const c = String.fromCharCode(code);
  const base = c.normalize('NFD').charAt(0).toLowerCase();
  if (base.length === 1) foldTable.set(c, base);
}
for (const [from, to] of [['’', "'"], ['‘', "'"], ['ʼ', "'"], ['œ', 'o'], ['Œ', 'o'], ['æ', 'a'], ['Æ', 'a'], ['\u00a0', ' '], ['\u202f', ' ']] as const) {
  foldTable.set(from, to);
}

function foldChar(c: string): string {
  const mapped = foldTable.get(c);
  if (mapped !== undefined) return mapped;
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** Lower-case, accent-free copy of `text` with the same length (offsets carry over). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: the engine lower-cases, then only non-ASCII characters are mapped one by one.
  if (lower.length === text.length) return lower.replace(/[^\x00-\x7f]/g, (_c, i: number) => foldChar(text.charAt(i)));
  // Rare: a character whose lower case is longer ("İ"): character by character.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const code = c.charCodeAt(0);
    out += code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c) : foldChar(c);
  }
  return out;
}

export interface Line {
  start: number;
  end: number;
  /** Raw text of the line (without the line break). */
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const raw = text.slice(start, i);
      const trimmedEnd = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      lines.push({ start, end: start + trimmedEnd.length, text: trimmedEnd });
      start = i + 1;
    }
  }
  return lines;
}

export interface Span {
  start: number;
  end: number;
}

/** Paragraphs: runs of non-blank lines. */
export function splitParagraphs(lines: Line[]): Line[] {
  const out: Line[] = [];
  let first: Line | null = null;
  let last: Line | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (first && last) out.push({ start: first.start, end: last.end, text: '' });
      first = last = null;
    } else {
      first ??= line;
      last = line;
    }
  }
  if (first && last) out.push({ start: first.start, end: last.end, text: '' });
  return out;
}

/** Letters in any script, digits: what a "word" is made of. */
export const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Whether a string has at least one letter. */
export function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** Number of code points (an emoji counts once). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) n++;
  }
  return n;
}

/** Trims spaces and returns the offsets of what is left inside [start, end). */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Emoji, pictographs, variation selectors and joiners (what decorates a sign-off). */
export const EMOJI_RE = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3]/u;

/** Words (runs of letters or digits; an apostrophe or hyphen inside keeps one word), counted in one pass. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wordChar: boolean =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x2aff && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
    // "aujourd'hui", "peut-être": the joiner does not start a new word.
    const joiner: boolean = inWord && (c === 39 || c === 0x2019 || c === 45);
    if (wordChar && !inWord) n++;
    inWord = wordChar || (joiner && i + 1 < text.length && /[\p{L}\p{N}]/u.test(text.charAt(i + 1)));
  }
  return n;
}

/**
 * Moves past spaces and emoji from `i` (code-point aware). With `sameLine`,
 * stops at a line break.
 */
export function skipDecorations(text: string, i: number, sameLine = false): number {
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (ch === '\n' && sameLine) break;
    if (!/\s/.test(ch) && !EMOJI_RE.test(ch)) break;
    i += ch.length;
  }
  return i;
}

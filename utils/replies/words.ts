/** Words and folding shared by the matching (text.ts) and the language detection (language.ts). */

/** Lower case, no accents, ligatures expanded: "Réservé" -> "reserve", "cœur" -> "coeur". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

export interface Word {
  /** As written (lower case, accents kept): what the sidebar shows as "matched". */
  surface: string;
  /** Folded (no accents). */
  folded: string;
}

// Elisions (l'heure, qu'il, j'ai, n'est) are split off; the letter before the apostrophe becomes its own (stop) word.
export const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Splits text into words (letters and digits), keeping the written form for display. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const surface = m[0];
    out.push({ surface, folded: fold(surface) });
  }
  return out;
}

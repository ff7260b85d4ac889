import type { DraftLocale } from './types';
import { fold } from './text';

// Frequent function words that barely overlap between the two languages.
const FR = new Set(
  'le la les un une des du de et est sont vous votre vos nous notre nos je j il elle ce cette ces pour avec dans sur pas ne que qui au aux en merci bonjour bonsoir salut cordialement bien tres plus mais ou si sera avez etes c d l n qu tout toute bonne journee soiree commande colis'.split(' '),
);
const EN = new Set(
  'the an and is are you your we our i it this that these for with in not do does to of at be will can have has hi hello hey thanks thank please regards best cheers order my if but or so just all get would could should sorry'.split(' '),
);

/** At most this many characters are sampled: the language of a draft shows early. */
const SAMPLE = 2000;

/**
 * Guesses the draft's language from its function words (and accents as a
 * tie-breaker). English wins an empty or undecidable draft.
 */
export function detectLocale(text: string): DraftLocale {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let fr = 0;
  let en = 0;
  for (const m of sample.matchAll(/[\p{L}]+/gu)) {
    const w = fold(m[0]);
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  if (/[éèêàçùœ]/i.test(sample)) fr += 1;
  return fr > en ? 'fr' : 'en';
}

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
const SAMPLE = 1500;

/**
 * Guesses the draft's language from its function words (and accents as a
 * tie-breaker). English wins an empty or undecidable draft. `folded` is
 * `fold(text)` when the caller already has it.
 */
export function detectLocale(text: string, folded?: string): DraftLocale {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const words = (folded ? folded.slice(0, SAMPLE) : fold(sample)).match(/[a-z]+/g) ?? [];
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (FR.has(w)) fr++;
    else if (EN.has(w)) en++;
  }
  if (/[éèêàçùœ]/i.test(sample)) fr += 1;
  return fr > en ? 'fr' : 'en';
}

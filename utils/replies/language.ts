/**
 * A message's language from its function words. Small on purpose (no
 * matching tables): the content script uses it to tell the background which
 * language the conversation is in.
 */
import { words } from './words';

const FR_HINTS = new Set(
  'je j tu il nous vous est suis les des une mon ma mes votre vos pour avec pas que qui quand bonjour merci svp stp commande colis livraison ai avez etes cest sont bonsoir salut dans sur du au aux ou quoi pourquoi comment combien'.split(' '),
);
const EN_HINTS = new Set(
  'i you he we is are the my your for with not that who when hello thanks please order parcel delivery have has was can could would what why how where much and of to it this'.split(' '),
);

/** The language a message is written in, from its function words; null when unsure. */
export function detectLanguage(text: string): 'fr' | 'en' | null {
  let fr = 0;
  let en = 0;
  for (const w of words(text)) {
    if (FR_HINTS.has(w.folded)) fr++;
    if (EN_HINTS.has(w.folded)) en++;
    if (w.surface !== w.folded && /[éèêàçùôîœ]/.test(w.surface)) fr += 0.5;
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

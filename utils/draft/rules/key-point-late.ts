import type { Rule } from '../doc';
import { skipDecorations, type Span } from '../text';

/** Courtesy openers that delay the answer (folded: no accents, lower case). */
const CONTACT_FR = "(?:message|demande|question|mail|e-mail|email|courriel|retour|prise de contact|sollicitation|commentaire|interet)";
const CONTACT_EN = "(?:message|request|question|e-?mail|enquiry|inquiry|note|comment|feedback|interest)";
/**
 * Courtesy openers that delay the answer (folded: no accents, lower case).
 * Thanks for something specific ("Thanks for the love!") is not filler: only
 * thanks for writing in, and "we received your message"-style receipts.
 */
const FILLER_RE = new RegExp(
  [
    `(?:un )?(?:grand |tout d'abord |d'abord )?merci(?: beaucoup| bien)? (?:pour|de) (?:votre|ton|vos|tes|ce|cette|l') ?${CONTACT_FR}`,
    "(?:un )?(?:grand )?merci(?: beaucoup)? de nous avoir (?:contacte|ecrit|sollicite)",
    `(?:je vous|nous vous|je te) remerci(?:e|ons) (?:pour|de) (?:votre|ton|nous avoir|m'avoir|avoir)`,
    `(?:nous avons|j'ai) bien recu (?:votre|ton) ${CONTACT_FR}`,
    "nous accusons (?:bonne )?reception",
    "j'espere que (?:vous allez|tu vas) bien|nous esperons que vous allez bien",
    `(?:many |big )?thanks? (?:you )?(?:so much |very much |a lot )?for (?:reaching out|getting in touch|contacting|writing|your ${CONTACT_EN}|the ${CONTACT_EN}|your patience and|taking the time)`,
    `we(?:'ve| have)? received your ${CONTACT_EN}`,
    "i hope (?:this (?:message |e-?mail )?finds you|you(?:'re| are) (?:well|doing well))|hope you(?:'re| are) (?:well|doing well)",
    "(?:it'?s )?great to hear from you",
  ]
    .map((alt) => `(?:${alt})`)
    .join('|')
    .replace(/^/, '^(?:') + ')',
);

/** Where the first sentence after `from` ends (sentence punctuation or a line break). */
function firstSentence(folded: string, from: number): Span | null {
  const start = skipDecorations(folded, from);
  if (start >= folded.length) return null;
  const re = /[.!?…]+(?=\s|$|\p{Extended_Pictographic})|\n/gu;
  re.lastIndex = start;
  const m = re.exec(folded);
  const end = m ? m.index + (m[0] === '\n' ? 0 : m[0].length) : folded.length;
  return { start, end };
}

/**
 * Previews show only the start of a message: the first sentence after the
 * greeting should carry the point. Flags a long first sentence, or one that
 * is only a courtesy phrase ("Merci pour votre message.").
 */
export const keyPointLate: Rule = {
  id: 'key-point-late',
  check(doc) {
    const { folded, settings, t } = doc;
    const greeting = doc.greeting();
    const sentence = firstSentence(folded, greeting ? greeting.end : 0);
    if (!sentence) return [];
    const s = folded.slice(sentence.start, sentence.end);
    const filler = FILLER_RE.exec(s);
    if (filler) {
      // "Merci pour votre message, votre colis part demain": the answer is in the same sentence.
      const rest = s.slice(filler[0].length);
      const clause = /[,:;—–-]\s*(.*)$/su.exec(rest);
      const answerFollows = clause && (clause[1]?.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3 && !/^(?:et|and)\b/.test(clause[1] ?? '');
      // Only flag when something follows the filler (a greeting-and-thanks-only message is just that).
      const more = doc.text.slice(sentence.end).trim().length > 0;
      if (!answerFollows && more) {
        return [{ rule: 'key-point-late', severity: 'info', start: sentence.start, end: sentence.end, message: t.keyPointLateFiller }];
      }
    }
    if (sentence.end - sentence.start > settings.keyPointMaxChars) {
      return [{ rule: 'key-point-late', severity: 'info', start: sentence.start, end: sentence.end, message: t.keyPointLateLong(settings.keyPointMaxChars) }];
    }
    return [];
  },
};

import type { Span } from './text';
import { skipDecorations } from './text';

/**
 * Opening greetings: "Bonjour Marc,", "Hello !", "Hi Sarah -", "Dear Mr Smith,",
 * "Bonsoir 😊". Matched on the folded text at the start of the draft.
 */
const GREETING_RE =
  /^(\s*)(?:re-?bonjour|bonjour|bonsoir|salut|coucou|hello|hi|hey|dear|greetings|good (?:morning|afternoon|evening)|cher|chere|madame|monsieur)\b/u;

/** How far the greeting clause may run ("Bonjour Madame Le Guennec,") before its punctuation. */
const GREETING_MAX = 50;

/** The greeting at the start of the draft, including its punctuation and trailing emoji. */
export function findGreeting(folded: string): Span | null {
  const lead = skipDecorations(folded, 0);
  const m = GREETING_RE.exec(folded.slice(lead, lead + 40));
  if (!m) return null;
  const start = lead + (m[1]?.length ?? 0);
  const wordEnd = lead + m[0].length;
  let end = wordEnd;
  // "Bonjour et merci pour…": the greeting is only the word.
  if (!/^\s+(?:et|and)\b/.test(folded.slice(wordEnd, wordEnd + 6))) {
    const limit = Math.min(folded.length, wordEnd + GREETING_MAX);
    for (let i = wordEnd; i < limit; i++) {
      const c = folded.charAt(i);
      if (c === '\n') {
        end = i;
        break;
      }
      if (',!.:?—–'.includes(c)) {
        while (i + 1 < folded.length && '!?.,'.includes(folded.charAt(i + 1))) i++;
        end = i + 1;
        break;
      }
    }
  }
  return { start, end: skipDecorations(folded, end, true) };
}

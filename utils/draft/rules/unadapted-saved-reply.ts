import type { Rule } from '../doc';
import { bestMatch } from '../similarity';

/** Shorter drafts are quick answers that may well match a short saved reply by chance. */
const MIN_WORDS = 8;

/** "Utilisez les réponses enregistrées avec parcimonie et adaptez-les": a saved reply pasted as is. */
export const unadaptedSavedReply: Rule = {
  id: 'unadapted-saved-reply',
  check(doc) {
    const replies = doc.ctx.savedReplies;
    if (!replies?.length || doc.words < MIN_WORDS) return [];
    const best = bestMatch(doc.text, replies, doc.folded, doc.settings.savedReplySimilarity / 100);
    if (!best || best.score * 100 < doc.settings.savedReplySimilarity) return [];
    return [{ rule: 'unadapted-saved-reply', severity: 'warn', message: doc.t.savedReply(Math.round(best.score * 100)) }];
  },
};

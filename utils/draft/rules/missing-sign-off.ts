import type { Rule } from '../doc';

/** Below this many words a draft is a quick answer ("Avec plaisir !"): no signature asked for. */
export const MIN_WORDS_FOR_SIGN_OFF = 8;

/** The articles: sign with your first name, it makes the answer personal. */
export const missingSignOff: Rule = {
  id: 'missing-sign-off',
  check(doc) {
    if (doc.words < MIN_WORDS_FOR_SIGN_OFF) return [];
    const signOff = doc.signOff();
    if (signOff.kind === 'none') return [{ rule: 'missing-sign-off', severity: 'info', message: doc.t.missingSignOff }];
    if (signOff.kind === 'closing-only') return [{ rule: 'missing-sign-off', severity: 'info', message: doc.t.missingSignOffClosing }];
    return [];
  },
};

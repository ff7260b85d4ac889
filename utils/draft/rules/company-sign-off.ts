import type { Rule } from '../doc';

/** "L'équipe Acme", "The Acme Team", a configured company name: too impersonal (the articles). */
export const companySignOff: Rule = {
  id: 'company-sign-off',
  check(doc) {
    const signOff = doc.signOff();
    if (signOff.kind !== 'company' || !signOff.signer) return [];
    return [{ rule: 'company-sign-off', severity: 'warn', start: signOff.signer.start, end: signOff.signer.end, message: doc.t.companySignOff }];
  },
};

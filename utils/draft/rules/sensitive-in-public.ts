import type { Rule } from '../doc';
import { sensitiveLabel } from '../strings';
import { findSensitive } from '../sensitive';

/** Billing, order status and personal data go in a private reply, never in a public comment. */
export const sensitiveInPublic: Rule = {
  id: 'sensitive-in-public',
  check(doc) {
    if (!doc.ctx.publicReply) return [];
    return findSensitive(doc.text, doc.folded).map((m) => ({
      rule: 'sensitive-in-public' as const,
      severity: 'warn' as const,
      start: m.start,
      end: m.end,
      message: doc.t.sensitive(sensitiveLabel(doc.t, m.kind)),
    }));
  },
};

import type { Rule } from '../doc';
import { findPlaceholders } from '../placeholders';

/** `{first_name}`, `[Prénom]`, `<NAME>`… left in the text would be sent as is. */
export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  check(doc) {
    return findPlaceholders(doc.text).map((s) => ({
      rule: 'unfilled-placeholder' as const,
      severity: 'warn' as const,
      start: s.start,
      end: s.end,
      message: doc.t.placeholder,
    }));
  },
};

import type { Rule } from '../doc';

/** Meta's 24-hour window is over: say what may still be sent (human agent tag, 7 days). */
export const windowClosed: Rule = {
  id: 'window-closed',
  check(doc) {
    return doc.ctx.windowClosed ? [{ rule: 'window-closed', severity: 'warn', message: doc.t.windowClosed }] : [];
  },
};

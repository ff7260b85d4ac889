import type { Rule } from '../doc';

/** "Donnez des instructions étape par étape": several sequential steps in one paragraph read better as a list. */
export const stepsAsProse: Rule = {
  id: 'steps-as-prose',
  check(doc) {
    return doc.stepBlocks().map((block) => ({
      rule: 'steps-as-prose' as const,
      severity: 'info' as const,
      start: block.steps[0]!.start,
      end: block.steps[block.steps.length - 1]!.end,
      message: doc.t.stepsAsProse(block.steps.length),
    }));
  },
};

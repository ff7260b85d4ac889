import type { DraftRuleSettings } from '../../../utils/draft/config';
import type { FixId } from '../../../utils/draft/fixes';
import type { DraftContext, Finding } from '../../../utils/draft/types';

/**
 * Draft checks run in the background worker, so the rule engine (sign-off
 * tables, sensitive-data patterns, similarity) is not shipped in the content
 * script. The draft text passes through runtime messaging only: the handler
 * checks it and forgets it; it is never stored or logged.
 */
export interface DraftProtocol {
  /**
   * Content -> background: check a draft. The background adds the saved
   * replies' bodies itself (`context.savedReplies` is ignored if sent).
   */
  'draft:check': {
    request: { text: string; context: Omit<DraftContext, 'savedReplies'>; settings?: Partial<DraftRuleSettings> };
    response: { findings: Finding[] };
  };
  /**
   * Content -> background: the new draft for a one-click fix (the content
   * script then writes it into the composer). `finding` was found in
   * `checkedText`; when the live `text` differs (the agent typed since), the
   * background re-checks `text` and fixes the same rule there. `text: null`:
   * the fix no longer applies.
   */
  'draft:fix': {
    request: {
      fix: FixId;
      finding: Finding;
      checkedText: string;
      text: string;
      context: Omit<DraftContext, 'savedReplies'>;
      settings?: Partial<DraftRuleSettings>;
    };
    response: { text: string | null };
  };
}

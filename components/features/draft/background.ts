import { onMessages } from '../../../utils/messaging';
import { applyFix } from '../../../utils/draft/fixes';
import { checkDraft } from '../../../utils/draft/index';

/** Where the saved replies' bodies come from (the saved-replies feature owns them); a failure means "none". */
export interface SavedReplyBodies {
  bodies(): Promise<string[]>;
}

/**
 * The draft-checks part of the background worker: answers `draft:check`
 * with `checkDraft` and `draft:fix` with `applyFix` (both pure). The draft
 * text lives only for the duration of the call: nothing here stores or logs it.
 */
export function registerDraftBackground(savedReplies?: SavedReplyBodies): void {
  const bodies = async (): Promise<string[]> => {
    try {
      const list = (await savedReplies?.bodies()) ?? [];
      return Array.isArray(list) ? list.filter((b): b is string => typeof b === 'string') : [];
    } catch {
      return []; // The saved-replies feature may be absent or failing: check without it.
    }
  };
  onMessages({
    'draft:check': async ({ text, context, settings }) => ({
      findings: checkDraft(text, { ...context, savedReplies: await bodies() }, settings),
    }),
    'draft:fix': ({ fix, finding, checkedText, text, context, settings }) => {
      let target: typeof finding | undefined = finding;
      // The agent typed since the check: find the same rule in the live text so the offsets match it.
      if (text !== checkedText) target = checkDraft(text, context, settings).find((f) => f.rule === finding.rule);
      const next = target ? applyFix(fix, target, text, context, settings?.minSteps) : null;
      return { text: next === text ? null : next };
    },
  });
}

import { RULE_IDS, type RuleId } from './types';

/**
 * Rule switches and thresholds. Pure (no storage) so the rules engine and the
 * benchmark can import it; the storage item lives in ./settings.ts.
 */
export interface DraftRuleSettings {
  enabled: Record<RuleId, boolean>;
  /** `too-long` gives an info past this many characters... */
  maxLength: number;
  /** ...and a warning past this one. */
  hardMaxLength: number;
  /** `key-point-late`: longest acceptable first sentence after the greeting. */
  keyPointMaxChars: number;
  /** `unadapted-saved-reply`: similarity (percent) at or above which a draft counts as an unchanged saved reply. */
  savedReplySimilarity: number;
  /** `steps-as-prose`: how many sequential steps make a paragraph worth a numbered list. */
  minSteps: number;
  /** Extra words in capitals that are not shouting (brand acronyms...). */
  acronyms: string[];
}

export const DEFAULT_DRAFT_RULE_SETTINGS: DraftRuleSettings = {
  enabled: Object.fromEntries(RULE_IDS.map((id) => [id, true])) as Record<RuleId, boolean>,
  maxLength: 500,
  hardMaxLength: 1000,
  keyPointMaxChars: 140,
  savedReplySimilarity: 90,
  minSteps: 3,
  acronyms: [],
};

/** Bounds shared by validation and the options form. */
export const DRAFT_LIMITS = {
  maxLength: { min: 50, max: 5000 },
  hardMaxLength: { min: 100, max: 20000 },
  keyPointMaxChars: { min: 40, max: 1000 },
  savedReplySimilarity: { min: 50, max: 100 },
  minSteps: { min: 2, max: 10 },
  acronyms: { maxCount: 100, maxLength: 20 },
} as const;

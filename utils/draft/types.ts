/**
 * Public shapes of the draft checks. `checkDraft(text, context)` is called by
 * outside tests with exactly these shapes: add optional fields only.
 */

export type DraftLocale = 'fr' | 'en';

export const RULE_IDS = [
  'too-long',
  'key-point-late',
  'missing-sign-off',
  'company-sign-off',
  'steps-as-prose',
  'shouting',
  'sensitive-in-public',
  'unadapted-saved-reply',
  'unfilled-placeholder',
  'window-closed',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'info' | 'warn';

export interface Finding {
  /** Stable rule id (never translated): what code and tests key on. */
  rule: RuleId;
  severity: Severity;
  /** Offsets into the checked `text` (UTF-16 code units, `end` exclusive) when the finding concerns a span. */
  start?: number;
  end?: number;
  /** Short explanation for the agent, in `context.uiLocale ?? context.locale ?? detected draft language`. */
  message: string;
}

export interface DraftContext {
  /** The agent's first name ("" when not configured yet). */
  agentName: string;
  /** Company, brand and Page names that should not sign a reply. */
  companyNames: string[];
  /** Language of the draft; detected from the text when absent. */
  locale?: DraftLocale;
  /** The reply is a public comment (comments tabs), not a private message. */
  publicReply?: boolean;
  /** Bodies of the saved replies, to spot one pasted without adaptation. */
  savedReplies?: string[];
  /** Meta's 24-hour window is over (the composer is disabled). */
  windowClosed?: boolean;
  /** Language the agent reads the findings in; defaults to the draft's language. */
  uiLocale?: DraftLocale;
}

import { DEFAULT_DRAFT_RULE_SETTINGS, type DraftRuleSettings } from './config';
import { analyse } from './doc';
import { RULES } from './rules';
import type { DraftContext, Finding } from './types';

export type { DraftContext, DraftLocale, Finding, RuleId, Severity } from './types';
export { RULE_IDS } from './types';
export { DEFAULT_DRAFT_RULE_SETTINGS, type DraftRuleSettings } from './config';
export { detectLocale } from './language';

/**
 * Checks a reply draft against Meta's writing advice (see the source
 * articles): short, key point first, signed with a first name, steps as a
 * list, no shouting, nothing private in public, saved replies adapted,
 * template gaps filled, and the 24-hour window.
 *
 * Pure and synchronous; never throws on odd input (a rule that fails is
 * skipped). `settings` switches rules and sets thresholds (options page);
 * missing fields take the defaults.
 */
export function checkDraft(text: string, context: DraftContext, settings?: Partial<DraftRuleSettings>): Finding[] {
  const merged: DraftRuleSettings = {
    ...DEFAULT_DRAFT_RULE_SETTINGS,
    ...settings,
    enabled: { ...DEFAULT_DRAFT_RULE_SETTINGS.enabled, ...settings?.enabled },
  };
  const safeText = typeof text === 'string' ? text : '';
  const ctx: DraftContext = {
    ...context,
    agentName: typeof context?.agentName === 'string' ? context.agentName : '',
    companyNames: Array.isArray(context?.companyNames) ? context.companyNames.filter((c) => typeof c === 'string' && c.trim()) : [],
  };
  const blank = safeText.trim() === '';
  const doc = analyse(safeText, ctx, merged);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!merged.enabled[rule.id]) continue;
    // An empty composer only hears about the closed window.
    if (blank && rule.id !== 'window-closed') continue;
    try {
      findings.push(...rule.check(doc));
    } catch (error) {
      console.warn(`[Inbox Pilot] draft rule "${rule.id}" failed`, error);
    }
  }
  return findings;
}

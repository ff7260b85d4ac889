import { storage } from 'wxt/utils/storage';
import { DEFAULT_DRAFT_RULE_SETTINGS, DRAFT_LIMITS, type DraftRuleSettings } from './config';
import { RULE_IDS, type RuleId } from './types';

export type DraftSettings = DraftRuleSettings;
export const DEFAULT_DRAFT_SETTINGS: DraftSettings = DEFAULT_DRAFT_RULE_SETTINGS;

export type DraftSettingsField = Exclude<keyof DraftSettings, 'enabled'> | 'enabled';
export type DraftSettingsIssue = { field: DraftSettingsField; code: 'range' | 'invalid' | 'tooLong' | 'order' };

type NumberField = 'maxLength' | 'hardMaxLength' | 'keyPointMaxChars' | 'savedReplySimilarity' | 'minSteps';
const NUMBER_FIELDS: NumberField[] = ['maxLength', 'hardMaxLength', 'keyPointMaxChars', 'savedReplySimilarity', 'minSteps'];

/**
 * Validates and normalises untrusted draft settings (options form, import
 * file, older stored values). Each bad field keeps its default and is reported.
 */
export function validateDraftSettings(input: unknown): { value: DraftSettings; issues: DraftSettingsIssue[] } {
  const issues: DraftSettingsIssue[] = [];
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const value: DraftSettings = { ...DEFAULT_DRAFT_SETTINGS, enabled: { ...DEFAULT_DRAFT_SETTINGS.enabled }, acronyms: [] };

  if (typeof raw.enabled === 'object' && raw.enabled !== null) {
    const enabled = raw.enabled as Record<string, unknown>;
    for (const id of RULE_IDS) {
      if (typeof enabled[id] === 'boolean') value.enabled[id as RuleId] = enabled[id] as boolean;
      else if (enabled[id] !== undefined) issues.push({ field: 'enabled', code: 'invalid' });
    }
  } else if (raw.enabled !== undefined) issues.push({ field: 'enabled', code: 'invalid' });

  for (const field of NUMBER_FIELDS) {
    if (raw[field] === undefined) continue;
    const n = Number(raw[field]);
    const { min, max } = DRAFT_LIMITS[field];
    if (typeof raw[field] === 'boolean' || !Number.isFinite(n) || n < min || n > max) issues.push({ field, code: 'range' });
    else value[field] = Math.round(n);
  }
  if (value.hardMaxLength <= value.maxLength) {
    issues.push({ field: 'hardMaxLength', code: 'order' });
    value.maxLength = DEFAULT_DRAFT_SETTINGS.maxLength;
    value.hardMaxLength = DEFAULT_DRAFT_SETTINGS.hardMaxLength;
  }

  if (Array.isArray(raw.acronyms)) {
    const words = raw.acronyms.filter((a): a is string => typeof a === 'string').map((a) => a.trim().toUpperCase()).filter(Boolean);
    if (words.length > DRAFT_LIMITS.acronyms.maxCount || words.some((w) => w.length > DRAFT_LIMITS.acronyms.maxLength)) {
      issues.push({ field: 'acronyms', code: 'tooLong' });
    } else value.acronyms = [...new Set(words)];
  } else if (raw.acronyms !== undefined) issues.push({ field: 'acronyms', code: 'invalid' });

  return { value, issues };
}

/** Rule switches and thresholds (options page). Version 1. */
export const draftSettings = storage.defineItem<DraftSettings>('local:settings.draft', {
  fallback: DEFAULT_DRAFT_SETTINGS,
  version: 1,
});

/** Set once the agent dismissed the "what is your first name?" prompt, so it is asked only once. */
export const draftNamePromptDismissed = storage.defineItem<boolean>('local:ui.draftNamePromptDismissed', {
  fallback: false,
  version: 1,
});

import { storage } from 'wxt/utils/storage';
import type { LanguageSetting } from '../i18n';

/**
 * Settings every feature reads. Each feature that has its own settings keeps
 * them in its own versioned item (timers, draft rules, stats...) so that a
 * migration of one never touches another.
 */
export interface GeneralSettings {
  /** The agent's first name: used to sign replies and to name "me" in stats. */
  agentName: string;
  /** Company, brand and Page names that should not sign a reply. */
  companyNames: string[];
  /** Reply target in minutes ("90% within 5 minutes"). */
  targetMinutes: number;
  /** Share of replies that should meet the target, in percent. */
  goalPercent: number;
  language: LanguageSetting;
}

export const DEFAULT_GENERAL_SETTINGS: GeneralSettings = {
  agentName: '',
  companyNames: [],
  targetMinutes: 5,
  goalPercent: 90,
  language: 'auto',
};

export type SettingsIssue = { field: keyof GeneralSettings; code: 'required' | 'range' | 'tooLong' | 'invalid' };

/** Validates and normalises untrusted settings (options form, import file). */
export function validateGeneralSettings(input: unknown): { value: GeneralSettings; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const value: GeneralSettings = { ...DEFAULT_GENERAL_SETTINGS };

  if (typeof raw.agentName === 'string') {
    const name = raw.agentName.trim().replace(/\s+/g, ' ');
    if (name.length > 40) issues.push({ field: 'agentName', code: 'tooLong' });
    else value.agentName = name;
  } else if (raw.agentName !== undefined) issues.push({ field: 'agentName', code: 'invalid' });

  if (Array.isArray(raw.companyNames)) {
    const names = raw.companyNames.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter(Boolean);
    if (names.some((n) => n.length > 80) || names.length > 20) issues.push({ field: 'companyNames', code: 'tooLong' });
    else value.companyNames = [...new Set(names)];
  } else if (raw.companyNames !== undefined) issues.push({ field: 'companyNames', code: 'invalid' });

  const target = Number(raw.targetMinutes ?? DEFAULT_GENERAL_SETTINGS.targetMinutes);
  if (!Number.isFinite(target) || target < 1 || target > 1440) issues.push({ field: 'targetMinutes', code: 'range' });
  else value.targetMinutes = Math.round(target * 10) / 10;

  const goal = Number(raw.goalPercent ?? DEFAULT_GENERAL_SETTINGS.goalPercent);
  if (!Number.isFinite(goal) || goal < 1 || goal > 100) issues.push({ field: 'goalPercent', code: 'range' });
  else value.goalPercent = Math.round(goal);

  if (raw.language === 'auto' || raw.language === 'fr' || raw.language === 'en') value.language = raw.language;
  else if (raw.language !== undefined) issues.push({ field: 'language', code: 'invalid' });

  return { value, issues };
}

export const generalSettings = storage.defineItem<GeneralSettings>('local:settings.general', {
  fallback: DEFAULT_GENERAL_SETTINGS,
  version: 1,
});

/** Whether the sidebar is collapsed: remembered per browser, not per agent. */
export const sidebarCollapsed = storage.defineItem<boolean>('local:ui.sidebarCollapsed', {
  fallback: false,
  version: 1,
});

/** Whether the first-run tour was finished or dismissed: it never shows again in this browser. */
export const tourDone = storage.defineItem<boolean>('local:ui.tourDone', {
  fallback: false,
  version: 1,
});

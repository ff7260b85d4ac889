import { storage } from 'wxt/utils/storage';

/** Stats settings: how long to keep responses, and the CSV separator. */
export interface StatsSettings {
  /** Responses older than this many weeks are purged daily. */
  retentionWeeks: number;
  /** 'auto' = `;` when the UI is French, `,` otherwise. */
  csvSeparator: 'auto' | ',' | ';';
}

export const DEFAULT_STATS_SETTINGS: StatsSettings = { retentionWeeks: 52, csvSeparator: 'auto' };
export const MIN_RETENTION_WEEKS = 1;
export const MAX_RETENTION_WEEKS = 520;

export type StatsSettingsIssue = { field: keyof StatsSettings; code: 'range' | 'invalid' };

export function validateStatsSettings(input: unknown): { value: StatsSettings; issues: StatsSettingsIssue[] } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const value: StatsSettings = { ...DEFAULT_STATS_SETTINGS };
  const issues: StatsSettingsIssue[] = [];
  if (raw.retentionWeeks !== undefined) {
    const w = typeof raw.retentionWeeks === 'boolean' ? NaN : Number(raw.retentionWeeks);
    if (!Number.isInteger(w) || w < MIN_RETENTION_WEEKS || w > MAX_RETENTION_WEEKS) issues.push({ field: 'retentionWeeks', code: 'range' });
    else value.retentionWeeks = w;
  }
  if (raw.csvSeparator === 'auto' || raw.csvSeparator === ',' || raw.csvSeparator === ';') value.csvSeparator = raw.csvSeparator;
  else if (raw.csvSeparator !== undefined) issues.push({ field: 'csvSeparator', code: 'invalid' });
  return { value, issues };
}

export const statsSettings = storage.defineItem<StatsSettings>('local:settings.stats', {
  fallback: DEFAULT_STATS_SETTINGS,
  version: 1,
});

/**
 * The stored stats settings, validated: an unreadable or invalid stored value falls back field by
 * field to the default, so a corrupt retention (0, -5, "abc") can never purge every response.
 */
export async function readStatsSettings(): Promise<StatsSettings> {
  return validateStatsSettings(await statsSettings.getValue().catch(() => DEFAULT_STATS_SETTINGS)).value;
}

export function csvSeparatorFor(setting: StatsSettings['csvSeparator'], locale: 'en' | 'fr'): ',' | ';' {
  if (setting === ',' || setting === ';') return setting;
  return locale === 'fr' ? ';' : ',';
}

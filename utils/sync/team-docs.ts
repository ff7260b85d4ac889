import { validateReplyDraft } from '../replies/validate';
import type { ReplyDraft, SavedReply } from '../replies/types';
import { validateSchedule, type Schedule } from '../timers/business-hours';
import { validateGeneralSettings, type GeneralSettings } from '../settings/general';
import type { TimingSettings } from '../timers/settings';
import { validateStatsSettings } from '../stats/settings';

/**
 * The team's shared documents (pure): `team:library` (saved replies) and `team:settings`
 * (reply target, goal percentage, business hours with holidays, company names). Managers
 * write them; every browser validates what it receives as untrusted input.
 */
export const TEAM_LIBRARY_ID = 'team:library';
export const TEAM_SETTINGS_ID = 'team:settings';
/** Team replies live in the local library under this id prefix; personal replies are never touched. */
export const TEAM_REPLY_PREFIX = 'team-';

export interface TeamSettingsValue {
  targetMinutes: number;
  goalPercent: number;
  companyNames: string[];
  /** null = always open. Holidays are part of the schedule. */
  businessHours: Schedule | null;
  /**
   * Team records older than this many weeks are deleted from the server by a manager's browser
   * (the retention job) and purged from every browser's stats: the stats' own "keep responses for"
   * setting, the manager's value shared with the team. A document without it means the default (52).
   */
  retentionWeeks: number;
}

export interface TeamLibraryValue {
  replies: Array<ReplyDraft & { id: string }>;
}

export interface TeamDocMeta {
  updatedAt: number;
  updatedBy: string;
}

export function teamSettingsDoc(value: TeamSettingsValue, meta: TeamDocMeta) {
  return { _id: TEAM_SETTINGS_ID, type: 'settings' as const, ...value, ...meta };
}

export function teamLibraryDoc(value: TeamLibraryValue, meta: TeamDocMeta) {
  return { _id: TEAM_LIBRARY_ID, type: 'library' as const, ...value, ...meta };
}

export function teamDocMeta(doc: unknown): TeamDocMeta {
  const d = (doc ?? {}) as Record<string, unknown>;
  return { updatedAt: typeof d.updatedAt === 'number' ? d.updatedAt : 0, updatedBy: typeof d.updatedBy === 'string' ? d.updatedBy : '' };
}

/** Validates a received team:settings document; null when anything is wrong (the local settings then stay). */
export function readTeamSettings(doc: unknown): TeamSettingsValue | null {
  if (typeof doc !== 'object' || doc === null || (doc as { type?: unknown }).type !== 'settings') return null;
  const d = doc as Record<string, unknown>;
  const general = validateGeneralSettings({ targetMinutes: d.targetMinutes, goalPercent: d.goalPercent, companyNames: d.companyNames });
  if (general.issues.length) return null;
  const schedule = validateSchedule(d.businessHours ?? null);
  if (schedule.issues.length) return null;
  const stats = validateStatsSettings({ retentionWeeks: d.retentionWeeks });
  if (stats.issues.length) return null;
  return { targetMinutes: general.value.targetMinutes, goalPercent: general.value.goalPercent, companyNames: general.value.companyNames, businessHours: schedule.value, retentionWeeks: stats.value.retentionWeeks };
}

/** Validates a received team:library document; replies that fail validation are dropped, not the library. */
export function readTeamLibrary(doc: unknown): TeamLibraryValue | null {
  if (typeof doc !== 'object' || doc === null || (doc as { type?: unknown }).type !== 'library') return null;
  const list = (doc as { replies?: unknown }).replies;
  if (!Array.isArray(list)) return null;
  const seen = new Set<string>();
  const replies: TeamLibraryValue['replies'] = [];
  for (const item of list.slice(0, 500)) {
    const id = (item as { id?: unknown })?.id;
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || seen.has(id)) continue;
    const { value, issues } = validateReplyDraft(item);
    if (issues.length) continue;
    seen.add(id);
    replies.push({ ...value, id });
  }
  return { replies };
}

/** The local settings with the team's applied: personal fields (agent name, language, timers' own options) stay. */
export function applyTeamSettings(general: GeneralSettings, timing: TimingSettings, team: TeamSettingsValue): { general: GeneralSettings; timing: TimingSettings } {
  return {
    general: { ...general, targetMinutes: team.targetMinutes, goalPercent: team.goalPercent, companyNames: team.companyNames },
    timing: { ...timing, businessHours: team.businessHours },
  };
}

/**
 * How the local library changes for a received team library: team replies are put under
 * `team-<id>` (usage counts kept), team replies no longer in the library are removed, and
 * personal replies are left alone. A team reply's shortcut taken by a personal reply is dropped.
 */
export function planTeamLibrary(local: SavedReply[], team: TeamLibraryValue, now: number): { put: SavedReply[]; remove: string[] } {
  const byId = new Map(local.map((r) => [r.id, r]));
  const personalShortcuts = new Set(local.filter((r) => !r.id.startsWith(TEAM_REPLY_PREFIX) && r.shortcut).map((r) => r.shortcut!));
  const wanted = new Set<string>();
  const put: SavedReply[] = [];
  for (const t of team.replies) {
    const id = `${TEAM_REPLY_PREFIX}${t.id}`;
    wanted.add(id);
    const old = byId.get(id);
    const { id: _teamId, ...draft } = t;
    const shortcut = draft.shortcut && !personalShortcuts.has(draft.shortcut) ? draft.shortcut : undefined;
    const next: SavedReply = { ...draft, shortcut, id, usageCount: old?.usageCount ?? 0, lastUsedAt: old?.lastUsedAt ?? null, createdAt: old?.createdAt ?? now, updatedAt: old?.updatedAt ?? now };
    const same = old && old.title === next.title && old.body === next.body && old.language === next.language && old.shortcut === next.shortcut && JSON.stringify(old.tags) === JSON.stringify(next.tags);
    if (!same) put.push({ ...next, updatedAt: now });
  }
  const remove = local.filter((r) => r.id.startsWith(TEAM_REPLY_PREFIX) && !wanted.has(r.id)).map((r) => r.id);
  return { put, remove };
}

/** The manager's personal replies as a team library (what "Share my library with the team" publishes). */
export function libraryFromLocal(local: SavedReply[]): TeamLibraryValue {
  return {
    replies: local.map((r) => ({
      id: r.id.startsWith(TEAM_REPLY_PREFIX) ? r.id.slice(TEAM_REPLY_PREFIX.length) : r.id,
      title: r.title,
      body: r.body,
      language: r.language,
      tags: r.tags,
      ...(r.shortcut ? { shortcut: r.shortcut } : {}),
    })),
  };
}

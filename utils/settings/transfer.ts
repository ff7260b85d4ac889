import type { WxtStorageItem } from 'wxt/utils/storage';
import { draftSettings, validateDraftSettings } from '../draft/settings';
import { statsSettings, validateStatsSettings } from '../stats/settings';
import { timingSettings, validateTimingSettings } from '../timers/settings';
import { generalSettings, validateGeneralSettings } from './general';
import { featureSwitches, validateFeatureSwitches } from './features';

/**
 * Settings export/import as one versioned JSON file, so an agent can move to
 * another browser or a team lead can hand out the same rules. Each settings
 * item registers here with its own validator; an import is all-or-nothing:
 * every section is validated before anything is written.
 */
export const SETTINGS_FILE_FORMAT = 'inbox-pilot-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Settings files are small; anything bigger is not ours. */
export const SETTINGS_FILE_MAX_BYTES = 256 * 1024;

interface SettingsSection<T> {
  item: WxtStorageItem<T, Record<string, unknown>>;
  validate: (input: unknown) => { value: T; issues: unknown[] };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySection = SettingsSection<any>;

export const settingsSections: Readonly<Record<string, AnySection>> = {
  general: { item: generalSettings, validate: validateGeneralSettings },
  timing: { item: timingSettings, validate: validateTimingSettings },
  draft: { item: draftSettings, validate: validateDraftSettings },
  stats: { item: statsSettings, validate: validateStatsSettings },
  features: { item: featureSwitches, validate: validateFeatureSwitches },
};

/**
 * The section registered under this name. An own-property check, because a file's `__proto__`,
 * `constructor` or `toString` section would otherwise find Object.prototype's members.
 */
function sectionNamed(name: string): AnySection | undefined {
  return Object.hasOwn(settingsSections, name) ? settingsSections[name] : undefined;
}

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  settings: Record<string, unknown>;
}

export async function exportSettings(now = new Date()): Promise<string> {
  const settings: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(settingsSections)) settings[name] = await section.item.getValue();
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, exportedAt: now.toISOString(), settings };
  return JSON.stringify(file, null, 2);
}

export type SettingsImportError =
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'not-settings-file' }
  | { code: 'unsupported-version'; version: unknown }
  | { code: 'invalid-section'; section: string; issues: unknown[] };

export type ParsedSettings = { ok: true; values: Record<string, unknown>; unknownSections: string[] } | { ok: false; errors: SettingsImportError[] };

/** Validates a settings file without writing anything. */
export function parseSettingsFile(text: string): ParsedSettings {
  if (new TextEncoder().encode(text).length > SETTINGS_FILE_MAX_BYTES) return { ok: false, errors: [{ code: 'too-large' }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ code: 'not-json' }] };
  }
  if (typeof data !== 'object' || data === null || (data as SettingsFile).format !== SETTINGS_FILE_FORMAT) {
    return { ok: false, errors: [{ code: 'not-settings-file' }] };
  }
  const file = data as SettingsFile;
  if (file.version !== SETTINGS_FILE_VERSION) return { ok: false, errors: [{ code: 'unsupported-version', version: file.version }] };
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) return { ok: false, errors: [{ code: 'not-settings-file' }] };

  const errors: SettingsImportError[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(file.settings)) {
    const section = sectionNamed(name);
    if (!section) continue;
    // Validators read missing fields as defaults: a non-object section would silently reset them all.
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ code: 'invalid-section', section: name, issues: [{ code: 'invalid' }] });
      continue;
    }
    const { value, issues } = section.validate(raw);
    if (issues.length) errors.push({ code: 'invalid-section', section: name, issues });
    else values[name] = value;
  }
  const unknownSections = Object.keys(file.settings).filter((n) => !sectionNamed(n));
  return errors.length ? { ok: false, errors } : { ok: true, values, unknownSections };
}

/** Writes validated values. Only call with the `values` of a successful parse. */
export async function applySettings(values: Record<string, unknown>): Promise<void> {
  // Write the current values back if one write fails, so a half-applied import never stays.
  const previous: Record<string, unknown> = {};
  for (const name of Object.keys(values)) previous[name] = await sectionNamed(name)!.item.getValue();
  try {
    for (const [name, value] of Object.entries(values)) await sectionNamed(name)!.item.setValue(value);
  } catch (error) {
    for (const [name, value] of Object.entries(previous)) await sectionNamed(name)!.item.setValue(value).catch(() => undefined);
    throw error;
  }
}

import { storage } from 'wxt/utils/storage';

/**
 * Per-feature on/off (issue 12): `{ [featureId]: boolean }`. A feature missing from the stored value
 * takes its default (components/features/<id>/feature.ts), so adding a feature needs no migration.
 */
export type FeatureSwitches = Record<string, boolean>;

/** The ids the options page offers a switch for (their `feature.ts` says `switchable: true`). */
export const SWITCHABLE_FEATURES = ['timers', 'replies', 'draft', 'stats'] as const;

export const featureSwitches = storage.defineItem<FeatureSwitches>('local:settings.features', {
  fallback: {},
  version: 1,
});

export type FeatureSwitchesIssue = { field: string; code: 'invalid' };

/** Keeps known ids with boolean values; anything else is reported and dropped. */
export function validateFeatureSwitches(input: unknown): { value: FeatureSwitches; issues: FeatureSwitchesIssue[] } {
  const value: FeatureSwitches = {};
  const issues: FeatureSwitchesIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    if (input !== undefined) issues.push({ field: 'features', code: 'invalid' });
    return { value, issues };
  }
  for (const [id, on] of Object.entries(input)) {
    if ((SWITCHABLE_FEATURES as readonly string[]).includes(id) && typeof on === 'boolean') value[id] = on;
    else issues.push({ field: id, code: 'invalid' });
  }
  return { value, issues };
}

/** Whether a feature runs: its stored switch, else its default. Features that cannot be switched off always run. */
export function isFeatureOn(switches: FeatureSwitches, meta: { id: string; switchable: boolean; defaultOn: boolean }): boolean {
  if (!meta.switchable) return true;
  return Object.hasOwn(switches, meta.id) ? switches[meta.id] === true : meta.defaultOn;
}

import { businessMillis } from '../timers/business-hours';
import { timingSettings, usesBusinessTime, validateTimingSettings, DEFAULT_TIMING_SETTINGS } from '../timers/settings';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, validateGeneralSettings } from '../settings/general';
import type { PairingConfig } from './pairing';

export interface StatsConfig extends PairingConfig {
  goalPercent: number;
  /** Stored settings fields that failed validation and were replaced by their defaults (`timing.businessHours`…). */
  problems: string[];
}

/**
 * How responses are judged from the stored settings, validated here again: a stored value that
 * fails (an invalid time zone written by an older version or by hand) is reported and replaced by
 * its default, never allowed to stop recording.
 */
export function pairingConfigFrom(storedGeneral: unknown, storedTiming: unknown): StatsConfig {
  const general = validateGeneralSettings(storedGeneral ?? DEFAULT_GENERAL_SETTINGS);
  const timing = validateTimingSettings(storedTiming ?? DEFAULT_TIMING_SETTINGS);
  const problems = [...new Set([...general.issues.map((i) => `general.${i.field}`), ...timing.issues.map((i) => `timing.${i.field}`)])];
  const schedule = timing.value.businessHours;
  return {
    // Business seconds are always computed from the schedule when one is set (both figures are exported);
    // the basis only decides which one is judged against the target.
    businessMillis: (start, end) => {
      try {
        return businessMillis(start, end, schedule ?? null);
      } catch {
        return Math.max(0, end - start); // a schedule the validator let through but Intl refuses: wall time
      }
    },
    targetSeconds: Math.round(general.value.targetMinutes * 60),
    useBusinessTime: usesBusinessTime(timing.value),
    selfAgent: general.value.agentName,
    goalPercent: general.value.goalPercent,
    problems,
  };
}

/** The config from storage right now; storage errors read as defaults. */
export async function loadPairingConfig(): Promise<StatsConfig> {
  const [general, timing] = await Promise.all([generalSettings.getValue().catch(() => undefined), timingSettings.getValue().catch(() => undefined)]);
  return pairingConfigFrom(general, timing);
}

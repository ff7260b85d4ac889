import { businessMillis } from '../timing/business-hours';
import { timingSettings, usesBusinessTime, DEFAULT_TIMING_SETTINGS } from '../timing/settings';
import { DEFAULT_GENERAL_SETTINGS, generalSettings } from '../settings/general';
import type { PairingConfig } from './pairing';

/** How responses are judged right now: target, time basis and schedule from the settings. */
export async function loadPairingConfig(): Promise<PairingConfig & { goalPercent: number }> {
  const [general, timing] = await Promise.all([
    generalSettings.getValue().catch(() => DEFAULT_GENERAL_SETTINGS),
    timingSettings.getValue().catch(() => DEFAULT_TIMING_SETTINGS),
  ]);
  const schedule = timing.businessHours;
  return {
    // Business seconds are always computed from the schedule when one is set (both figures are exported);
    // the basis only decides which one is judged against the target.
    businessMillis: (start, end) => businessMillis(start, end, schedule ?? null),
    targetSeconds: Math.round(general.targetMinutes * 60),
    useBusinessTime: usesBusinessTime(timing),
    selfAgent: general.agentName,
    goalPercent: general.goalPercent,
  };
}


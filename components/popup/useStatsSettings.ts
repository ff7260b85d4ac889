import { useEffect, useState } from 'preact/hooks';
import { resolveLocale, uiLocale } from '../../utils/i18n';
import { DEFAULT_GENERAL_SETTINGS, generalSettings } from '../../utils/settings/general';
import { DEFAULT_TIMING_SETTINGS, timingSettings, usesBusinessTime } from '../../utils/timers/settings';
import { DEFAULT_STATS_SETTINGS, statsSettings, type StatsSettings } from '../../utils/stats/settings';

export interface PopupSettings {
  targetSeconds: number;
  goalPercent: number;
  useBusinessTime: boolean;
  csvSeparator: StatsSettings['csvSeparator'];
}

/** The settings the popup judges with; also applies the UI language. */
export function useStatsSettings(): PopupSettings | null {
  const [value, setValue] = useState<PopupSettings | null>(null);
  useEffect(() => {
    void Promise.all([
      generalSettings.getValue().catch(() => DEFAULT_GENERAL_SETTINGS),
      timingSettings.getValue().catch(() => DEFAULT_TIMING_SETTINGS),
      statsSettings.getValue().catch(() => DEFAULT_STATS_SETTINGS),
    ]).then(([general, timing, stats]) => {
      uiLocale.value = resolveLocale(general.language);
      document.documentElement.lang = uiLocale.value;
      setValue({
        targetSeconds: Math.round(general.targetMinutes * 60),
        goalPercent: general.goalPercent,
        useBusinessTime: usesBusinessTime(timing),
        csvSeparator: stats.csvSeparator,
      });
    });
  }, []);
  return value;
}

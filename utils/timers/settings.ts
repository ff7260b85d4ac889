import { storage } from 'wxt/utils/storage';
import { validateSchedule, type Schedule, type ScheduleIssue } from './business-hours';

/**
 * Timer settings (per browser profile, i.e. per agent). The reply target and
 * the goal percent are general settings (utils/settings/general.ts).
 */
export type TimeBasis = 'auto' | 'business' | 'wall';

export interface TimingSettings {
  /** A timer turns `soon` this many minutes before the target. */
  warningLeadMinutes: number;
  /** null = always open (no schedule). */
  businessHours: Schedule | null;
  /** 'auto' = business time when a schedule is set, like Meta's away status restarting the clock. */
  timeBasis: TimeBasis;
  notifications: {
    enabled: boolean;
    /** No desktop warnings while the business is closed. */
    quietOutsideHours: boolean;
  };
}

export const DEFAULT_TIMING_SETTINGS: TimingSettings = {
  warningLeadMinutes: 1,
  businessHours: null,
  timeBasis: 'auto',
  notifications: { enabled: true, quietOutsideHours: true },
};

export const timingSettings = storage.defineItem<TimingSettings>('local:settings.timing', {
  fallback: DEFAULT_TIMING_SETTINGS,
  version: 1,
});

/** Whether timers and stats count business time (true) or wall time (false). */
export function usesBusinessTime(s: Pick<TimingSettings, 'businessHours' | 'timeBasis'> | null | undefined): boolean {
  if (!s || !s.businessHours) return false;
  return s.timeBasis !== 'wall';
}

/** The schedule the clocks should count with: null when counting wall time. */
export function effectiveSchedule(s: Pick<TimingSettings, 'businessHours' | 'timeBasis'>): Schedule | null {
  return usesBusinessTime(s) ? s.businessHours : null;
}

export type TimingIssue =
  | { field: 'warningLeadMinutes' | 'timeBasis' | 'notifications'; code: 'range' | 'invalid' }
  | ({ field: 'businessHours' } & { detail: ScheduleIssue; code: ScheduleIssue['code'] });

/** Validates and normalises untrusted timer settings (options form, import file). */
export function validateTimingSettings(input: unknown): { value: TimingSettings; issues: TimingIssue[] } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issues: TimingIssue[] = [];
  const value: TimingSettings = { ...DEFAULT_TIMING_SETTINGS, notifications: { ...DEFAULT_TIMING_SETTINGS.notifications } };

  if (raw.warningLeadMinutes !== undefined) {
    const lead = Number(raw.warningLeadMinutes);
    if (typeof raw.warningLeadMinutes === 'boolean' || !Number.isFinite(lead) || lead < 0 || lead > 240) {
      issues.push({ field: 'warningLeadMinutes', code: 'range' });
    } else value.warningLeadMinutes = Math.round(lead * 10) / 10;
  }

  const schedule = validateSchedule(raw.businessHours);
  for (const detail of schedule.issues) issues.push({ field: 'businessHours', code: detail.code, detail });
  value.businessHours = schedule.value;

  if (raw.timeBasis === 'auto' || raw.timeBasis === 'business' || raw.timeBasis === 'wall') value.timeBasis = raw.timeBasis;
  else if (raw.timeBasis !== undefined) issues.push({ field: 'timeBasis', code: 'invalid' });

  if (raw.notifications !== undefined) {
    const n = raw.notifications as Record<string, unknown> | null;
    if (typeof n !== 'object' || n === null) issues.push({ field: 'notifications', code: 'invalid' });
    else {
      if (typeof n.enabled === 'boolean') value.notifications.enabled = n.enabled;
      else if (n.enabled !== undefined) issues.push({ field: 'notifications', code: 'invalid' });
      if (typeof n.quietOutsideHours === 'boolean') value.notifications.quietOutsideHours = n.quietOutsideHours;
      else if (n.quietOutsideHours !== undefined) issues.push({ field: 'notifications', code: 'invalid' });
    }
  }
  return { value, issues };
}

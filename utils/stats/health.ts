import { storage } from 'wxt/utils/storage';

/**
 * Stored settings the stats had to skip (invalid, replaced by defaults), as `section.field` names,
 * so the popup can say so instead of recording silently with other rules than the user set.
 */
export const statsSettingsProblems = storage.defineItem<string[]>('local:stats.settingsProblems', { fallback: [], version: 1 });

let lastReported: string | null = null;

/** Saves the current problems when they changed since the last report of this worker. */
export async function reportSettingsProblems(problems: string[]): Promise<void> {
  const key = problems.join(',');
  if (key === lastReported) return;
  lastReported = key;
  if (problems.length) console.warn('[Inbox Pilot] stats: invalid stored settings skipped (defaults used):', key);
  await statsSettingsProblems.setValue(problems).catch(() => {
    lastReported = null; // try again with the next batch
  });
}

export function resetSettingsProblemsForTests(): void {
  lastReported = null;
}

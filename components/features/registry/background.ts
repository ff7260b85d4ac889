import type { SavedRepliesSource } from '../replies/background';
import { registerRepliesBackground } from '../replies/background';
import { registerDraftBackground } from '../draft/background';
import { registerTimersBackground } from '../timers/background';
import { registerStatsBackground } from '../stats/background';
import { registerShortcutsBackground } from '../shortcuts/background';
import { registerSyncBackground } from '../sync/background';

/** What one feature's worker part offers the ones after it (the draft checks read saved-reply bodies). */
export interface BackgroundServices {
  savedReplies?: SavedRepliesSource;
}

export interface BackgroundPart {
  id: string;
  /** Registers its handlers and alarms synchronously (MV3 workers restart at will). */
  register(services: BackgroundServices): Partial<BackgroundServices> | void;
}

/** The worker's feature parts, in registration order: one line per feature. */
export const backgroundParts: BackgroundPart[] = [
  { id: 'replies', register: () => ({ savedReplies: registerRepliesBackground() }) },
  { id: 'draft', register: (s) => registerDraftBackground(s.savedReplies) },
  { id: 'timers', register: () => registerTimersBackground() },
  { id: 'stats', register: () => registerStatsBackground() },
  { id: 'shortcuts', register: () => registerShortcutsBackground() },
  { id: 'sync', register: () => registerSyncBackground() },
];

/** Registers every part; one that throws is logged with its id and the others still register. */
export function registerBackgroundParts(parts: BackgroundPart[] = backgroundParts): string[] {
  const services: BackgroundServices = {};
  const failed: string[] = [];
  for (const part of parts) {
    try {
      Object.assign(services, part.register(services) ?? {});
    } catch (error) {
      failed.push(part.id);
      console.warn(`[Inbox Pilot] feature "${part.id}" could not start in the worker`, error);
    }
  }
  return failed;
}

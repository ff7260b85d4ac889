import { useEffect, useState } from 'preact/hooks';
import { messagesFor, uiLocale } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { restoreSyncState, type SyncState } from '../../../utils/sync/state';
import { syncStateItem } from './settings';
import { syncStatusStrings } from './strings';

const t = messagesFor(syncStatusStrings);

/** "14:05" today, else "3 Dec 14:05". */
export function formatSyncTime(at: number, now = Date.now(), locale = uiLocale.value): string {
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The words for a state: phase, last sync, items waiting, and the error in plain language. */
export function describeSyncState(state: SyncState, now = Date.now()): { summary: string; error: string | null } {
  const s = t.value;
  const parts = [state.lastSyncAt ? s.lastSync(formatSyncTime(state.lastSyncAt, now)) : s.never];
  if (state.waiting > 0) parts.push(s.waiting(state.waiting));
  const error = state.phase === 'error' && state.lastError ? s[`error_${state.lastError.kind.replace('-', '_')}` as 'error_server'] : null;
  return { summary: `${s[`state_${state.phase}`]} · ${parts.join(' · ')}`, error };
}

/** The sync state, kept current from storage (the worker writes it at each step). Null when sync is off. */
export function useSyncState(): SyncState | null {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let live = true;
    const set = (v: unknown) => live && setState(restoreSyncStateKeepingPhase(v));
    syncStateItem.getValue().then(set, () => undefined);
    const unwatch = syncStateItem.watch(set);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state && state.phase !== 'off' ? state : null;
}

/** Like restoreSyncState, but a run under way shows as such (it is live, not a leftover). */
function restoreSyncStateKeepingPhase(v: unknown): SyncState {
  const restored = restoreSyncState(v);
  const phase = (v as { phase?: unknown } | null)?.phase;
  return phase === 'pushing' || phase === 'pulling' ? { ...restored, phase } : restored;
}

/** One quiet line (sidebar footer, popup). Nothing at all when no server is configured. */
export function SyncStatusLine() {
  const state = useSyncState();
  if (!state) return null;
  const { summary, error } = describeSyncState(state);
  return (
    <p class="ip-muted ip-sync-status" data-testid="sync-status" data-phase={state.phase} data-waiting={state.waiting}>
      {summary}
      {error && (
        <span role="status" data-testid="sync-error" data-kind={state.lastError?.kind}>
          {' · '}
          {error}
        </span>
      )}
    </p>
  );
}

/** For pages that need a fresh reading rather than the stored state. */
export const fetchSyncStatus = () => sendMessage('sync:status', undefined);

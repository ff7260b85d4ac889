/**
 * The sync state machine (pure). The worker feeds it events; the sidebar footer, the popup and
 * the options read the resulting state. Phases: `off` (no server configured), `idle`, `pushing`,
 * `pulling`, `error` (the last run failed; the next alarm tries again).
 */
export type SyncPhase = 'off' | 'idle' | 'pushing' | 'pulling' | 'error';

export type SyncErrorKind =
  /** The server did not answer (offline, down, wrong host). Records wait. */
  | 'unreachable'
  /** Wrong user name or password. */
  | 'unauthorized'
  /** The server refused a write (team rules) or the user is not a member of the database. */
  | 'forbidden'
  /** The database does not exist (wrong name, or team:setup not run). */
  | 'not-found'
  /** The browser has not granted the server's origin (optional host permission). */
  | 'permission'
  /** The server failed (5xx) or answered something unexpected. */
  | 'server';

export interface SyncError {
  kind: SyncErrorKind;
  /** The server's or the network's own words, for the options page (never shown raw in the footer). */
  detail: string;
  at: number;
}

export interface SyncState {
  phase: SyncPhase;
  /** Records recorded here and not yet on the server. */
  waiting: number;
  /** End of the last run that completed both directions. */
  lastSyncAt: number | null;
  lastError: SyncError | null;
  /** Documents sent / received in the last completed run. */
  lastPushed: number;
  lastPulled: number;
}

export const OFF_STATE: SyncState = { phase: 'off', waiting: 0, lastSyncAt: null, lastError: null, lastPushed: 0, lastPulled: 0 };

export type SyncEvent =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'queued'; waiting: number }
  | { type: 'push-started'; waiting: number }
  | { type: 'pushed'; docs: number; waiting: number }
  | { type: 'pull-started' }
  | { type: 'pulled'; docs: number; at: number }
  | { type: 'failed'; error: SyncError };

/** The next state. Events that make no sense in the current phase leave it unchanged (a stale callback after Disconnect, say). */
export function nextSyncState(state: SyncState, event: SyncEvent): SyncState {
  if (event.type === 'disconnected') return OFF_STATE;
  if (event.type === 'connected') return state.phase === 'off' ? { ...OFF_STATE, phase: 'idle' } : state;
  if (state.phase === 'off') return state;
  switch (event.type) {
    case 'queued':
      return { ...state, waiting: Math.max(0, event.waiting) };
    case 'push-started':
      return { ...state, phase: 'pushing', waiting: Math.max(0, event.waiting) };
    case 'pushed':
      if (state.phase !== 'pushing') return state;
      return { ...state, waiting: Math.max(0, event.waiting), lastPushed: event.docs };
    case 'pull-started':
      if (state.phase !== 'pushing' && state.phase !== 'idle' && state.phase !== 'error') return state;
      return { ...state, phase: 'pulling' };
    case 'pulled':
      if (state.phase !== 'pulling') return state;
      return { ...state, phase: 'idle', lastSyncAt: event.at, lastError: null, lastPulled: event.docs };
    case 'failed':
      return { ...state, phase: 'error', lastError: event.error };
  }
}

/** What a failure was, from a PouchDB/HTTP error or a fetch TypeError. */
export function classifySyncError(error: unknown, at: number): SyncError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; name?: unknown; message?: unknown; reason?: unknown; error?: unknown };
  const status = typeof e.status === 'number' ? e.status : 0;
  const detail = String(e.reason ?? e.message ?? e.error ?? error).slice(0, 300);
  let kind: SyncErrorKind;
  if (e.name === 'permission' || e.error === 'permission') kind = 'permission';
  else if (status === 401 || e.name === 'unauthorized' || e.error === 'unauthorized') kind = 'unauthorized';
  else if (status === 403 || e.name === 'forbidden' || e.error === 'forbidden') kind = 'forbidden';
  else if (status === 404 || e.name === 'not_found') kind = 'not-found';
  else if (status >= 500) kind = 'server';
  else if (status === 0 || e.name === 'TypeError' || /fetch|network|ECONNREFUSED|Failed to/i.test(detail)) kind = 'unreachable';
  else kind = 'server';
  return { kind, detail, at };
}

/** A run may start now unless one is under way (a worker restarted mid-run resets this: the phase is kept in session storage). */
export function isRunning(state: SyncState): boolean {
  return state.phase === 'pushing' || state.phase === 'pulling';
}

/** A state read back from storage, made safe (a worker killed mid-run left `pushing`: it is not running any more). */
export function restoreSyncState(stored: unknown): SyncState {
  if (typeof stored !== 'object' || stored === null) return OFF_STATE;
  const s = stored as Partial<SyncState>;
  const phases: SyncPhase[] = ['off', 'idle', 'pushing', 'pulling', 'error'];
  const phase = phases.includes(s.phase as SyncPhase) ? (s.phase as SyncPhase) : 'off';
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return {
    phase: phase === 'pushing' || phase === 'pulling' ? 'idle' : phase,
    waiting: num(s.waiting),
    lastSyncAt: typeof s.lastSyncAt === 'number' ? s.lastSyncAt : null,
    lastError: s.lastError && typeof s.lastError === 'object' ? (s.lastError as SyncError) : null,
    lastPushed: num(s.lastPushed),
    lastPulled: num(s.lastPulled),
  };
}

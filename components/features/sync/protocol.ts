import type { SyncState } from '../../../utils/sync/state';
import type { TeamAgentRow } from '../../../utils/sync/team';
import type { ConnectionIssue } from '../../../utils/sync/connection';

/** What the options page shows of a connection (never the password). */
export interface SyncConnectionView {
  url: string;
  db: string;
  user: string;
  role: 'agent' | 'manager';
  browserId: string;
}

/** A losing revision of a team document, kept visible in the options (CouchDB keeps both sides of a conflict). */
export interface TeamConflictView {
  doc: 'library' | 'settings';
  rev: string;
  updatedAt: number;
  updatedBy: string;
  /** The winner it lost to. */
  winnerUpdatedBy: string;
  winnerUpdatedAt: number;
  summary: string;
}

export interface SyncProtocol {
  /** Options -> background: test and save a connection (the origin permission was granted by the page). */
  'sync:connect': {
    request: { url: string; db: string; user: string; password: string };
    response: { ok: true; connection: SyncConnectionView } | { ok: false; issues: ConnectionIssue[] } | { ok: false; error: SyncState['lastError'] };
  };
  /** Options -> background: forget the credentials and stop syncing (local data stays). */
  'sync:disconnect': { request: void; response: { disconnected: true } };
  /** Any page -> background: the state shown in the footer, popup and options. */
  'sync:status': { request: void; response: { state: SyncState; connection: SyncConnectionView | null; conflicts: TeamConflictView[] } };
  /** Options/popup -> background: sync now (else the minute alarm does, while an inbox is open). */
  'sync:now': { request: void; response: { state: SyncState } };
  /** Content (an inbox tab, visible) -> background: an inbox is open, so the minute alarm syncs (no `tabs` permission needed). */
  'sync:inbox-open': { request: void; response: { syncing: boolean } };
  /** Options (manager) -> background: publish the current settings / library as the team's. */
  'sync:publish': { request: { what: 'settings' | 'library' }; response: { state: SyncState } };
  /** Popup (manager) -> background: each team browser's latest sync since a time, and who this browser is (the popup builds the team view from the week's columns it already has). */
  'sync:beats': { request: { since: number }; response: { beats: Array<{ user: string; browser: string; at: number }>; self: { syncUser: string; browser: string }; now: number } };
  /** Popup (manager) -> background: the team for a week. */
  'sync:team': { request: { weekStart: number; weekEnd: number }; response: { rows: TeamAgentRow[]; now: number } };
}

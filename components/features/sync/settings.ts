import { storage } from 'wxt/utils/storage';
import type { SyncConnection } from '../../../utils/sync/connection';
import type { SyncState } from '../../../utils/sync/state';
import type { TeamConflictView } from './protocol';

/**
 * Team sync's stored items. The connection (with the password) lives in extension storage, i.e.
 * in the browser profile: the options say so. No connection = sync off, nothing leaves.
 */
export const syncConnection = storage.defineItem<SyncConnection | null>('local:sync.connection', { fallback: null, version: 1 });
/** A random id for this browser, made on first connect (the team view says which browsers synced). */
export const syncBrowserId = storage.defineItem<string>('local:sync.browserId', { fallback: '', version: 1 });
/** The state machine's last state (the footer and popup watch it). */
export const syncStateItem = storage.defineItem<unknown>('local:sync.state', { fallback: null, version: 1 });
/** Per UTC day, how many responses the stats database held when its records were last copied to the sync database. */
export const syncCopiedDays = storage.defineItem<Record<string, number>>('local:sync.copiedDays', { fallback: {}, version: 1 });
/** Records copied to the sync database and not yet confirmed on the server. */
export const syncUnpushed = storage.defineItem<number>('local:sync.unpushed', { fallback: 0, version: 1 });
/** The sync database's change sequence up to which received records are in the stats database. */
export const syncImportedSeq = storage.defineItem<string | number>('local:sync.importedSeq', { fallback: 0, version: 1 });
/** The team documents' revisions last applied here (so a newer one is applied once). */
export const syncAppliedTeamRevs = storage.defineItem<Record<string, string>>('local:sync.appliedTeamRevs', { fallback: {}, version: 1 });
export const syncTeamConflicts = storage.defineItem<TeamConflictView[]>('local:sync.teamConflicts', { fallback: [], version: 1 });
/** When an inbox tab last said it is open (sync:inbox-open): the minute alarm syncs only while this is recent. */
export const syncInboxSeenAt = storage.defineItem<number | null>('local:sync.inboxSeenAt', { fallback: null, version: 1 });
/** Each team browser's latest beat (`user\nbrowser` -> ms), kept by a manager's import; null = to build from the sync database. */
export const syncLatestBeats = storage.defineItem<Record<string, number> | null>('local:sync.latestBeats', { fallback: null, version: 1 });
/** When this (manager's) browser last ran the team retention job (once a day). */
export const syncRetentionRunAt = storage.defineItem<number | null>('local:sync.retentionRunAt', { fallback: null, version: 1 });

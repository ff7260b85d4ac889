import { browser } from 'wxt/browser';
import { onMessages } from '../../../utils/messaging';
import { statsDb } from '../../../utils/stats/db';
import { dayColumnsBetween } from '../../../utils/stats/store';
import { generalSettings, DEFAULT_GENERAL_SETTINGS, validateGeneralSettings } from '../../../utils/settings/general';
import { timingSettings, DEFAULT_TIMING_SETTINGS } from '../../../utils/timers/settings';
import { RepliesDatabase } from '../../../utils/replies/db';
import { bumpLibraryRevision } from '../../../utils/replies/revision';
import { originPattern, validateConnection, type SyncConnection } from '../../../utils/sync/connection';
import { newBrowserId } from '../../../utils/sync/records';
import { classifySyncError, isRunning, nextSyncState, OFF_STATE, restoreSyncState, type SyncEvent, type SyncState } from '../../../utils/sync/state';
import { teamBeatsSince, teamRecordsOf, teamWeek } from '../../../utils/sync/team';
import { beatStartsSync, shouldSync } from '../../../utils/sync/schedule';
import { retentionCutoff, retentionDue } from '../../../utils/sync/retention';
import { readStatsSettings, statsSettings } from '../../../utils/stats/settings';
import {
  applyTeamSettings,
  libraryFromLocal,
  planTeamLibrary,
  readTeamLibrary,
  readTeamSettings,
  teamDocMeta,
  teamLibraryDoc,
  teamSettingsDoc,
  TEAM_LIBRARY_ID,
  TEAM_SETTINGS_ID,
} from '../../../utils/sync/team-docs';
import { resolveTeamConflict } from '../../../utils/sync/team';
import { beatsSince, copyNewRecords, importReceived, markBeat, mergeLatestBeats, purgeTeamRecords, readLatestBeats, type LatestBeats } from './background-engine';
import { openLocal, openRemote, replicate, type Pouch, type PouchDoc } from './pouch';
import type { SyncConnectionView, TeamConflictView } from './protocol';
import {
  syncAppliedTeamRevs,
  syncBrowserId,
  syncConnection,
  syncCopiedDays,
  syncImportedSeq,
  syncInboxSeenAt,
  syncLatestBeats,
  syncRetentionRunAt,
  syncStateItem,
  syncTeamConflicts,
  syncUnpushed,
} from './settings';

/** Every minute while a server is configured; it syncs only while an inbox is open (utils/sync/schedule.ts). */
export const SYNC_ALARM = 'sync:run';
const TEAM_DOCS = [TEAM_LIBRARY_ID, TEAM_SETTINGS_ID];

let state: SyncState | null = null;
let running: Promise<SyncState> | null = null;
let local: Pouch | null = null;
let replies: RepliesDatabase | null = null;
/** Bumped by Disconnect: a run still under way then stops reporting. */
let generation = 0;

async function currentState(): Promise<SyncState> {
  state ??= restoreSyncState(await syncStateItem.getValue());
  return state;
}

async function emit(event: SyncEvent, gen = generation): Promise<SyncState> {
  if (gen !== generation) return currentState();
  state = nextSyncState(await currentState(), event);
  await syncStateItem.setValue(state);
  return state;
}

function view(connection: SyncConnection, browserId: string): SyncConnectionView {
  return { url: connection.url, db: connection.db, user: connection.user, role: connection.role, browserId };
}

function localDb(): Pouch {
  local ??= openLocal();
  return local;
}

async function ensureBrowserId(): Promise<string> {
  let id = await syncBrowserId.getValue();
  if (!id) await syncBrowserId.setValue((id = newBrowserId()));
  return id;
}

/** One run: copy -> push -> pull -> import -> team documents. Never two at once. */
export function runSyncOnce(now = () => Date.now()): Promise<SyncState> {
  running ??= runSync(now).finally(() => {
    running = null;
  });
  return running;
}

/**
 * A run that starts after this call (waits for one under way, which may have passed the push
 * already): what "Sync now" and publishing need, so what was just written goes in this run.
 */
async function runSyncFresh(): Promise<SyncState> {
  if (running) await running.catch(() => undefined);
  return runSyncOnce();
}

async function runSync(now: () => number): Promise<SyncState> {
  const connection = await syncConnection.getValue();
  if (!connection) return currentState();
  const gen = generation;
  const s = await currentState();
  if (s.phase === 'off') await emit({ type: 'connected' }, gen);
  if (isRunning(await currentState())) return currentState();
  const db = localDb();
  const browserId = await ensureBrowserId();
  const general = validateGeneralSettings(await generalSettings.getValue().catch(() => DEFAULT_GENERAL_SETTINGS)).value;
  const who = { user: connection.user, browser: browserId, agent: general.agentName };
  try {
    if (!(await browser.permissions.contains({ origins: [originPattern(connection.url)] }))) {
      throw { name: 'permission', message: `${originPattern(connection.url)} not granted` };
    }
    const unpushedBefore = await syncUnpushed.getValue();
    await emit({ type: 'push-started', waiting: unpushedBefore }, gen);
    const { added } = await copyNewRecords(statsDb(), db, who, await syncCopiedDays.getValue(), (days) => syncCopiedDays.setValue(days));
    if (await markBeat(db, who, now())) await syncUnpushed.setValue(unpushedBefore + added + 1);
    else await syncUnpushed.setValue(unpushedBefore + added);
    await emit({ type: 'queued', waiting: await syncUnpushed.getValue() }, gen);
    const remote = openRemote(connection);
    const pushed = await replicate(db, remote);
    if (pushed.doc_write_failures) {
      const first = pushed.errors[0] as { status?: number; name?: string; message?: string } | undefined;
      throw first ?? { status: 403, name: 'forbidden', message: `${pushed.doc_write_failures} records refused` };
    }
    await syncUnpushed.setValue(0);
    await emit({ type: 'pushed', docs: pushed.docs_written, waiting: 0 }, gen);
    await emit({ type: 'pull-started' }, gen);
    // Managers receive the whole team; agents only the team's library and settings.
    const pulled = connection.role === 'manager' ? await replicate(remote, db, { batch_size: 500 }) : await replicate(remote, db, { doc_ids: TEAM_DOCS });
    if (connection.role === 'manager') {
      await importReceived(statsDb(), db, connection.user, await syncImportedSeq.getValue(), (seq) => syncImportedSeq.setValue(seq), async (beats) => syncLatestBeats.setValue(mergeLatestBeats(await latestBeats(db), beats)));
    }
    await applyTeamDocs(db);
    if (connection.role === 'manager') await runRetention(db, remote, now());
    return emit({ type: 'pulled', docs: pulled.docs_written, at: now() }, gen);
  } catch (error) {
    return emit({ type: 'failed', error: classifySyncError(error, now()) }, gen);
  }
}

/** Each team browser's latest sync since `since`, and who this browser is (its own records carry no origin). */
async function teamBeats(since: number) {
  const connection = await syncConnection.getValue();
  const browserId = await syncBrowserId.getValue();
  const beats = connection ? beatsSince(await latestBeats(localDb()), since) : [];
  return { beats, self: { syncUser: connection?.user ?? '', browser: browserId }, now: Date.now() };
}

/** A manager's browser, once a day: team records older than the team's retention are deleted on the server. */
async function runRetention(db: Pouch, remote: Pouch, now: number): Promise<void> {
  if (!retentionDue(await syncRetentionRunAt.getValue(), now)) return;
  const team = readTeamSettings(await db.get(TEAM_SETTINGS_ID).catch(() => null));
  const weeks = team?.retentionWeeks ?? (await readStatsSettings()).retentionWeeks;
  try {
    const result = await purgeTeamRecords(db, remote, retentionCutoff(weeks, now));
    if (result.refused) console.warn('[Inbox Pilot] sync: retention refused for', result.refused, 'records', result.errors);
    await syncRetentionRunAt.setValue(now);
  } catch (e) {
    // The sync itself succeeded; the job runs again at the next sync.
    console.warn('[Inbox Pilot] sync: retention failed', e);
  }
}

/** Each team browser's latest beat: the summary the import keeps, built once from the sync database if missing. */
async function latestBeats(db: Pouch): Promise<LatestBeats> {
  const held = await syncLatestBeats.getValue();
  if (held) return held;
  const built = await readLatestBeats(db);
  await syncLatestBeats.setValue(built);
  return built;
}

/** All revisions of a team document held locally (winner first), or [] if none. */
async function revisionsOf(db: Pouch, id: string): Promise<PouchDoc[]> {
  let doc: PouchDoc;
  try {
    doc = await db.get(id, { conflicts: true });
  } catch {
    return [];
  }
  const others = await Promise.all((doc._conflicts ?? []).map((rev) => db.get(id, { rev }).catch(() => null)));
  return [doc, ...others.filter((d): d is PouchDoc => d !== null)];
}

async function winnerOf(db: Pouch, id: string, doc: 'library' | 'settings', conflicts: TeamConflictView[]): Promise<PouchDoc | null> {
  const revs = await revisionsOf(db, id);
  const { winner, losers } = resolveTeamConflict(revs.map((d) => ({ rev: d._rev!, ...teamDocMeta(d), value: d })));
  for (const l of losers) {
    conflicts.push({ doc, rev: l.rev, updatedAt: l.updatedAt, updatedBy: l.updatedBy, winnerUpdatedAt: winner!.updatedAt, winnerUpdatedBy: winner!.updatedBy, summary: doc === 'library' ? `${(readTeamLibrary(l.value)?.replies.length ?? 0)} replies` : JSON.stringify(readTeamSettings(l.value) ?? {}).slice(0, 200) });
  }
  return winner?.value ?? null;
}

function repliesDb(): RepliesDatabase {
  replies ??= new RepliesDatabase();
  return replies;
}

/** Applies the team's settings and library once per new winning revision; personal fields and replies stay. */
async function applyTeamDocs(db: Pouch): Promise<void> {
  const applied = await syncAppliedTeamRevs.getValue();
  const conflicts: TeamConflictView[] = [];
  const settingsDoc = await winnerOf(db, TEAM_SETTINGS_ID, 'settings', conflicts);
  const team = readTeamSettings(settingsDoc);
  if (team && settingsDoc && applied[TEAM_SETTINGS_ID] !== settingsDoc._rev) {
    const general = validateGeneralSettings(await generalSettings.getValue().catch(() => DEFAULT_GENERAL_SETTINGS)).value;
    const timing = (await timingSettings.getValue().catch(() => DEFAULT_TIMING_SETTINGS)) ?? DEFAULT_TIMING_SETTINGS;
    const next = applyTeamSettings(general, timing, team);
    await generalSettings.setValue(next.general);
    await timingSettings.setValue(next.timing);
    // The team's retention is every browser's: the daily local purge follows it.
    const stats = await readStatsSettings();
    if (stats.retentionWeeks !== team.retentionWeeks) await statsSettings.setValue({ ...stats, retentionWeeks: team.retentionWeeks });
    applied[TEAM_SETTINGS_ID] = settingsDoc._rev!;
  }
  const libraryDoc = await winnerOf(db, TEAM_LIBRARY_ID, 'library', conflicts);
  const library = readTeamLibrary(libraryDoc);
  if (library && libraryDoc && applied[TEAM_LIBRARY_ID] !== libraryDoc._rev) {
    const rdb = repliesDb();
    await rdb.transaction('rw', rdb.replies, async () => {
      const plan = planTeamLibrary(await rdb.replies.toArray(), library, Date.now());
      await rdb.replies.bulkDelete(plan.remove);
      await rdb.replies.bulkPut(plan.put);
    });
    await bumpLibraryRevision();
    applied[TEAM_LIBRARY_ID] = libraryDoc._rev!;
  }
  await syncAppliedTeamRevs.setValue(applied);
  await syncTeamConflicts.setValue(conflicts);
}

/** A manager publishes the current settings or library as the team's (a new revision on top of the winner). */
async function publish(what: 'settings' | 'library'): Promise<SyncState> {
  const connection = await syncConnection.getValue();
  if (!connection) throw new Error('Team sync is not connected.');
  if (connection.role !== 'manager') throw new Error('Only a manager can change the team library and settings.');
  const db = localDb();
  const meta = { updatedAt: Date.now(), updatedBy: connection.user };
  const id = what === 'settings' ? TEAM_SETTINGS_ID : TEAM_LIBRARY_ID;
  const current = await db.get(id).catch(() => null);
  let doc;
  if (what === 'settings') {
    const general = validateGeneralSettings(await generalSettings.getValue().catch(() => DEFAULT_GENERAL_SETTINGS)).value;
    const timing = (await timingSettings.getValue().catch(() => DEFAULT_TIMING_SETTINGS)) ?? DEFAULT_TIMING_SETTINGS;
    const { retentionWeeks } = await readStatsSettings();
    doc = teamSettingsDoc({ targetMinutes: general.targetMinutes, goalPercent: general.goalPercent, companyNames: general.companyNames, businessHours: timing.businessHours, retentionWeeks }, meta);
  } else {
    doc = teamLibraryDoc(libraryFromLocal(await repliesDb().replies.toArray()), meta);
  }
  await db.put({ ...doc, ...(current?._rev ? { _rev: current._rev } : {}) } as PouchDoc);
  await syncUnpushed.setValue((await syncUnpushed.getValue()) + 1);
  return runSyncFresh();
}

/** Checks the credentials against the server (through PouchDB's http adapter) and returns the user's role. */
async function checkServer(connection: Omit<SyncConnection, 'role'>): Promise<SyncConnection['role']> {
  const remote = openRemote({ ...connection, role: 'agent' });
  const session = await remote.fetch('/_session');
  if (session.status === 401) throw { status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' };
  if (!session.ok) throw { status: session.status, message: `_session answered ${session.status}` };
  const roles: string[] = (await session.json())?.userCtx?.roles ?? [];
  // Not a member (403), no such database (404), or a password the database refuses (401): PouchDB throws with the status.
  await remote.info();
  return roles.includes('manager') ? 'manager' : 'agent';
}

async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
}

/** The sync part of the background worker: registered synchronously on every worker start. */
export function registerSyncBackground(): void {
  onMessages({
    'sync:connect': async (data) => {
      const { value, issues } = validateConnection(data ?? {});
      if (!value) return { ok: false as const, issues };
      try {
        if (!(await browser.permissions.contains({ origins: [originPattern(value.url)] }))) throw { name: 'permission', message: 'origin not granted' };
        const role = await checkServer(value);
        const connection: SyncConnection = { ...value, role };
        const previous = await syncConnection.getValue();
        // Another server or database: cursors of the old one mean nothing there.
        if (previous && (previous.url !== connection.url || previous.db !== connection.db || previous.user !== connection.user)) await forgetCursors();
        await syncConnection.setValue(connection);
        const browserId = await ensureBrowserId();
        await emit({ type: 'connected' });
        await ensureAlarm();
        void runSyncOnce();
        return { ok: true as const, connection: view(connection, browserId) };
      } catch (error) {
        return { ok: false as const, error: classifySyncError(error, Date.now()) };
      }
    },
    'sync:disconnect': async () => {
      generation++;
      await syncConnection.setValue(null);
      await browser.alarms.clear(SYNC_ALARM);
      await forgetCursors();
      await emit({ type: 'disconnected' });
      return { disconnected: true as const };
    },
    'sync:status': async () => {
      const connection = await syncConnection.getValue();
      return { state: await currentState(), connection: connection ? view(connection, await syncBrowserId.getValue()) : null, conflicts: await syncTeamConflicts.getValue() };
    },
    'sync:now': async () => ({ state: await runSyncFresh() }),
    'sync:inbox-open': async () => {
      // No server configured: nothing to schedule, nothing stored.
      if ((await syncConnection.getValue()) === null) return { syncing: false };
      const now = Date.now();
      const previous = await syncInboxSeenAt.getValue();
      await syncInboxSeenAt.setValue(now);
      // Back to the inbox after a while: sync at once rather than at the next alarm.
      const syncing = beatStartsSync(previous, now);
      if (syncing) void runSyncOnce();
      return { syncing };
    },
    'sync:publish': async (data) => ({ state: await publish(data?.what === 'library' ? 'library' : 'settings') }),
    'sync:beats': async (data) => {
      const since = Number(data?.since);
      if (!Number.isFinite(since)) throw new Error('sync:beats needs a time');
      return teamBeats(since);
    },
    'sync:team': async (data) => {
      const start = Number(data?.weekStart);
      const end = Number(data?.weekEnd);
      if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) throw new Error('sync:team needs a week range');
      const { beats, self, now } = await teamBeats(teamBeatsSince(start));
      // The week's day columns (a few records of typed arrays), not its 25,000 responses: own records have no origin.
      const records = teamRecordsOf(await dayColumnsBetween(statsDb(), start, end), { start, end }, self);
      return { rows: teamWeek({ records, beats, week: { start, end }, now }), now };
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void Promise.all([syncConnection.getValue(), syncInboxSeenAt.getValue()])
      .then(([connection, inboxSeenAt]) => {
        if (shouldSync('alarm', { connected: connection !== null, inboxSeenAt, now: Date.now() })) return runSyncOnce();
      })
      .catch((e) => console.warn('[Inbox Pilot] sync: alarm failed', e));
  });
  // A worker starts because something happened: sync once if a server is configured (resumes from the checkpoints).
  void syncConnection
    .getValue()
    .then(async (connection) => {
      if (!connection) return;
      await ensureAlarm();
      await runSyncOnce();
    })
    .catch((e) => console.warn('[Inbox Pilot] sync: start failed', e));
}

/** Disconnect or another server: the local sync database and its cursors go (the stats database stays). */
async function forgetCursors(): Promise<void> {
  const db = local ?? openLocal();
  local = null;
  await db.destroy().catch(() => undefined);
  await Promise.all([syncCopiedDays.setValue({}), syncUnpushed.setValue(0), syncImportedSeq.setValue(0), syncAppliedTeamRevs.setValue({}), syncTeamConflicts.setValue([]), syncLatestBeats.setValue(null), syncRetentionRunAt.setValue(null)]);
  state = OFF_STATE;
}

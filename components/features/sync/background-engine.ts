import { DAY_MS, utcDay } from '../../../utils/stats/columns';
import type { StatsDb } from '../../../utils/stats/db';
import { importResponses, responsesBetween } from '../../../utils/stats/store';
import type { ResponseRecord } from '../../../utils/stats/types';
import { beatDocId, fromResponseDoc, isBeatDoc, isPushable, toResponseDoc } from '../../../utils/sync/records';
import { expiredTeamRecords } from '../../../utils/sync/retention';
import type { Pouch, PouchDoc } from './pouch';

/**
 * The steps of one sync run, each safe to stop at any moment: every write is idempotent
 * (deterministic ids, existence checked first) and every cursor is saved only after the work it
 * covers is committed. The worker (background.ts) strings them together.
 */

const CHUNK = 500;
/** Received records imported per transaction (about 5 MB of records in the worker at most). */
export const IMPORT_CHUNK = 10_000;

/**
 * Copies this browser's new records from the stats database into the sync database. Which days
 * changed is found from the repliedAt index keys alone (no record read for unchanged days).
 * Returns how many documents were added and the new per-day counts to store.
 */
export async function copyNewRecords(
  stats: StatsDb,
  local: Pouch,
  who: { user: string; browser: string },
  copiedDays: Record<string, number>,
  onDayDone: (days: Record<string, number>) => Promise<void>,
): Promise<{ added: number; days: Record<string, number> }> {
  const counts = new Map<number, number>();
  const keys = (await stats.responses.orderBy('repliedAt').keys()) as number[];
  for (const k of keys) {
    const d = utcDay(k);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const days: Record<string, number> = {};
  for (const [d, n] of counts) if (copiedDays[d] === n) days[d] = n;
  let added = 0;
  for (const [d, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (copiedDays[d] === n) continue;
    const records = (await responsesBetween(stats, d * DAY_MS, (d + 1) * DAY_MS)).filter(isPushable);
    for (let i = 0; i < records.length; i += CHUNK) {
      const docs = records.slice(i, i + CHUNK).map((r) => toResponseDoc(r, who.user, who.browser));
      const held = await local.allDocs({ keys: docs.map((doc) => doc._id) });
      // A deleted row (retention) counts as held: a purged record is never sent again.
      const missing = docs.filter((_, j) => held.rows[j]?.error === 'not_found');
      if (missing.length) {
        const res = await local.bulkDocs(missing as unknown as PouchDoc[]);
        added += res.filter((r) => r.ok).length;
      }
    }
    days[d] = n;
    await onDayDone(days);
  }
  return { added, days };
}

/** This browser's mark for the current hour (at most one per hour; the team view reads them). */
export async function markBeat(local: Pouch, who: { user: string; browser: string; agent: string }, now: number): Promise<boolean> {
  const _id = beatDocId(who.user, who.browser, now);
  try {
    await local.get(_id);
    return false;
  } catch {
    await local.put({ _id, type: 'beat', user: who.user, browser: who.browser, agent: who.agent, at: now });
    return true;
  }
}

/**
 * Moves received team records from the sync database into the stats database (as imported
 * records that say their user and browser), from the saved change sequence on. Own records are
 * skipped: the stats database already has them.
 */
export async function importReceived(
  stats: StatsDb,
  local: Pouch,
  user: string,
  since: string | number,
  saveSeq: (seq: string | number) => Promise<void>,
  /** Each browser's latest beat among the changes read, saved before the sequence that covers them. */
  saveBeats: (latest: LatestBeats) => Promise<void>,
  batch = 1000,
  importEvery = IMPORT_CHUNK,
): Promise<{ imported: number; seq: string | number }> {
  let seq = since;
  let imported = 0;
  let records: ResponseRecord[] = [];
  let beats: LatestBeats = {};
  let pending: string | number = seq;
  // Pages of `batch` changes are read, and imported `importEvery` records at a time: each import
  // appends to every day it touches, so fewer, larger imports copy those days' columns less often.
  // The sequence is saved only once the records before it are committed.
  const flush = async () => {
    if (records.length) imported += (await importResponses(stats, records)).added;
    records = [];
    if (Object.keys(beats).length) await saveBeats(beats);
    beats = {};
    if (pending !== seq) await saveSeq((seq = pending));
  };
  for (;;) {
    const page = await local.changes({ since: pending, limit: batch, include_docs: true, return_docs: true });
    if (!page.results.length) break;
    for (const change of page.results) {
      if (!change.deleted && change.id.startsWith('beat:') && isBeatDoc(change.doc)) addBeat(beats, change.doc);
      if (change.deleted || !change.id.startsWith('resp:') || change.id.startsWith(`resp:${user}:`)) continue;
      const r = fromResponseDoc(change.doc);
      if (r) records.push(r);
    }
    pending = page.last_seq;
    if (records.length >= importEvery) await flush();
    if (page.results.length < batch) break;
  }
  await flush();
  return { imported, seq };
}

/**
 * Each team browser's latest beat (`user\nbrowser` -> at): what the team view needs, kept up to date
 * by the import as beats arrive, instead of reading every hourly beat ever held (40 browsers make
 * 960 a day) each time the popup opens.
 */
export type LatestBeats = Record<string, number>;

function addBeat(latest: LatestBeats, beat: { user: string; browser: string; at: number }): void {
  const k = `${beat.user}\n${beat.browser}`;
  if (!(latest[k]! >= beat.at)) latest[k] = beat.at;
}

/** `into` with the later of each browser's beats from `more`. */
export function mergeLatestBeats(into: LatestBeats, more: LatestBeats): LatestBeats {
  const out = { ...into };
  for (const [k, at] of Object.entries(more)) if (!(out[k]! >= at)) out[k] = at;
  return out;
}

/** The latest beats as the team view reads them, those since `since` only. */
export function beatsSince(latest: LatestBeats, since: number): Array<{ user: string; browser: string; at: number }> {
  return Object.entries(latest)
    .filter(([, at]) => at >= since)
    .map(([k, at]) => {
      const cut = k.indexOf('\n');
      return { user: k.slice(0, cut), browser: k.slice(cut + 1), at };
    });
}

/** Every beat held, reduced to each browser's latest (once, for a database imported before the summary existed; and this browser's own). */
export async function readLatestBeats(local: Pouch): Promise<LatestBeats> {
  const res = await local.allDocs({ startkey: 'beat:', endkey: 'beat:\ufff0', include_docs: true });
  const latest: LatestBeats = {};
  for (const row of res.rows) if (isBeatDoc(row.doc)) addBeat(latest, row.doc);
  return latest;
}

/**
 * The team retention job (a manager's browser only): walks this browser's replica of the team
 * database page by page and deletes, on the server, the records older than `cutoff`, `batch` at
 * a time. The server refuses it from anyone but a manager (rules.js); refusals are counted, never
 * retried here. The tombstones come back with the next pull.
 */
export async function purgeTeamRecords(local: Pouch, remote: Pouch, cutoff: number, page = 1000, batch = 500): Promise<{ deleted: number; refused: number; errors: Array<{ status?: number; name?: string; message?: string }> }> {
  let deleted = 0;
  let refused = 0;
  const errors: Array<{ status?: number; name?: string; message?: string }> = [];
  for (const prefix of ['beat:', 'resp:']) {
    let startkey = prefix;
    for (;;) {
      const res = await local.allDocs({ startkey, endkey: `${prefix}\ufff0`, include_docs: true, limit: page + 1 });
      const rows = res.rows.slice(0, page);
      const expired = expiredTeamRecords(rows, cutoff);
      for (let i = 0; i < expired.length; i += batch) {
        const results = await remote.bulkDocs(expired.slice(i, i + batch));
        for (const r of results) {
          if (r.ok) deleted++;
          else {
            refused++;
            if (errors.length < 5) errors.push({ status: r.status, name: r.name ?? (typeof r.error === 'string' ? r.error : undefined), message: r.message });
          }
        }
      }
      if (res.rows.length <= page) break;
      startkey = res.rows[page]!.id;
    }
  }
  return { deleted, refused, errors };
}

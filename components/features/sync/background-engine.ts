import { DAY_MS, utcDay } from '../../../utils/stats/columns';
import type { StatsDb } from '../../../utils/stats/db';
import { importResponses, responsesBetween } from '../../../utils/stats/store';
import type { ResponseRecord } from '../../../utils/stats/types';
import { beatDocId, fromResponseDoc, isPushable, toResponseDoc } from '../../../utils/sync/records';
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
  batch = 1000,
  importEvery = IMPORT_CHUNK,
): Promise<{ imported: number; seq: string | number }> {
  let seq = since;
  let imported = 0;
  let records: ResponseRecord[] = [];
  let pending: string | number = seq;
  // Pages of `batch` changes are read, and imported `importEvery` records at a time: each import
  // appends to every day it touches, so fewer, larger imports copy those days' columns less often.
  // The sequence is saved only once the records before it are committed.
  const flush = async () => {
    if (records.length) imported += (await importResponses(stats, records)).added;
    records = [];
    if (pending !== seq) await saveSeq((seq = pending));
  };
  for (;;) {
    const page = await local.changes({ since: pending, limit: batch, include_docs: true, return_docs: true });
    if (!page.results.length) break;
    for (const change of page.results) {
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

/** The beats held (every browser of the team for a manager; this browser's own for an agent). */
export async function readBeats(local: Pouch, since: number): Promise<Array<{ user: string; browser: string; at: number }>> {
  const res = await local.allDocs({ startkey: 'beat:', endkey: 'beat:\ufff0', include_docs: true });
  const out: Array<{ user: string; browser: string; at: number }> = [];
  for (const row of res.rows) {
    const d = row.doc as { user?: unknown; browser?: unknown; at?: unknown } | undefined;
    if (d && typeof d.user === 'string' && typeof d.browser === 'string' && typeof d.at === 'number' && d.at >= since) out.push({ user: d.user, browser: d.browser, at: d.at });
  }
  return out;
}

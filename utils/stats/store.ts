import { Dexie } from 'dexie';
import type { InboxEvent } from '../inbox/types';
import { appendColumns, buildDayColumns, DAY_MS, utcDay } from './columns';
import type { StatsDb } from './db';
import { mergeDecision, SAME_RESPONSE_WINDOW_MS, type MergeRecord } from './merge';
import { applyEvents, pairingKeysOf, type PairingConfig, type PairingTrace } from './pairing';
import { pairingKey, type PendingRecord, type ResponseRecord } from './types';

/**
 * The background's writes. Each runs in one Dexie transaction: callers
 * acknowledge only after the returned promise resolves, i.e. after commit.
 */

/** Rebuilds the day columns of these UTC days from the responses table (call inside a transaction holding both). */
export async function rebuildDays(db: StatsDb, days: Iterable<number>): Promise<void> {
  for (const day of new Set(days)) {
    const records = await db.responses.where('repliedAt').between(day * DAY_MS, (day + 1) * DAY_MS, true, false).toArray();
    await db.days.where('[day+pageId]').between([day, Dexie.minKey], [day, Dexie.maxKey]).delete();
    await db.days.bulkPut(buildDayColumns(records));
  }
}

/** Pairs a batch of (validated) events and stores the responses; returns the events' ids, all acknowledged. */
export async function ingestEvents(
  db: StatsDb,
  events: InboxEvent[],
  config: PairingConfig,
  now = Date.now(),
  /** Debug only (issue 16's trace). */
  trace?: (entry: PairingTrace) => void,
): Promise<{ acked: string[]; recorded: number }> {
  const relevant = events.filter((e) => e.kind !== 'conversation-opened');
  let recorded = 0;
  if (relevant.length) {
    await db.transaction('rw', [db.responses, db.pending, db.days], async () => {
      const keys = [...new Set(relevant.flatMap(pairingKeysOf))];
      const found = await db.pending.bulkGet(keys);
      const states = new Map<string, PendingRecord>();
      found.forEach((s) => s && states.set(s.key, s));
      const { responses, changed } = applyEvents(states, relevant, config, now, trace);
      if (responses.length) {
        const existing = await db.responses.bulkGet(responses.map((r) => r.id));
        // Never downgrade this browser's own record to an observed or imported copy; its own record of the
        // same reply may be written again (a late `Sent by` label corrects its credit, see pairing).
        const toWrite = responses.filter((r, i) => existing[i]?.source !== 'this-browser' || (r.source === 'this-browser' && r.repliedAt === existing[i]!.repliedAt));
        if (trace) {
          responses.forEach((r, i) => {
            const held = existing[i];
            if (!toWrite.includes(r)) trace({ what: 'own-record-kept', id: r.id, conv: r.conversation, at: r.repliedAt, held: held!.repliedAt });
            else if (held && held.repliedAt !== r.repliedAt) trace({ what: 'record-replaced', id: r.id, conv: r.conversation, at: r.repliedAt, held: held.repliedAt, heldSource: held.source });
          });
        }
        await db.responses.bulkPut(toWrite);
        await rebuildDays(db, toWrite.map((r) => utcDay(r.repliedAt)));
        recorded = toWrite.length;
      }
      // A state shared by a row key and a conversation key is saved under each.
      await db.pending.bulkPut([...changed].map((k) => ({ ...states.get(k)!, key: k })));
    });
  }
  return { acked: events.map((e) => e.id), recorded };
}

/** Adds records that replace none to their days' columns, one read and one write per day and Page. */
export async function appendToDays(db: StatsDb, records: readonly ResponseRecord[]): Promise<void> {
  if (!records.length) return;
  const added = buildDayColumns(records);
  const held = await db.days.bulkGet(added.map((c) => [c.day, c.pageId] as [number, string]));
  await db.days.bulkPut(added.map((c, i) => appendColumns(held[i], c)));
}

const asMerge = (r: ResponseRecord): MergeRecord => ({ id: r.id, customerAt: r.customerAt, repliedAt: r.repliedAt, source: r.source });

/**
 * The held responses mergeDecision() may match with one of `candidates`, by pairing key: those
 * with the same id, and those of the same Page and conversation whose customer time is closer than
 * SAME_RESPONSE_WINDOW_MS (sameResponse() never looks further). One index range per record, so
 * the cost follows the batch, not the conversations' history (issue 13: a 100,000-record pull).
 */
async function heldNeighbours(db: StatsDb, candidates: readonly ResponseRecord[]): Promise<Map<string, MergeRecord[]>> {
  const [byId, near] = await Promise.all([
    db.responses.bulkGet(candidates.map((r) => r.id)),
    Promise.all(
      candidates.map((r) =>
        db.responses
          .where('[pageId+conversation+customerAt]')
          .between([r.pageId, r.conversation, r.customerAt - SAME_RESPONSE_WINDOW_MS], [r.pageId, r.conversation, r.customerAt + SAME_RESPONSE_WINDOW_MS], false, false)
          .toArray(),
      ),
    ),
  ]);
  const seen = new Set<string>();
  const held = new Map<string, MergeRecord[]>();
  for (const r of [...byId, ...near.flat()]) {
    if (!r || seen.has(r.id)) continue;
    seen.add(r.id);
    const k = pairingKey(r.pageId, r.conversation);
    const list = held.get(k) ?? [];
    list.push(asMerge(r));
    held.set(k, list);
  }
  return held;
}

/**
 * Merges validated bundle or team records, each with the `source` its browser stored (see MergeRecord):
 * mergeDecision() says, against the held records near it, whether it is new, known, or the
 * answering browser's own record of a response held only as a copy (which it replaces). What is written
 * is stored as 'imported'. `duplicates` counts every record not added as a new response.
 * Day columns: new responses are appended; the days of a replaced record are rebuilt.
 */
export async function importResponses(db: StatsDb, records: ResponseRecord[]): Promise<{ added: number; duplicates: number; replaced: number }> {
  return db.transaction('rw', db.responses, db.days, async () => {
    const unique = new Map<string, ResponseRecord>();
    for (const r of records) if (!unique.has(r.id)) unique.set(r.id, r);
    const candidates = [...unique.values()];
    const held = await heldNeighbours(db, candidates);
    /** What this import writes, by id: a record added here and replaced later in the same import is not written. */
    const toPut = new Map<string, { record: ResponseRecord; replaces: boolean }>();
    const toDelete: string[] = [];
    const rebuild = new Set<number>();
    let added = 0;
    let replaced = 0;
    for (const r of candidates) {
      const k = pairingKey(r.pageId, r.conversation);
      const list = held.get(k) ?? [];
      const decision = mergeDecision(r, list);
      if (decision.action === 'skip') continue;
      const id = decision.id; // the incoming id, or its own-record id when another browser's own record holds that one
      if (decision.action === 'replace') {
        const i = list.findIndex((h) => h.id === decision.heldId);
        rebuild.add(utcDay(list[i]!.repliedAt));
        list.splice(i, 1);
        if (decision.heldId !== id) {
          if (toPut.has(decision.heldId)) toPut.delete(decision.heldId);
          else toDelete.push(decision.heldId);
        }
        replaced++;
      } else added++;
      list.push(asMerge({ ...r, id }));
      held.set(k, list);
      toPut.set(id, { record: { ...r, id, source: 'imported' }, replaces: decision.action === 'replace' });
    }
    const written = [...toPut.values()];
    for (const w of written) if (w.replaces) rebuild.add(utcDay(w.record.repliedAt));
    await db.responses.bulkDelete(toDelete);
    await db.responses.bulkPut(written.map((w) => w.record));
    await appendToDays(db, written.filter((w) => !w.replaces && !rebuild.has(utcDay(w.record.repliedAt))).map((w) => w.record));
    await rebuildDays(db, rebuild);
    return { added, duplicates: records.length - added, replaced };
  });
}

/**
 * Pairing states idle this long are dropped: Messenger lets a Page reply at
 * most 7 days after the customer's last message (HUMAN_AGENT tag), so no
 * reply can still come for them.
 */
export const PENDING_IDLE_MS = 8 * DAY_MS;

/** Deletes responses replied before the cut-off and pairing states idle since then (or for PENDING_IDLE_MS). */
export async function purgeOlderThan(db: StatsDb, cutoff: number, now = Date.now()): Promise<{ deleted: number }> {
  return db.transaction('rw', [db.responses, db.pending, db.days], async () => {
    const deleted = await db.responses.where('repliedAt').below(cutoff).delete();
    await db.pending.where('updatedAt').below(Math.max(cutoff, now - PENDING_IDLE_MS)).delete();
    await db.days.where('[day+pageId]').below([utcDay(cutoff), Dexie.minKey]).delete();
    await rebuildDays(db, [utcDay(cutoff)]);
    return { deleted };
  });
}

export async function eraseAll(db: StatsDb): Promise<void> {
  await db.transaction('rw', [db.responses, db.pending, db.days], async () => {
    await db.responses.clear();
    await db.pending.clear();
    await db.days.clear();
  });
}

/** Responses replied in [start, end), by index range: one agent's via [agent+repliedAt], else via repliedAt. */
export function responsesBetween(db: StatsDb, start: number, end: number, agent?: string | null): Promise<ResponseRecord[]> {
  if (agent !== undefined && agent !== null) {
    return db.responses.where('[agent+repliedAt]').between([agent, start], [agent, end], true, false).toArray();
  }
  return db.responses.where('repliedAt').between(start, end, true, false).toArray();
}

/** The day columns overlapping [start, end) (the reader trims to its exact range). */
export function dayColumnsBetween(db: StatsDb, start: number, end: number) {
  return db.days.where('[day+pageId]').between([utcDay(start), Dexie.minKey], [utcDay(end - 1), Dexie.maxKey], true, true).toArray();
}

import { Dexie } from 'dexie';
import type { InboxEvent } from '../inbox/types';
import { appendColumns, buildDayColumns, DAY_MS, utcDay } from './columns';
import type { StatsDb } from './db';
import { applyEvents, pairingKeysOf, type PairingConfig } from './pairing';
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
export async function ingestEvents(db: StatsDb, events: InboxEvent[], config: PairingConfig, now = Date.now()): Promise<{ acked: string[]; recorded: number }> {
  const relevant = events.filter((e) => e.kind !== 'conversation-opened');
  let recorded = 0;
  if (relevant.length) {
    await db.transaction('rw', [db.responses, db.pending, db.days], async () => {
      const keys = [...new Set(relevant.flatMap(pairingKeysOf))];
      const found = await db.pending.bulkGet(keys);
      const states = new Map<string, PendingRecord>();
      found.forEach((s) => s && states.set(s.key, s));
      const { responses, changed } = applyEvents(states, relevant, config, now);
      if (responses.length) {
        const existing = await db.responses.bulkGet(responses.map((r) => r.id));
        // Never downgrade this browser's own record to an observed or imported copy.
        const toWrite = responses.filter((r, i) => existing[i]?.source !== 'this-browser');
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

/** Two browsers saw the same response if the customer message times are this close... */
export const SAME_RESPONSE_WINDOW_MS = 60_000;
/** ...and so are the replies (one browser times its own send, another when it saw the bubble): a later response of the same conversation is not the same one. */
export const SAME_REPLY_WINDOW_MS = 10_000;

/** Adds records that replace none (the team merge) to their days' columns, one read and one write per day and Page. */
export async function appendToDays(db: StatsDb, records: readonly ResponseRecord[]): Promise<void> {
  if (!records.length) return;
  const added = buildDayColumns(records);
  const held = await db.days.bulkGet(added.map((c) => [c.day, c.pageId] as [number, string]));
  await db.days.bulkPut(added.map((c, i) => appendColumns(held[i], c)));
}

/**
 * The held responses that may be the same as one of `fresh` (same Page and conversation, customer
 * times closer than SAME_RESPONSE_WINDOW_MS), by pairing key: one index range per record, so the
 * cost follows the batch, not the conversations' history. The merge rule never looks further.
 */
async function heldNeighbours(db: StatsDb, fresh: readonly ResponseRecord[]): Promise<Map<string, ResponseRecord[]>> {
  const found = await Promise.all(
    fresh.map((r) =>
      db.responses
        .where('[pageId+conversation+customerAt]')
        .between([r.pageId, r.conversation, r.customerAt - SAME_RESPONSE_WINDOW_MS], [r.pageId, r.conversation, r.customerAt + SAME_RESPONSE_WINDOW_MS], false, false)
        .toArray(),
    ),
  );
  const seen = new Set<string>();
  const near = new Map<string, ResponseRecord[]>();
  for (const r of found.flat()) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const k = pairingKey(r.pageId, r.conversation);
    const list = near.get(k) ?? [];
    list.push(r);
    near.set(k, list);
  }
  return near;
}

/**
 * The merge decision (one place): which of `fresh` (ids we don't hold) to add, given the held
 * responses near them by pairing key (`near` grows with the accepted ones).
 */
export function selectNew(fresh: readonly ResponseRecord[], near: Map<string, ResponseRecord[]>): ResponseRecord[] {
  const toAdd: ResponseRecord[] = [];
  for (const r of fresh) {
    const k = pairingKey(r.pageId, r.conversation);
    const times = near.get(k) ?? [];
    if (times.some((t) => Math.abs(t.customerAt - r.customerAt) < SAME_RESPONSE_WINDOW_MS && Math.abs(t.repliedAt - r.repliedAt) < SAME_REPLY_WINDOW_MS)) continue;
    times.push(r);
    near.set(k, times);
    toAdd.push(r);
  }
  return toAdd;
}

/** Merges validated bundle records: skips ids we hold and near-identical responses recorded by another browser. */
export async function importResponses(db: StatsDb, records: ResponseRecord[]): Promise<{ added: number; duplicates: number }> {
  return db.transaction('rw', db.responses, db.days, async () => {
    const unique = new Map<string, ResponseRecord>();
    for (const r of records) if (!unique.has(r.id)) unique.set(r.id, r);
    const candidates = [...unique.values()];
    const existing = await db.responses.bulkGet(candidates.map((r) => r.id));
    const fresh = candidates.filter((_, i) => !existing[i]);
    const toAdd = selectNew(fresh, await heldNeighbours(db, fresh));
    await db.responses.bulkAdd(toAdd);
    await appendToDays(db, toAdd);
    return { added: toAdd.length, duplicates: records.length - toAdd.length };
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

import { Dexie } from 'dexie';
import type { InboxEvent } from '../inbox/types';
import { buildDayColumns, DAY_MS, utcDay } from './columns';
import type { StatsDb } from './db';
import { mergeDecision, type MergeRecord } from './merge';
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

/**
 * Merges validated bundle or team records, each with the `source` its browser stored (see MergeRecord):
 * mergeDecision() says, against the held records of its conversation, whether it is new, known, or the
 * answering browser's own record of a response held only as a copy (which it replaces). What is written
 * is stored as 'imported'. `duplicates` counts every record not added as a new response.
 */
export async function importResponses(db: StatsDb, records: ResponseRecord[]): Promise<{ added: number; duplicates: number; replaced: number }> {
  return db.transaction('rw', db.responses, db.days, async () => {
    const unique = new Map<string, ResponseRecord>();
    for (const r of records) if (!unique.has(r.id)) unique.set(r.id, r);
    const candidates = [...unique.values()];
    const conversations = [...new Set(candidates.map((r) => JSON.stringify([r.pageId, r.conversation])))].map((k) => JSON.parse(k) as [string, string]);
    const held = new Map<string, MergeRecord[]>();
    if (conversations.length) {
      await db.responses
        .where('[pageId+conversation]')
        .anyOf(conversations)
        .each((r) => {
          const k = pairingKey(r.pageId, r.conversation);
          const list = held.get(k) ?? [];
          list.push({ id: r.id, customerAt: r.customerAt, repliedAt: r.repliedAt, source: r.source });
          held.set(k, list);
        });
    }
    const toPut: ResponseRecord[] = [];
    const toDelete: string[] = [];
    const days: number[] = [];
    let added = 0;
    let replaced = 0;
    for (const r of candidates) {
      const k = pairingKey(r.pageId, r.conversation);
      const list = held.get(k) ?? [];
      const decision = mergeDecision(r, list);
      if (decision.action === 'skip') continue;
      if (decision.action === 'replace') {
        const i = list.findIndex((h) => h.id === decision.heldId);
        days.push(utcDay(list[i]!.repliedAt));
        list.splice(i, 1);
        if (decision.heldId !== r.id) toDelete.push(decision.heldId);
        replaced++;
      } else added++;
      list.push({ id: r.id, customerAt: r.customerAt, repliedAt: r.repliedAt, source: r.source });
      held.set(k, list);
      toPut.push({ ...r, source: 'imported' });
      days.push(utcDay(r.repliedAt));
    }
    await db.responses.bulkDelete(toDelete);
    await db.responses.bulkPut(toPut);
    await rebuildDays(db, days);
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

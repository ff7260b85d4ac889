import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { buildDayColumns, DAY_MS, DayColumnsBuilder, type DayColumns } from './columns';
import type { PendingRecord, ResponseRecord } from './types';

/**
 * The stats database. The background worker is its only writer; the popup
 * and the options page only read it (same extension origin).
 *
 * Every version() stays here forever: Dexie upgrades a browser that still
 * holds an old version by running the steps in order.
 */
export const STATS_DB_NAME = 'inbox-pilot-stats';

interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/** Upgrades: every day's columns built again from the responses table. */
async function rebuildAllDays(tx: Transaction): Promise<void> {
  const builder = new DayColumnsBuilder();
  await tx.table('responses').each((r: ResponseRecord) => builder.add(r));
  await tx.table('days').clear();
  await tx.table('days').bulkPut(builder.finish());
}

/**
 * v4: each day row built again from its responses (now with their team origins); every row stays.
 * Not v3's rebuildAllDays: that one clears the table and rebuilds only days that still have
 * responses, and a browser upgrading from v3 must keep every existing row (an empty day included),
 * with the origin columns added. v3 keeps its own step, as every version does.
 */
async function addOriginsToDays(tx: Transaction): Promise<void> {
  const days = tx.table('days');
  for (const row of (await days.toArray()) as DayColumns[]) {
    const start = row.day * DAY_MS;
    const records = await tx.table('responses').where('[pageId+repliedAt]').between([row.pageId, start], [row.pageId, start + DAY_MS], true, false).toArray();
    const [built] = buildDayColumns(records as ResponseRecord[]);
    await days.put(built ?? { ...row, origins: [''], origin: new Uint16Array(row.repliedAt?.length ?? 0) });
  }
}

export const STATS_SCHEMA: readonly SchemaStep[] = [
  {
    // v1: responses only; unknown agents/pages were stored as null.
    version: 1,
    stores: { responses: 'id, repliedAt, [agent+repliedAt], [pageId+repliedAt]' },
  },
  {
    // v2: IndexedDB leaves null out of compound indexes, so v1's unknown
    // agents vanished from per-agent ranges: store '' instead. Adds the
    // pairing table (a stopped worker forgets nothing) and a per-conversation
    // index used to spot the same response recorded by another browser.
    version: 2,
    stores: {
      responses: 'id, repliedAt, [agent+repliedAt], [pageId+repliedAt], [pageId+conversation]',
      pending: 'key, updatedAt',
    },
    upgrade: (tx) =>
      tx
        .table('responses')
        .toCollection()
        .modify((r: Record<string, unknown>) => {
          if (r.agent === null || r.agent === undefined) r.agent = '';
          if (r.pageId === null || r.pageId === undefined) r.pageId = '';
        }),
  },
  {
    // v3: per-day columns of the figures (see columns.ts) so the popup reads
    // a busy week as a few typed arrays; built here from existing responses.
    version: 3,
    stores: { days: '[day+pageId]' },
    upgrade: (tx) => rebuildAllDays(tx),
  },
  {
    // v4 (issue 13): the team merge looks up only the neighbours of an incoming record (same Page
    // and conversation, customer time within the merge window) by range, instead of every response
    // of its conversation: [pageId+conversation+customerAt] replaces [pageId+conversation] (its
    // prefix still answers a per-conversation query). The day columns gain each record's team
    // origin (user and browser) for the manager's team view: rebuilt from the responses.
    version: 4,
    stores: { responses: 'id, repliedAt, [agent+repliedAt], [pageId+repliedAt], [pageId+conversation+customerAt]' },
    upgrade: (tx) => addOriginsToDays(tx),
  },
];

export const STATS_DB_VERSION = STATS_SCHEMA[STATS_SCHEMA.length - 1]!.version;

/** Declares the schema steps up to `upTo` (tests open older versions to seed them). */
export function declareStatsSchema(db: Dexie, upTo = STATS_DB_VERSION): void {
  for (const step of STATS_SCHEMA) {
    if (step.version > upTo) break;
    const v = db.version(step.version).stores(step.stores);
    if (step.upgrade) v.upgrade(step.upgrade);
  }
}

export type StatsDb = Dexie & {
  responses: EntityTable<ResponseRecord, 'id'>;
  pending: EntityTable<PendingRecord, 'key'>;
  days: Table<DayColumns, [number, string]>;
};

export function openStatsDb(name = STATS_DB_NAME): StatsDb {
  const db = new Dexie(name) as StatsDb;
  declareStatsSchema(db);
  return db;
}

let shared: StatsDb | null = null;

/** One connection per extension context. */
export function statsDb(): StatsDb {
  shared ??= openStatsDb();
  return shared;
}

/** Tests: drop the shared connection so the next statsDb() opens afresh. */
export function resetStatsDbForTests(): void {
  shared?.close();
  shared = null;
}

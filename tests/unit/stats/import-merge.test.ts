import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { appendColumns, buildDayColumns, DAY_MS, originAt, recordAt, utcDay, type DayColumns } from '../../../utils/stats/columns';
import { openStatsDb, type StatsDb } from '../../../utils/stats/db';
import { mergeDecision, type MergeRecord } from '../../../utils/stats/merge';
import { importResponses, rebuildDays } from '../../../utils/stats/store';
import { pairingKey, responseId, type ResponseRecord, type ResponseSource } from '../../../utils/stats/types';

/**
 * The team merge's data access was rewritten for speed (issue 13): neighbours by index range and
 * day columns appended instead of rebuilt. This is the import as it was before (every response of
 * the batch's conversations read, the touched days rebuilt from the responses table), with the
 * same decision (mergeDecision): both must leave identical databases on any mix.
 */
async function importResponsesBefore(db: StatsDb, records: ResponseRecord[]): Promise<{ added: number; duplicates: number; replaced: number }> {
  return db.transaction('rw', db.responses, db.days, async () => {
    const unique = new Map<string, ResponseRecord>();
    for (const r of records) if (!unique.has(r.id)) unique.set(r.id, r);
    const candidates = [...unique.values()];
    const held = new Map<string, MergeRecord[]>();
    for (const r of candidates) {
      const k = pairingKey(r.pageId, r.conversation);
      if (held.has(k)) continue;
      const all = await db.responses.where('[pageId+conversation+customerAt]').between([r.pageId, r.conversation, Dexie.minKey], [r.pageId, r.conversation, Dexie.maxKey]).toArray();
      held.set(k, all.map((h) => ({ id: h.id, customerAt: h.customerAt, repliedAt: h.repliedAt, source: h.source })));
    }
    const toPut = new Map<string, ResponseRecord>();
    const toDelete: string[] = [];
    const days: number[] = [];
    let added = 0;
    let replaced = 0;
    for (const r of candidates) {
      const list = held.get(pairingKey(r.pageId, r.conversation))!;
      const decision = mergeDecision(r, list);
      if (decision.action === 'skip') continue;
      if (decision.action === 'replace') {
        const i = list.findIndex((h) => h.id === decision.heldId);
        days.push(utcDay(list[i]!.repliedAt));
        list.splice(i, 1);
        if (decision.heldId !== r.id) {
          toPut.delete(decision.heldId);
          toDelete.push(decision.heldId);
        }
        replaced++;
      } else added++;
      list.push({ id: r.id, customerAt: r.customerAt, repliedAt: r.repliedAt, source: r.source });
      toPut.set(r.id, { ...r, source: 'imported' });
      days.push(utcDay(r.repliedAt));
    }
    await db.responses.bulkDelete(toDelete);
    await db.responses.bulkPut([...toPut.values()]);
    await rebuildDays(db, days);
    return { added, duplicates: records.length - added, replaced };
  });
}

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const T0 = Date.UTC(2026, 10, 23, 6);
const SOURCES: ResponseSource[] = ['this-browser', 'observed', 'imported'];

/** A mix over 4 days, 2 Pages, few conversations: exact duplicates, copies seen by another browser a few seconds off (inside and just outside the windows), and distinct responses. */
function mix(seed: number, n: number): ResponseRecord[] {
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: ResponseRecord[] = [];
  for (let i = 0; i < n; i++) {
    const base = out.length && rand() < 0.45 ? pick(out) : null;
    let r: ResponseRecord;
    if (base && rand() < 0.3) r = { ...base }; // the same record again (same id)
    else if (base) {
      // Another browser's copy: customer and reply times moved by up to ±90 s and ±15 s.
      const customerAt = base.customerAt + Math.round((rand() - 0.5) * 180_000);
      const repliedAt = Math.max(customerAt + 1000, base.repliedAt + Math.round((rand() - 0.5) * 30_000));
      const seconds = Math.round((repliedAt - customerAt) / 1000);
      r = { ...base, id: responseId(base.pageId, base.conversation, customerAt), customerAt, repliedAt, responseSeconds: seconds, businessResponseSeconds: seconds, agent: pick(['Marie', 'Paul', base.agent]), source: pick(SOURCES) };
    } else {
      const pageId = pick(['p1', 'p2']);
      const conversation = `c${Math.floor(rand() * 12)}`;
      const customerAt = T0 + Math.floor(rand() * 4 * DAY_MS);
      const seconds = 5 + Math.floor(rand() * 3000);
      const repliedAt = customerAt + seconds * 1000;
      r = { id: responseId(pageId, conversation, customerAt), pageId, conversation, customerAt, repliedAt, agent: pick(['Marie', 'Paul', 'Léa', '']), responseSeconds: seconds, businessResponseSeconds: seconds, withinTarget: seconds <= 300, source: pick(SOURCES), precision: rand() < 0.2 ? 'approximate' : 'exact' };
      // Pulled team records say which user and browser recorded them (the day columns keep it).
      if (r.source === 'imported') Object.assign(r, { syncUser: pick(['marie', 'paul']), browser: pick(['b1', 'b2']) });
    }
    out.push(r);
  }
  // Shuffle so copies arrive before and after their originals, across batches.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A day's rows as a sorted list (the row order of the columns means nothing). */
const rows = (c: DayColumns) => Array.from({ length: c.repliedAt.length }, (_, i) => JSON.stringify({ ...recordAt(c, i), ...originAt(c, i) })).sort();

async function snapshot(db: StatsDb) {
  const days = await db.days.toArray();
  return {
    responses: await db.responses.orderBy('id').toArray(),
    days: days.map((c) => ({ day: c.day, pageId: c.pageId, rows: rows(c), agents: [...c.agents].sort() })),
  };
}

const dbs: StatsDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('team merge import: the indexed, appending import equals the import it replaced', () => {
  for (const seed of [1, 7, 42, 1234, 99991]) {
    it(`seed ${seed}: same results, same responses, same day columns, batch after batch`, async () => {
      const rand = rng(seed + 1);
      const all = mix(seed, 600);
      const before = openStatsDb(`merge-before-${seed}`);
      const after = openStatsDb(`merge-after-${seed}`);
      dbs.push(before, after);
      // Records this browser already holds (its own), then the team's in uneven batches (duplicates within and across batches).
      const own = [...new Map(all.slice(0, 80).map((r) => [r.id, { ...r, source: 'this-browser' as const }])).values()];
      for (const db of [before, after]) {
        await db.responses.bulkPut(own);
        await db.days.bulkPut(buildDayColumns(own));
      }
      const rest = all.slice(40);
      let merged = 0;
      for (let i = 0; i < rest.length; ) {
        const size = 1 + Math.floor(rand() * 120);
        const batch = rest.slice(i, i + size);
        i += size;
        const a = await importResponsesBefore(before, batch);
        const b = await importResponses(after, batch);
        expect(b).toEqual(a);
        merged += batch.length - a.added;
      }
      const [sa, sb] = [await snapshot(before), await snapshot(after)];
      expect(sb.responses).toEqual(sa.responses);
      expect(sb.days).toEqual(sa.days);
      // The mix really exercised the merge: near-duplicates were dropped and distinct responses of one conversation kept.
      expect(merged).toBeGreaterThan(rest.length * 0.2);
      expect(sa.responses.length).toBeGreaterThan(own.length + 100);
      expect(new Set(sa.days.map((d) => d.day)).size).toBeGreaterThanOrEqual(4);
    });
  }

  it('a copy 59 s / 9 s off is merged, 61 s or 11 s off is not (the range lookup reaches the window edges)', async () => {
    const db = openStatsDb('merge-edges');
    dbs.push(db);
    const base: ResponseRecord = { id: responseId('p', 'c', T0), pageId: 'p', conversation: 'c', customerAt: T0, repliedAt: T0 + 60_000, agent: 'Marie', responseSeconds: 60, businessResponseSeconds: 60, withinTarget: true, source: 'this-browser', precision: 'exact' };
    await importResponses(db, [base]);
    const copy = (dc: number, dr: number): ResponseRecord => ({ ...base, id: responseId('p', 'c', T0 + dc), customerAt: T0 + dc, repliedAt: base.repliedAt + dr, source: 'imported' });
    expect(await importResponses(db, [copy(59_000, 9_000), copy(-59_000, -9_000)])).toEqual({ added: 0, duplicates: 2, replaced: 0 });
    expect(await importResponses(db, [copy(61_000, 0)])).toEqual({ added: 1, duplicates: 0, replaced: 0 });
    expect(await importResponses(db, [copy(-120_000, 11_000)])).toEqual({ added: 1, duplicates: 0, replaced: 0 });
    const [day] = await db.days.toArray();
    expect(day!.repliedAt.length).toBe(3);
  });

  it('issue 16: another browser\'s own record under this browser\'s own id, of another reply, is added under its own-record id, once', async () => {
    const db = openStatsDb('merge-own-twins');
    dbs.push(db);
    const mine: ResponseRecord = { id: responseId('p', 'c', T0), pageId: 'p', conversation: 'c', customerAt: T0, repliedAt: T0 + 4_000, agent: 'Marie', responseSeconds: 4, businessResponseSeconds: 4, withinTarget: true, source: 'this-browser', precision: 'exact' };
    await db.responses.put(mine);
    const theirs: ResponseRecord = { ...mine, customerAt: T0 + 300, repliedAt: T0 + 9_000, agent: 'Paul', responseSeconds: 9, businessResponseSeconds: 9 };
    expect(await importResponses(db, [theirs])).toEqual({ added: 1, duplicates: 0, replaced: 0 });
    expect(await importResponses(db, [theirs])).toEqual({ added: 0, duplicates: 1, replaced: 0 });
    const held = await db.responses.toArray();
    expect(held.map((r) => [r.agent, r.source, r.id]).sort()).toEqual([
      ['Marie', 'this-browser', mine.id],
      ['Paul', 'imported', `${mine.id}|${Math.floor((T0 + 9_000) / 1000)}`],
    ]);
  });
});

describe('appendColumns', () => {
  it('equals the columns built from the held rows followed by the added ones, agents remapped', () => {
    const rand = rng(5);
    const rec = (i: number, agent: string): ResponseRecord => {
      const customerAt = T0 + i * 60_000;
      const origin = i % 3 === 2 ? { syncUser: `u${i % 2}`, browser: `b${i % 4}` } : {};
      return { id: `p|c${i}|${i}`, pageId: 'p', conversation: `c${i}`, customerAt, repliedAt: customerAt + 30_000, agent, responseSeconds: 30 + i, businessResponseSeconds: 20 + i, withinTarget: rand() < 0.5, source: SOURCES[i % 3]!, precision: i % 4 ? 'exact' : 'approximate', ...origin };
    };
    const held = [rec(1, 'Marie'), rec(2, 'Paul'), rec(3, 'Marie')];
    const added = [rec(4, 'Léa'), rec(5, 'Paul'), rec(6, '')];
    const [h] = buildDayColumns(held);
    const [a] = buildDayColumns(added);
    expect(appendColumns(h, a!)).toEqual(buildDayColumns([...held, ...added])[0]);
    expect(appendColumns(undefined, a!)).toEqual(a);
    const [other] = buildDayColumns([{ ...rec(7, 'Marie'), repliedAt: T0 + DAY_MS }]);
    expect(() => appendColumns(h, other!)).toThrow(/same day/);
  });
});

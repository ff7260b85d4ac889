import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { declareStatsSchema, openStatsDb, STATS_DB_VERSION } from '../../../utils/stats/db';
import { buildDayColumns } from '../../../utils/stats/columns';

const NAME = 'inbox-pilot-stats-migration-test';

beforeEach(() => Dexie.delete(NAME));

describe('stats schema migrations', () => {
  it('upgrades a v1 database: keeps every response, fills null agents/pages, adds the pairing table and day columns', async () => {
    const v1 = new Dexie(NAME);
    declareStatsSchema(v1, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const base = { conversation: 'c', customerAt: 1_763_280_000_000, repliedAt: 1_763_280_120_000, responseSeconds: 120, businessResponseSeconds: 120, withinTarget: true, source: 'observed', precision: 'exact' };
    await v1.table('responses').bulkAdd([
      { ...base, id: 'p|c|1', pageId: 'p', agent: 'Marie' },
      { ...base, id: 'p|c|2', pageId: null, agent: null, repliedAt: base.repliedAt + 1000 },
    ]);
    // In v1 the unknown agent is missing from the per-agent index.
    expect(await v1.table('responses').where('[agent+repliedAt]').between(['', 0], ['', Infinity]).count()).toBe(0);
    v1.close();

    const db = openStatsDb(NAME);
    await db.open();
    expect(db.verno).toBe(STATS_DB_VERSION);
    expect(STATS_DB_VERSION).toBeGreaterThanOrEqual(2);
    const all = await db.responses.orderBy('id').toArray();
    expect(all.map((r) => [r.id, r.agent, r.pageId])).toEqual([
      ['p|c|1', 'Marie', 'p'],
      ['p|c|2', '', ''],
    ]);
    expect(await db.responses.where('[agent+repliedAt]').between(['', 0], ['', Infinity]).count()).toBe(1);
    expect(await db.responses.where('[pageId+conversation+customerAt]').between(['p', 'c', Dexie.minKey], ['p', 'c', Dexie.maxKey]).count()).toBe(1);
    await db.pending.put({ key: 'p|c', pageId: 'p', conversation: 'c', waiting: [], lastReplyAt: 1, updatedAt: 1 });
    expect(await db.pending.count()).toBe(1);
    // v3 built the day columns from the existing responses.
    const [day] = await db.days.toArray();
    expect(day).toMatchObject({ pageId: '', agents: [''], origins: [''] });
    const days = await db.days.toArray();
    expect(days.map((d) => [d.pageId, [...d.responseSeconds]])).toEqual([
      ['', [120]],
      ['p', [120]],
    ]);
    db.close();
  });
});

describe('stats schema v4', () => {
  it("rebuilds a v3 database's day columns with each pulled record's team user and browser, keeping every row", async () => {
    const v3 = new Dexie(NAME);
    declareStatsSchema(v3, 3);
    await v3.open();
    const base = { pageId: 'p', customerAt: 1_763_280_000_000, repliedAt: 1_763_280_120_000, agent: 'Marie', responseSeconds: 120, businessResponseSeconds: 120, withinTarget: true, precision: 'exact' };
    await v3.table('responses').bulkAdd([
      { ...base, id: 'p|a|1', conversation: 'a', source: 'this-browser' },
      { ...base, id: 'p|b|1', conversation: 'b', source: 'imported', syncUser: 'marie', browser: 'm1' },
    ]);
    // v3's columns, without origins (as a v3 worker kept them).
    const { origins: _o, origin: _i, ...old } = buildDayColumns([{ ...base, id: 'x', conversation: 'a', source: 'this-browser' } as never])[0]!;
    await v3.table('days').put({ ...old, repliedAt: new Float64Array([base.repliedAt, base.repliedAt]) });
    v3.close();
    const db = openStatsDb(NAME);
    await db.open();
    const days = await db.days.toArray();
    expect(days).toHaveLength(1);
    expect(days[0]!.origins.sort()).toEqual(['', 'marie\nm1']);
    expect(days[0]!.repliedAt.length).toBe(2);
    db.close();
  });
});

// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { couchRequest, runTeamSetup, startCouch, type Couch } from '../../e2e/couch';
import { openStatsDb, type StatsDb } from '../../../utils/stats/db';
import type { ResponseRecord } from '../../../utils/stats/types';
import { beatsSince, copyNewRecords, importReceived, markBeat, mergeLatestBeats, purgeTeamRecords, readLatestBeats, type LatestBeats } from '../../../components/features/sync/background-engine';
import { openLocal, openRemote, replicate, setLocalAdapterForTests, type Pouch } from '../../../components/features/sync/pouch';
import type { SyncConnection } from '../../../utils/sync/connection';

// The worker's steps end to end against a real CouchDB-protocol server: agents' stats databases
// (fake IndexedDB) -> sync databases (PouchDB, memory adapter in Node) -> pouchdb-server -> a
// manager's stats database.
let couch: Couch;
const DB = 'engine-team';
const conn = (user: string, password: string, role: SyncConnection['role'] = 'agent'): SyncConnection => ({ url: couch.url, db: DB, user, password, role });
const DAY = 86_400_000;
const base = Date.UTC(2026, 10, 30, 9);

function responses(n: number, prefix: string, agent: string, source: ResponseRecord['source'] = 'this-browser'): ResponseRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p1|${prefix}${i}|${Math.floor((base + i * 60_000) / 1000)}`,
    pageId: 'p1',
    conversation: `${prefix}${i}`,
    customerAt: base + i * 60_000,
    repliedAt: base + i * 60_000 + 120_000 + (i % 3) * DAY,
    agent,
    responseSeconds: 120,
    businessResponseSeconds: 120,
    withinTarget: i % 2 === 0,
    source,
    precision: 'exact',
  }));
}

async function statsWith(name: string, records: ResponseRecord[]): Promise<StatsDb> {
  const db = openStatsDb(name);
  await db.responses.bulkPut(records);
  return db;
}

async function pushAll(stats: StatsDb, local: Pouch, c: SyncConnection, browser: string, days: Record<string, number> = {}) {
  const copied = await copyNewRecords(stats, local, { user: c.user, browser }, days, async () => {});
  await markBeat(local, { user: c.user, browser, agent: c.user }, Date.now());
  const pushed = await replicate(local, openRemote(c));
  return { copied, pushed };
}

beforeAll(async () => {
  setLocalAdapterForTests('memory', MemoryAdapter);
  couch = await startCouch({ inMemory: true });
  const setup = await runTeamSetup(['--url', couch.url, '--db', DB, '--admin', 'admin:secret', '--agent', 'marie:pw1', '--agent', 'paul:pw2', '--manager', 'chloe:pw3']);
  expect(setup.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  couch?.dispose();
});

describe('latest beats', () => {
  it('keeps the later beat of each browser, whatever the order', () => {
    const a = { 'marie\nm1': 10, 'paul\np1': 5 };
    expect(mergeLatestBeats(a, { 'marie\nm1': 7, 'paul\np1': 9, 'zoe\nz1': 1 })).toEqual({ 'marie\nm1': 10, 'paul\np1': 9, 'zoe\nz1': 1 });
    expect(a).toEqual({ 'marie\nm1': 10, 'paul\np1': 5 });
    expect(beatsSince({ 'a\nb': 10, 'c\nd:e': 20 }, 15)).toEqual([{ user: 'c', browser: 'd:e', at: 20 }]);
  });
});

describe('sync engine', () => {
  it("pushes each agent's records once, and the manager's stats database receives the whole team", async () => {
    const marie = await statsWith('e-marie', [...responses(30, 'm', 'Marie D'), ...responses(5, 'x', 'Paul R', 'imported')]);
    const paul = await statsWith('e-paul', responses(20, 'p', 'Paul R'));
    const mLocal = openLocal('e-marie-sync');
    const first = await pushAll(marie, mLocal, conn('marie', 'pw1'), 'bm');
    expect(first.copied.added).toBe(30); // imported copies are never sent
    expect(first.pushed.docs_written).toBe(31); // + the beat
    // Nothing new: no day is read again, nothing is sent again.
    const again = await pushAll(marie, mLocal, conn('marie', 'pw1'), 'bm', first.copied.days);
    expect(again.copied.added).toBe(0);
    expect(again.pushed.docs_written).toBe(0);
    // A run that lost its per-day counts (killed before saving them) duplicates nothing.
    const lost = await pushAll(marie, mLocal, conn('marie', 'pw1'), 'bm', {});
    expect(lost.copied.added).toBe(0);
    await pushAll(paul, openLocal('e-paul-sync'), conn('paul', 'pw2'), 'bp');

    const manager = openStatsDb('e-chloe');
    const cLocal = openLocal('e-chloe-sync');
    await replicate(openRemote(conn('chloe', 'pw3', 'manager')), cLocal, { batch_size: 500 });
    let seq: string | number = 0;
    let latest: LatestBeats = {};
    const got = await importReceived(
      manager,
      cLocal,
      'chloe',
      0,
      async (s) => {
        seq = s;
      },
      async (beats) => void (latest = mergeLatestBeats(latest, beats)),
    );
    expect(got.imported).toBe(50);
    const all = await manager.responses.toArray();
    expect(all).toHaveLength(50);
    expect(new Set(all.map((r) => (r as { syncUser?: string }).syncUser))).toEqual(new Set(['marie', 'paul']));
    expect(all.every((r) => r.source === 'imported' && (r as { browser?: string }).browser)).toBe(true);
    // The day columns (what the popup reads) cover the team too, each response with its team origin.
    const days = await manager.days.toArray();
    expect(days.reduce((n, d) => n + d.repliedAt.length, 0)).toBe(50);
    expect(new Set(days.flatMap((d) => d.origins.map((o) => o.split('\n')[0])))).toEqual(new Set(['marie', 'paul']));
    // Imported in chunks (here 7 records per transaction), the sequence saved only after each chunk: the same result.
    const chunked = openStatsDb('e-chloe-chunked');
    const saved: Array<string | number> = [];
    const byChunks = await importReceived(chunked, cLocal, 'chloe', 0, async (s) => void saved.push(s), async () => {}, 5, 7);
    expect(byChunks.imported).toBe(50);
    expect((await chunked.responses.orderBy('id').toArray())).toEqual(await manager.responses.orderBy('id').toArray());
    // 52 changes in pages of 5, saved after every second page (10 records >= 7) and at the end.
    expect(saved.length).toBeGreaterThanOrEqual(5);
    expect(saved.length).toBeLessThanOrEqual(7);
    expect(saved.at(-1)).toEqual(byChunks.seq);
    // Resuming from the saved sequence imports nothing twice.
    expect((await importReceived(manager, cLocal, 'chloe', seq, async () => {}, async () => {})).imported).toBe(0);
    expect((await importReceived(manager, cLocal, 'chloe', 0, async () => {}, async () => {})).imported).toBe(0);
    expect(await manager.responses.count()).toBe(50);
    // The import kept each browser's latest beat, the same as reading every beat held.
    expect(latest).toEqual(await readLatestBeats(cLocal));
    expect(Object.keys(latest).sort()).toEqual(['marie\nbm', 'paul\nbp']);
    expect(beatsSince(latest, 0).map((b) => `${b.user}/${b.browser}`).sort()).toEqual(['marie/bm', 'paul/bp']);
    expect(beatsSince(latest, Date.now() + 60_000)).toEqual([]);
  }, 60_000);

  it('a push cancelled in the middle of 3,000 records resumes from its checkpoint: nothing lost, nothing duplicated', async () => {
    const stats = await statsWith('e-big', responses(3000, 'b', 'Marie D'));
    const local = openLocal('e-big-sync');
    const c = conn('marie', 'pw1');
    expect((await copyNewRecords(stats, local, { user: 'marie', browser: 'bb' }, {}, async () => {})).added).toBe(3000);
    const remote = openRemote(c);
    // The replication is stopped after its first batches, as a stopped worker would stop it.
    const PouchDB = (await import('pouchdb-core')).default;
    const rep = PouchDB.replicate(local, remote, { batch_size: 250, batches_limit: 1 });
    let batches = 0;
    rep.on('change', () => {
      if (++batches === 2) rep.cancel();
    });
    await new Promise((r) => rep.on('complete', r));
    const partial = (await couchRequest(`${couch.url}/${DB}/_all_docs?startkey="resp:marie:p1|b"&endkey="resp:marie:p1|b\ufff0"&limit=0`, 'admin:secret', 'GET')).json.total_rows;
    expect(partial).toBeLessThan(3000 + 31);
    const resumed = await replicate(local, remote);
    expect(resumed.doc_write_failures).toBe(0);
    expect(resumed.docs_written).toBeLessThanOrEqual(3000 - 250); // it did not start over
    const ids = await couchRequest(`${couch.url}/${DB}/_all_docs?startkey=%22resp:marie:p1%7Cb%22&endkey=%22resp:marie:p1%7Cb%EF%BF%B0%22`, 'admin:secret', 'GET');
    expect(ids.json.rows).toHaveLength(3000);
  }, 120_000);

  it("the server refuses a browser pushing another agent's records", async () => {
    const stats = await statsWith('e-rogue', responses(3, 'r', 'X'));
    const local = openLocal('e-rogue-sync');
    await copyNewRecords(stats, local, { user: 'paul', browser: 'br' }, {}, async () => {});
    const res = await replicate(local, openRemote(conn('marie', 'pw1')));
    expect(res.doc_write_failures).toBe(3);
  }, 60_000);

  it("the retention job deletes the team's old records on the server from a manager's browser, and the server refuses it from an agent's", async () => {
    const old = Date.UTC(2024, 0, 8, 10);
    const recent = Date.UTC(2026, 10, 30, 10);
    const doc = (user: string, n: number, repliedAt: number) => ({ _id: `resp:${user}:p9|r${n}|${n}`, type: 'response', user, browser: 'b', agent: user, pageId: 'p9', conversation: `r${n}`, customerAt: repliedAt - 60_000, repliedAt, responseSeconds: 60, businessResponseSeconds: 60, withinTarget: true, precision: 'exact', responseId: `p9|r${n}|${n}` });
    const docs = [...Array.from({ length: 12 }, (_, i) => doc(i % 2 ? 'marie' : 'paul', i, i < 7 ? old : recent)), { _id: 'beat:paul:b:2024-01-08T10', type: 'beat', user: 'paul', browser: 'b', agent: '', at: old }];
    expect((await couchRequest(`${couch.url}/${DB}/_bulk_docs`, 'admin:secret', 'POST', { docs })).status).toBe(201);
    const cutoff = Date.UTC(2025, 0, 1);
    const held = async (id: string) => (await couchRequest(`${couch.url}/${DB}/${encodeURIComponent(id)}`, 'admin:secret', 'GET')).status;

    // An agent's browser (its replica holds the team's records, as a manager's would): every deletion refused, nothing gone.
    const aLocal = openLocal('e-retention-agent');
    await replicate(openRemote(conn('chloe', 'pw3', 'manager')), aLocal);
    const byAgent = await purgeTeamRecords(aLocal, openRemote(conn('marie', 'pw1')), cutoff, 4, 3);
    expect(byAgent.deleted).toBe(0);
    expect(byAgent.refused).toBe(8); // 7 old responses (some of them Marie's own) + 1 beat
    // The rules' refusal (pouchdb-server reports a bulk write's per-document refusal with status 500, CouchDB with none: the name says it).
    expect(byAgent.errors[0]).toMatchObject({ name: 'forbidden', message: expect.stringMatching(/only a manager/) });
    for (const d of docs) expect(await held(d._id)).toBe(200);

    // The manager's browser: the 8 old ones are deleted in batches (pages of 4, deletions 3 at a time), the rest stays.
    const mLocal = openLocal('e-retention-manager');
    const remote = openRemote(conn('chloe', 'pw3', 'manager'));
    await replicate(remote, mLocal);
    const byManager = await purgeTeamRecords(mLocal, remote, cutoff, 4, 3);
    expect(byManager).toEqual({ deleted: 8, refused: 0, errors: [] });
    for (const d of docs) expect(await held(d._id)).toBe(d._id.startsWith('beat:') || (d as { repliedAt?: number }).repliedAt === old ? 404 : 200);
    // The tombstones come back with the next pull; a second run finds nothing more.
    await replicate(remote, mLocal);
    expect(await purgeTeamRecords(mLocal, remote, cutoff, 4, 3)).toEqual({ deleted: 0, refused: 0, errors: [] });
  }, 60_000);

  it('a wrong password is an unauthorized error', async () => {
    const local = openLocal('e-wrong-sync');
    await local.put({ _id: 'beat:marie:b:x', type: 'beat', user: 'marie', browser: 'b', at: 1 });
    await expect(replicate(local, openRemote(conn('marie', 'nope')))).rejects.toMatchObject({ status: 401 });
  }, 60_000);
});

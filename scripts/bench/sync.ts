/**
 * Team sync benchmark (issue 13), in Node against pouchdb-server on loopback (in memory), with
 * the worker's own steps (components/features/sync/engine.ts) and the extension's Dexie schema
 * on fake-indexeddb (Node has no IndexedDB; figures for the stats side are therefore Node's, not
 * Chromium's), PouchDB's memory adapter standing in for the worker's IndexedDB one:
 *   - push of 10,000 records (copy from the stats database + one-shot replication),
 *   - a manager's pull of 100,000 records from 20 agents (replication + import into the stats database),
 *   - the team view on the pulled week of 25,000 responses (what the popup asks the worker for; aim < 150 ms),
 *   - memory (heap and RSS of the process) during the pull.
 *   npx vite-node -c vitest.config.ts scripts/bench/lib/run-one.mjs  (via npm run bench -- --only sync)
 * Sizes: BENCH_SYNC_PUSH (10000), BENCH_SYNC_PULL (100000), BENCH_SYNC_AGENTS (20).
 */
import 'fake-indexeddb/auto';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { couchRequest, runTeamSetup, startCouch } from '../../tests/e2e/couch';
import { openStatsDb } from '../../utils/stats/db';
import { dayColumnsBetween } from '../../utils/stats/store';
import type { ResponseRecord } from '../../utils/stats/types';
import { beatDocId, toResponseDoc } from '../../utils/sync/records';
import { teamRecordsOf, teamWeek } from '../../utils/sync/team';
import type { Figure } from './replies';
import { beatsSince, copyNewRecords, importReceived, mergeLatestBeats, type LatestBeats } from '../../components/features/sync/background-engine';
import { openLocal, openRemote, replicate, setLocalAdapterForTests } from '../../components/features/sync/pouch';

const PUSH_N = Number(process.env.BENCH_SYNC_PUSH ?? 10_000);
const PULL_N = Number(process.env.BENCH_SYNC_PULL ?? 100_000);
const AGENTS = Number(process.env.BENCH_SYNC_AGENTS ?? 20);
const WEEK_MS = 7 * 86_400_000;

function records(n: number, agent: string, weekStart: number, weeks: number, seed: number): ResponseRecord[] {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => {
    const repliedAt = Math.floor(weekStart - (i % weeks) * WEEK_MS + rand() * (WEEK_MS - 1));
    const seconds = Math.round(-Math.log(1 - rand()) * 420);
    const customerAt = repliedAt - seconds * 1000;
    const conversation = `t_${seed}_${i}`;
    return { id: `p1|${conversation}|${Math.floor(customerAt / 1000)}`, pageId: 'p1', conversation, customerAt, repliedAt, agent, responseSeconds: seconds, businessResponseSeconds: seconds, withinTarget: seconds <= 300, source: 'this-browser', precision: 'exact' };
  });
}

export async function run(): Promise<Figure[]> {
  setLocalAdapterForTests('memory', MemoryAdapter);
  const couch = await startCouch({ inMemory: true });
  const figures: Figure[] = [];
  try {
    const agents = Array.from({ length: AGENTS }, (_, i) => `agent${String(i).padStart(2, '0')}`);
    const setup = await runTeamSetup(['--url', couch.url, '--db', 'bench-team', '--admin', 'admin:secret', ...agents.flatMap((a) => ['--agent', `${a}:pw`]), '--manager', 'boss:pw']);
    if (setup.code !== 0) throw new Error(`team:setup failed: ${setup.stderr}`);
    const conn = (user: string, role: 'agent' | 'manager' = 'agent') => ({ url: couch.url, db: 'bench-team', user, password: 'pw', role });
    const weekStart = Date.UTC(2026, 10, 30);

    // 1. Push of PUSH_N records from one agent's browser.
    const stats = openStatsDb('bench-push');
    await stats.responses.bulkPut(records(PUSH_N, 'Agent 00', weekStart, 4, 7));
    const local = openLocal('bench-push-sync');
    let t = performance.now();
    const { added } = await copyNewRecords(stats, local, { user: agents[0]!, browser: 'b0' }, {}, async () => {});
    const copyMs = performance.now() - t;
    t = performance.now();
    const pushed = await replicate(local, openRemote(conn(agents[0]!)));
    const pushMs = performance.now() - t;
    if (added !== PUSH_N || pushed.docs_written !== PUSH_N) throw new Error(`push wrote ${pushed.docs_written} of ${PUSH_N}`);
    figures.push({ figure: `sync: copy ${PUSH_N} records to the sync database`, value: Math.round(copyMs), unit: 'ms', aim: 'report', ok: true });
    figures.push({ figure: `sync: push ${PUSH_N} records to the server`, value: Math.round(pushMs), unit: 'ms', aim: 'report', ok: true });
    figures.push({ figure: 'sync: push throughput', value: Math.round(PUSH_N / ((copyMs + pushMs) / 1000)), unit: 'records/s', aim: 'report', ok: true });

    // 2. The other agents' records go onto the server directly (admin bulk writes: seeding, not measured).
    const perAgent = Math.floor((PULL_N - PUSH_N) / (AGENTS - 1));
    for (let a = 1; a < AGENTS; a++) {
      const docs = records(perAgent, `Agent ${String(a).padStart(2, '0')}`, weekStart, 4, 100 + a).map((r) => toResponseDoc(r, agents[a]!, `b${a}`));
      for (let i = 0; i < docs.length; i += 5000) {
        const res = await couchRequest(`${couch.url}/bench-team/_bulk_docs`, 'admin:secret', 'POST', { docs: docs.slice(i, i + 5000) });
        if (res.status !== 201) throw new Error(`seeding failed: ${res.status}`);
      }
      // One beat per hour over the 8 days the team view reads, as a browser syncing all day leaves.
      const beats = Array.from({ length: 8 * 24 }, (_, h) => {
        const at = weekStart + WEEK_MS - h * 3_600_000;
        return { _id: beatDocId(agents[a]!, `b${a}`, at), type: 'beat', user: agents[a], browser: `b${a}`, agent: '', at };
      });
      const res = await couchRequest(`${couch.url}/bench-team/_bulk_docs`, 'admin:secret', 'POST', { docs: beats });
      if (res.status !== 201) throw new Error(`seeding beats failed: ${res.status}`);
    }
    const total = PUSH_N + perAgent * (AGENTS - 1);

    // 3. The manager's pull, with memory sampled every 50 ms.
    const manager = openStatsDb('bench-manager');
    const mLocal = openLocal('bench-manager-sync');
    global.gc?.();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 50);
    t = performance.now();
    const pulled = await replicate(openRemote(conn('boss', 'manager')), mLocal, { batch_size: 500 });
    const replicateMs = performance.now() - t;
    t = performance.now();
    let latest: LatestBeats = {};
    const imported = await importReceived(manager, mLocal, 'boss', 0, async () => {}, async (beats) => void (latest = mergeLatestBeats(latest, beats)));
    const importMs = performance.now() - t;
    clearInterval(sampler);
    if (imported.imported !== total) throw new Error(`imported ${imported.imported} of ${total} (pulled ${pulled.docs_written})`);
    figures.push({ figure: `sync: manager pull of ${total} records from ${AGENTS} agents (replication)`, value: Math.round(replicateMs), unit: 'ms', aim: 'report', ok: true });
    figures.push({ figure: `sync: import of the pulled records into the stats database (fake-indexeddb)`, value: Math.round(importMs), unit: 'ms', aim: 'report', ok: true });
    figures.push({ figure: 'sync: heap growth during the pull (Node process)', value: Math.round((peakHeap - base.heapUsed) / 1e6), unit: 'MB', aim: 'report', ok: true });
    figures.push({ figure: 'sync: peak RSS during the pull (Node process)', value: Math.round(peakRss / 1e6), unit: 'MB', aim: 'report', ok: true });

    // 4. The team view of the pulled week (25% of the records: 4 weeks seeded), as the worker computes it for the popup.
    const times: number[] = [];
    let rows = 0;
    let weekCount = 0;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      const week = { start: weekStart, end: weekStart + WEEK_MS };
      const recs = teamRecordsOf(await dayColumnsBetween(manager, week.start, week.end), week, { syncUser: 'boss', browser: 'bm' });
      const beats = beatsSince(latest, weekStart - 8 * 86_400_000);
      const view = teamWeek({ records: recs, beats, week, now: Date.now() });
      times.push(performance.now() - t);
      rows = view.length;
      weekCount = recs.length;
    }
    times.sort((a, b) => a - b);
    const median = times[2]!;
    figures.push({ figure: `sync: team view of a ${weekCount}-response week, ${rows} agents (median of 5, fake-indexeddb)`, value: Math.round(median), unit: 'ms', aim: '< 150 ms', ok: median < 150 });
  } finally {
    await couch.stop();
    couch.dispose();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());

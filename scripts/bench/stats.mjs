#!/usr/bin/env node
// Stats benchmark (issue 7): with N responses stored (default 1,000,000: 50
// agents over 52 weeks, 25,000 of them in the measured week), in Chromium,
// using the extension's own Dexie schema, summary and CSV code bundled by
// Vite into a plain page on a routed origin:
//   - open the database + read one week by index range + per-agent summary
//     (what the popup does when it opens; aim < 150 ms),
//   - read that week + build its 25,000-row detail CSV + Blob (aim < 500 ms),
//   - bytes stored per response (navigator.storage.estimate delta / N),
//   - a manager's popup on a team week (issue 13): 100,000 records of 20 agents with two
//     browsers each, imported through the team merge, 25,000 in the week; the week's summary
//     and the team view asked together, as the popup does (aim < 150 ms).
// Seeding is bounded by a time budget (BENCH_STATS_SEED_BUDGET_MS, default
// 150 s); if it runs out, the figures say at which N they were measured.
// Standalone: `node scripts/bench/stats.mjs` (BENCH_STATS_N to change N).
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const N = Number(process.env.BENCH_STATS_N ?? 1_000_000);
const WEEK_N = 25_000;
/** The manager's pulled team (issue 13): BENCH_STATS_TEAM_N records (0 skips it), BENCH_STATS_TEAM_AGENTS users. */
const TEAM_N = Number(process.env.BENCH_STATS_TEAM_N ?? 100_000);
const TEAM_AGENTS = Number(process.env.BENCH_STATS_TEAM_AGENTS ?? 20);
const SEED_BUDGET_MS = Number(process.env.BENCH_STATS_SEED_BUDGET_MS ?? 150_000);

const ENTRY = (abs) => `
import { openStatsDb } from ${JSON.stringify(abs('utils/stats/db.ts'))};
import { dayColumnsBetween, importResponses } from ${JSON.stringify(abs('utils/stats/store.ts'))};
import { teamRecordsOf, teamWeek } from ${JSON.stringify(abs('utils/sync/team.ts'))};
import { beatsSince } from ${JSON.stringify(abs('components/features/sync/background-engine.ts'))};
import { DayColumnsBuilder, columnsToRecords, columnsToWire, columnsFromWire } from ${JSON.stringify(abs('utils/stats/columns.ts'))};
import { analyzeColumns } from ${JSON.stringify(abs('utils/stats/analysis.ts'))};
import { detailCsv } from ${JSON.stringify(abs('utils/stats/csv.ts'))};
import { weekRange, shiftWeek, isoWeekOf, formatIsoWeek } from ${JSON.stringify(abs('utils/stats/week.ts'))};

const NAME = 'inbox-pilot-stats';
const PAGE = '104522908812345';
const week = shiftWeek(isoWeekOf(Date.now()), -1); // the last full week
const range = weekRange(week);
const WEEK_MS = range.end - range.start;

let seed = 42;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647; // Park–Miller: exact in doubles

function record(i, weekIndex) {
  const start = range.start - (51 - weekIndex) * WEEK_MS;
  const repliedAt = Math.floor(start + rand() * (WEEK_MS - 1));
  const seconds = Math.round(-Math.log(1 - rand()) * 420);
  const customerAt = repliedAt - seconds * 1000;
  const conversation = 't_' + (100000000 + i);
  return {
    id: PAGE + '|' + conversation + '|' + Math.floor(customerAt / 1000),
    pageId: PAGE,
    conversation,
    customerAt,
    repliedAt,
    agent: 'Agent ' + String(i % 50).padStart(2, '0'),
    responseSeconds: seconds,
    businessResponseSeconds: Math.round(seconds * 0.8),
    withinTarget: seconds <= 300,
    source: i % 3 ? 'observed' : 'this-browser',
    precision: i % 10 ? 'exact' : 'approximate',
  };
}

async function usage() {
  const e = await navigator.storage.estimate();
  return e.usage || 0;
}

window.seed = async (n, weekN, budgetMs) => {
  await indexedDB.deleteDatabase(NAME);
  const db = openStatsDb(NAME);
  await db.open();
  const before = await usage();
  const t0 = performance.now();
  const CHUNK = 20000;
  const columns = new DayColumnsBuilder(); // what the background keeps up to date on every write
  let i = 0;
  // The measured week first (so it is complete even if the budget runs out), then the other 51 weeks.
  while (i < n) {
    const batch = [];
    for (let k = 0; k < CHUNK && i < n; k++, i++) batch.push(record(i, i < weekN ? 51 : Math.floor(((i - weekN) / Math.max(1, n - weekN)) * 51)));
    await db.responses.bulkAdd(batch);
    for (const r of batch) columns.add(r);
    if (performance.now() - t0 > budgetMs && i >= weekN) break;
  }
  await db.days.bulkPut(columns.finish());
  const seedMs = performance.now() - t0;
  db.close();
  // Let LevelDB flush before asking for the estimate.
  await new Promise((r) => setTimeout(r, 1500));
  const after = await usage();
  return { stored: i, seedMs, bytes: after - before };
};

// A manager's team (issue 13): AGENTS users with two browsers each, their records imported through
// the team merge (importResponses, in the worker's batches of 1,000) as pulled records that say
// their user and browser, TEAM_WEEKS weeks with the measured week holding weekN of them.
const TEAM_NAME = 'inbox-pilot-stats-team';
window.seedTeam = async (n, weekN, agents) => {
  await indexedDB.deleteDatabase(TEAM_NAME);
  const db = openStatsDb(TEAM_NAME);
  await db.open();
  const t0 = performance.now();
  let added = 0;
  const BATCH = 1000;
  for (let i = 0; i < n; ) {
    const batch = [];
    for (let k = 0; k < BATCH && i < n; k++, i++) {
      const a = i % agents;
      const r = record(i, i < weekN ? 51 : 51 - 1 - ((i - weekN) % 3));
      const user = 'agent' + String(a).padStart(2, '0');
      const rec = { ...r, agent: 'Agent ' + String(a).padStart(2, '0'), source: 'imported', syncUser: user, browser: user + '-b' + (i % 2) };
      batch.push(rec);
      // One in ten was also seen by a colleague's browser, a few seconds off: the merge keeps one.
      // Its customer time stays before the reply (utils/stats/merge.ts: a record starting at or after
      // the other's reply is the conversation's next response, so a copy may not move past it).
      if (i % 10 === 0) {
        const other = 'agent' + String((a + 1) % agents).padStart(2, '0');
        const customerAt = rec.customerAt + Math.min(3000, Math.floor((rec.repliedAt - rec.customerAt) / 2));
        batch.push({ ...rec, id: PAGE + '|' + rec.conversation + '|' + Math.floor(customerAt / 1000), customerAt, repliedAt: rec.repliedAt + 2000, syncUser: other, browser: other + '-b0' });
      }
    }
    added += (await importResponses(db, batch)).added;
  }
  if (added !== n) throw new Error('team merge kept ' + added + ' of ' + n);
  const seedMs = performance.now() - t0;
  db.close();
  return { added, seedMs };
};

window.measureTeam = async (runs, agents) => {
  const open = [];
  const teamOnly = [];
  let weekCount = 0;
  let rows = 0;
  const now = Date.now();
  // Each team browser's latest beat (2 browsers per agent), as the worker's import keeps them.
  const latest = {};
  for (let a = 0; a < agents; a++) for (let b = 0; b < 2; b++) latest['agent' + String(a).padStart(2, '0') + '\\n' + 'agent' + String(a).padStart(2, '0') + '-b' + b] = range.end - (a + b) * 3_600_000;
  for (let r = 0; r < runs; r++) {
    // The manager's popup opening: the week's columns (stats:week) for the summary, and the team view
    // built in the popup from those same columns plus each browser's latest beat (sync:beats).
    const t = performance.now();
    const db = openStatsDb(TEAM_NAME);
    const received = (async () => {
      const columns = await dayColumnsBetween(db, range.start, range.end);
      const json = JSON.stringify({ ok: true, value: { columns: columnsToWire(columns) } });
      return columnsFromWire(JSON.parse(json).value.columns);
    })();
    const stats = received.then((cols) => analyzeColumns(cols, { week, targetSeconds: 300, useBusinessTime: false, pageId: null }));
    const team = received.then((cols) => {
      const t1 = performance.now();
      const b = JSON.parse(JSON.stringify({ ok: true, value: { beats: beatsSince(latest, range.start - 8 * 86_400_000), self: { syncUser: 'boss', browser: 'mine' }, now } })).value;
      const view = teamWeek({ records: teamRecordsOf(cols, range, b.self), beats: b.beats, week: range, now: b.now });
      teamOnly.push(performance.now() - t1);
      return view;
    });
    const [a, view] = await Promise.all([stats, team]);
    open.push(performance.now() - t);
    weekCount = a.rows[a.rows.length - 1].responses;
    rows = view.length;
    if (view.reduce((n, v) => n + v.responses, 0) !== weekCount) throw new Error('team view and summary disagree');
    db.close();
  }
  return { openMs: median(open), teamMs: median(teamOnly), weekCount, rows };
};

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

window.measure = async (runs) => {
  const summary = [];
  const summaryOnly = [];
  const csv = [];
  const csvBuild = [];
  const wire = [];
  let wireBytes = 0;
  let rows = 0;
  let weekCount = 0;
  let csvBytes = 0;
  for (let r = 0; r < runs; r++) {
    // As the popup opens: a new connection, the week's day columns by key range, one pass, then the 5 slowest records.
    let t = performance.now();
    const db = openStatsDb(NAME);
    const columns = await dayColumnsBetween(db, range.start, range.end);
    // The worker owns the database (issue 12): the week crosses runtime messaging, which serializes it
    // as JSON in Chrome. Encoding in the worker, the JSON round trip and decoding in the popup, timed here
    // (the IPC hop itself is not: it is a copy of the same bytes between processes).
    const w0 = performance.now();
    const json = JSON.stringify({ ok: true, value: { columns: columnsToWire(columns) } });
    const received = columnsFromWire(JSON.parse(json).value.columns);
    wire.push(performance.now() - w0);
    wireBytes = json.length;
    const c0 = performance.now();
    const a = analyzeColumns(received, { week, targetSeconds: 300, useBusinessTime: false, pageId: null });
    summaryOnly.push(performance.now() - c0);
    const slow = a.slowest;
    summary.push(performance.now() - t);
    rows = a.rows.length - 1;
    weekCount = a.rows[a.rows.length - 1].responses;
    if (slow.length !== 5) throw new Error('slowest lookup failed');

    t = performance.now();
    // As the popup exports: the week's day columns (already read for the table in the popup; read again here), then the text.
    const again = columnsToRecords(await dayColumnsBetween(db, range.start, range.end), range.start, range.end, null);
    if (again.length !== weekCount) throw new Error('detail rows do not match the table');
    const b0 = performance.now();
    const text = detailCsv(again, { week: formatIsoWeek(week), targetSeconds: 300, useBusinessTime: false });
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    csv.push(performance.now() - t);
    csvBuild.push(performance.now() - b0);
    csvBytes = blob.size;
    db.close();
  }
  return { wireMs: median(wire), wireBytes, summaryMs: median(summary), summaryFirstMs: summary[0], summaryComputeMs: median(summaryOnly), csvMs: median(csv), csvBuildMs: median(csvBuild), agents: rows, weekCount, csvBytes };
};
`;

async function bundle() {
  const { build } = await import(pathToFileURL(join(root, 'node_modules/vite/dist/node/index.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'inbox-pilot-stats-bench-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, ENTRY((p) => join(root, p)));
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'StatsBench', fileName: () => 'bench.js' },
    },
  });
  const js = readFileSync(join(dir, 'out/bench.js'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return js;
}

export async function run() {
  const js = await bundle();
  const { chromium } = await import('playwright-core');
  const { findChrome } = await import(pathToFileURL(join(root, 'tests/e2e/browser.mjs')).href);
  // A persistent profile on disk, like the extension's real database (incognito keeps IndexedDB in memory, slower and unlike production).
  const profile = mkdtempSync(join(tmpdir(), 'inbox-pilot-stats-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== 'bench.local') return route.abort();
      if (url.pathname === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: js });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>' });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(SEED_BUDGET_MS + 120_000);
    await page.goto('https://bench.local/');
    await page.waitForFunction(() => typeof window.seed === 'function');
    const seeded = await page.evaluate(([n, w, b]) => window.seed(n, w, b), [N, WEEK_N, SEED_BUDGET_MS]);
    const m = await page.evaluate((runs) => window.measure(runs), 5);
    const full = seeded.stored >= N;
    const at = full ? '' : ` (measured with ${seeded.stored.toLocaleString('en')} stored, seeding budget ran out before ${N.toLocaleString('en')})`;
    const perResponse = seeded.bytes / seeded.stored;
    const team = TEAM_N > 0 ? await page.evaluate(([n, w, a]) => window.seedTeam(n, w, a), [TEAM_N, WEEK_N, TEAM_AGENTS]) : null;
    const tm = team ? await page.evaluate(([runs, a]) => window.measureTeam(runs, a), [5, TEAM_AGENTS]) : null;
    const teamRows = tm
      ? [
          { figure: `stats: manager popup open on a team week (${tm.weekCount.toLocaleString('en')} imported responses, ${tm.rows} agents x 2 browsers, ${TEAM_N.toLocaleString('en')} pulled): week columns + summary and team view together`, value: Math.round(tm.openMs), unit: 'ms', aim: '< 150', ok: tm.openMs < 150 },
          { figure: 'stats: of which the team view, built in the popup from the received columns (each response\'s team origin) and the latest beat per browser', value: Math.round(tm.teamMs), unit: 'ms', aim: 'info', ok: true },
          { figure: `stats: importing the ${TEAM_N.toLocaleString('en')} team records through the merge, batches of 1,000 (setup, not an aim)`, value: Math.round(team.seedMs / 1000), unit: 's', aim: 'info', ok: true },
        ]
      : [];
    return [
      { figure: `stats: popup open: DB + week's day columns through the worker + per-agent summary + chart + 5 slowest, ${m.weekCount.toLocaleString('en')} responses, ${m.agents} agents${at}`, value: Math.round(m.summaryMs), unit: 'ms', aim: '< 150', ok: m.summaryMs < 150 },
      { figure: `stats: of which the week through the worker's messaging (encode + JSON ${(m.wireBytes / 1e6).toFixed(1)} MB round trip + decode; IPC hop not included)`, value: Math.round(m.wireMs), unit: 'ms', aim: 'info', ok: true },
      { figure: 'stats: of which the one-pass analysis (summary + chart + slowest)', value: Math.round(m.summaryComputeMs * 10) / 10, unit: 'ms', aim: 'info', ok: true },
      { figure: `stats: detail CSV of the week from its day columns (${m.weekCount.toLocaleString('en')} rows, ${(m.csvBytes / 1e6).toFixed(1)} MB)${at}`, value: Math.round(m.csvMs), unit: 'ms', aim: '< 500', ok: m.csvMs < 500 },
      { figure: 'stats: of which building the CSV text + Blob (the rest is the key-range read)', value: Math.round(m.csvBuildMs), unit: 'ms', aim: 'info', ok: true },
      { figure: `stats: bytes stored per response (storage.estimate delta / ${seeded.stored.toLocaleString('en')})`, value: Math.round(perResponse), unit: 'B', aim: 'info', ok: true },
      { figure: `stats: seeding ${seeded.stored.toLocaleString('en')} responses with bulkAdd (setup, not an aim)`, value: Math.round(seeded.seedMs / 1000), unit: 's', aim: 'info', ok: true },
      ...teamRows,
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const rows = await run();
  for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.figure}: ${r.value} ${r.unit} (aim ${r.aim})`);
  console.log(`total ${Math.round((Date.now() - started) / 1000)} s`);
}

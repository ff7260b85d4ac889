// Where the extension's extra main-thread time goes during extension-cost.mjs's mutation burst (issue 14): the
// burst ratio counts all of the page's main-thread time (TaskDuration), while the extension's own script time
// (ScriptDuration with minus without) is only part of the difference. This traces the same burst in the two
// browsers of the bench (with the extension, and with the do-nothing stub), both at the same time in each round,
// and sums each trace event's *self* time on the inbox page's main thread by event name (script calls split into
// the extension's and the page's by their script URL). The lines print with, without and the difference per burst
// (medians over the rounds), largest difference first: style, layout, paint, GC, the extension's script, the
// rest of the task ("RunTask" self time: the scheduler, IPC, what no event names).
//   node scripts/bench/lib/burst-split.mjs [rounds=5]
// SPLIT_STACKS=1 also names the call that forced each style or layout. Tracing adds overhead: compare the two
// columns with each other, not with the bench's figures.
import { launchPair, openBenchInbox, waitForSidebar, mutationBurst, cdpFor, traceDuring, median, round, styleSidebar, styleWithoutPage } from './chromium.mjs';
import { loadavg } from 'node:os';
import { forced, selfTimes } from './trace-self.mjs';

const rounds = Number(process.argv[2] ?? 5);

const pair = await launchPair();
try {
  await styleWithoutPage(pair);
  const pages = {};
  for (const side of ['without', 'with']) {
    pages[side] = await openBenchInbox(pair[side], { conversations: 500, messages: 300 });
    if (side === 'with') {
      await waitForSidebar(pages[side]);
      await styleSidebar(pages[side]);
    }
    await mutationBurst(pages[side], { steps: 30, perStep: 100, gapMs: 16 }); // warm-up, as the bench does
  }
  const cdps = { without: await cdpFor(pair.without, pages.without), with: await cdpFor(pair.with, pages.with) };
  const results = { with: [], without: [] };
  for (let r = 0; r < rounds; r++) {
    // Both browsers at once (as extension-cost.mjs pairs them): a slow moment of the machine hits both alike.
    await pages.with.waitForTimeout(1000);
    const sides = ['without', 'with'];
    const traces = await Promise.all(
      sides.map((side) =>
        traceDuring(cdps[side], async () => {
          await mutationBurst(pages[side], { steps: 60, perStep: 100, gapMs: 16 });
          await pages[side].waitForTimeout(1000);
        }, process.env.SPLIT_STACKS ? 'disabled-by-default-devtools.timeline.stack' : ''),
      ),
    );
    sides.forEach((side, i) => results[side].push(selfTimes(traces[i])));
  }
  const names = new Set([...results.with, ...results.without].flatMap((m) => [...m.keys()]));
  const rows = [...names].map((name) => {
    const w = median(results.with.map((m) => m.get(name) ?? 0));
    const wo = median(results.without.map((m) => m.get(name) ?? 0));
    return { name, with: w, without: wo, diff: w - wo };
  });
  rows.sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
  const total = (side) => median(results[side].map((m) => [...m.values()].reduce((s, v) => s + v, 0)));
  console.log(`${rounds} rounds per browser, load ${loadavg()[0].toFixed(2)}; self time per burst on the page's main thread (ms, medians):`);
  console.log(`total: with ${round(total('with'), 1)}, without ${round(total('without'), 1)}, difference ${round(total('with') - total('without'), 1)}`);
  console.log('event'.padEnd(44), 'with'.padStart(8), 'without'.padStart(8), 'diff'.padStart(8));
  for (const row of rows.slice(0, 25)) console.log(row.name.padEnd(44), round(row.with, 1).toFixed(1).padStart(8), round(row.without, 1).toFixed(1).padStart(8), round(row.diff, 1).toFixed(1).padStart(8));
  console.log('\nforced style/layout inside the extension, by the call that forced it (ms, all rounds):');
  for (const [where, ms] of [...forced].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${round(ms, 1)}  ${where}`);
} finally {
  await pair.with.close();
  await pair.without.close();
}

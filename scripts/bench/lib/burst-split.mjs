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
import { launchPair, openBenchInbox, waitForSidebar, mutationBurst, cdpFor, traceDuring, styleSidebar, styleWithoutPage } from './chromium.mjs';
import { printSplit, selfTimes } from './trace-self.mjs';

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
  printSplit(results, rounds, 'burst');
} finally {
  await pair.with.close();
  await pair.without.close();
}

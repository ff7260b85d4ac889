// Where the extension's extra start-up time goes (issue 14): like burst-split.mjs, for a page load. Each round
// opens a fresh tab of the simulated inbox in both browsers of the bench at the same time (the extension's, and
// the do-nothing stub's), traces it from navigation to 1 s after the sidebar entered the page, and sums each
// trace event's self time on the page's main thread by event name (script split into the extension's and the
// page's). Prints with, without and the difference per load (medians over the rounds), largest first.
//   node scripts/bench/lib/startup-split.mjs [rounds=5]
// SPLIT_STACKS=1 also names the call that forced each style or layout.
import { launchPair, cdpFor, traceDuring, STARTUP_RECORDER } from './chromium.mjs';
import { inboxUrl } from '../../../tests/e2e/browser.mjs';
import { printSplit, selfTimes } from './trace-self.mjs';

const rounds = Number(process.argv[2] ?? 5);
const pair = await launchPair();
try {
  const results = { with: [], without: [] };
  const sides = ['without', 'with'];
  for (let r = 0; r < rounds; r++) {
    const traces = await Promise.all(
      sides.map(async (side) => {
        const page = await pair[side].context.newPage();
        await page.addInitScript({ content: STARTUP_RECORDER });
        const cdp = await cdpFor(pair[side], page);
        const events = await traceDuring(cdp, async () => {
          await page.goto(inboxUrl({ seed: 1, conversations: 500, messages: 300, speed: 'off' }));
          // The stub has no sidebar: its tab waits as long as the sidebar usually takes, then 1 s like the other.
          if (side === 'with') await page.waitForFunction(() => window.__startup.sidebar !== null, null, { timeout: 20_000 });
          else await page.waitForTimeout(300);
          await page.waitForTimeout(1000);
        }, process.env.SPLIT_STACKS ? 'disabled-by-default-devtools.timeline.stack' : '');
        await page.close();
        return events;
      }),
    );
    sides.forEach((side, i) => results[side].push(selfTimes(traces[i])));
  }
  printSplit(results, rounds, 'load', 30);
} finally {
  await pair.with.close();
  await pair.without.close();
}

// What a change of the sidebar's CSS costs Meta's page under extension-cost.mjs's mutation burst (issue 14), measured
// in ONE browser with the built extension: each round runs the burst once per variant (order alternating), with the
// variant's CSS injected into the sidebar's closed shadow root through the content script's isolated world
// (tests/e2e/sidebar-locator.mjs), after a forced GC. The same page and browser for every variant, so the pair of
// browsers' own bias (extension-cost.mjs's run-to-run noise) does not enter; each round's burst still varies by
// about ±7 % here, so small differences need many rounds.
//   VARIANTS='{"shipped":"","no-body":".ip-body{display:none!important}"}' ROUNDS=8 node scripts/bench/lib/sidebar-css-ab.mjs
// The first variant is the reference: each line prints the median task time and the median of the per-round ratios.
import { launch } from '../../../tests/e2e/browser.mjs';
import { isolatedWorld } from '../../../tests/e2e/sidebar-locator.mjs';
import { openBenchInbox, waitForSidebar, mutationBurst, cdpFor, mainThreadMetrics, median } from './chromium.mjs';

const VARIANTS = JSON.parse(process.env.VARIANTS ?? '{"shipped":"","no-body":".ip-body{display:none!important}"}');
const names = Object.keys(VARIANTS);
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const BURST = { steps: 60, perStep: 100, gapMs: 16 };

const browser = await launch();
try {
  const page = await openBenchInbox(browser, { conversations: 500, messages: 300 });
  await waitForSidebar(page);
  const cdp = await cdpFor(browser, page);
  const world = await isolatedWorld(page);
  await page.waitForTimeout(1500);
  /** Puts `css` in one style element of the sidebar's shadow root; returns how many elements the root holds. */
  const apply = (css) =>
    world(`(() => {
      const root = globalThis.__inboxPilotSidebarRoot;
      let style = root.querySelector('style[data-css-ab]');
      if (!style) { style = document.createElement('style'); style.dataset.cssAb = ''; root.append(style); }
      style.textContent = ${JSON.stringify(css)};
      return root.querySelectorAll('*').length;
    })()`);
  console.log(`sidebar elements: ${await apply('')}`);
  await mutationBurst(page, { ...BURST, steps: 30 }); // warm-up
  const tasks = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      await apply(VARIANTS[name]);
      await page.waitForTimeout(200);
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(300);
      const before = await mainThreadMetrics(cdp);
      await mutationBurst(page, BURST);
      await page.waitForTimeout(1000);
      tasks[name].push(((await mainThreadMetrics(cdp)).task - before.task) * 1000);
    }
  }
  const [reference] = names;
  for (const name of names) {
    const ratios = tasks[name].map((ms, i) => ms / tasks[reference][i]);
    console.log(`${name.padEnd(14)} task ${median(tasks[name]).toFixed(0)} ms, ratio to ${reference} ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(3)).join(' ')}]`);
  }
} finally {
  await browser.close();
}

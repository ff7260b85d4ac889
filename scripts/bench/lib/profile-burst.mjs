// CPU profile of the extension during extension-cost.mjs's mutation burst (issue 14): the extension's time by
// script and entry point (lib/extension-profile.mjs), to see what its share of the burst ratio is made of.
// With a source-map build: IP_SOURCEMAP=1 npx wxt build, then
//   E2E_EXTENSION_DIR=.output-sourcemap/chrome-mv3 PROFILE_SOURCEMAP_DIR=.output-sourcemap/chrome-mv3 node scripts/bench/lib/profile-burst.mjs
// Writes bench-output/profile-burst.cpuprofile.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../../../tests/e2e/browser.mjs';
import { mutationBurst, openBenchInbox, waitForSidebar } from './chromium.mjs';
import { extensionSelf, extensionTime, printExtensionTime, startProfiler, stopProfiler } from './extension-profile.mjs';
import { ROOT } from './sim-page.mjs';

const browser = await launch();
try {
  const page = await openBenchInbox(browser, { conversations: 500, messages: 300 });
  await waitForSidebar(page);
  await mutationBurst(page, { steps: 30, perStep: 100, gapMs: 16 }); // warm-up, as the bench does
  await page.waitForTimeout(1000);
  const cdp = await browser.context.newCDPSession(page);
  await startProfiler(cdp, 100);
  await mutationBurst(page, { steps: 60, perStep: 100, gapMs: 16 });
  await page.waitForTimeout(1000);
  const profile = await stopProfiler(cdp);
  await mkdir(path.join(ROOT, 'bench-output'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench-output/profile-burst.cpuprofile'), JSON.stringify(profile));
  printExtensionTime(extensionTime(profile), 20);
  // PROFILE_SELF=n: also the n largest items bottom-up (innermost frame).
  if (process.env.PROFILE_SELF) for (const [key, ms] of extensionSelf(profile).slice(0, Number(process.env.PROFILE_SELF))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
} finally {
  await browser.close();
}

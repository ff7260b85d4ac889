// CPU profile of the extension's start-up (issue 14), as extension-cost.mjs measures it: a fresh tab of the
// simulated inbox (500 conversations x 300 messages), profiled from navigation to 1 s after the sidebar entered
// the page; prints the extension's time by script and entry point, and the sidebar's time from DOMContentLoaded.
// Writes bench-output/profile-startup-<n>.cpuprofile.
//   node scripts/bench/lib/profile-startup.mjs [starts=3]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, inboxUrl } from '../../../tests/e2e/browser.mjs';
import { extensionTime, printExtensionTime, startProfiler, stopProfiler } from './extension-profile.mjs';
import { ROOT } from './sim-page.mjs';
import { STARTUP_RECORDER } from './chromium.mjs';

const starts = Number(process.argv[2] ?? 3);
const browser = await launch();
try {
  await mkdir(path.join(ROOT, 'bench-output'), { recursive: true });
  for (let i = 0; i < starts; i++) {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: STARTUP_RECORDER });
    const cdp = await browser.context.newCDPSession(page);
    await startProfiler(cdp, 100);
    await page.goto(inboxUrl({ seed: 1, conversations: 500, messages: 300, speed: 'off' }));
    await page.waitForFunction(() => window.__startup.sidebar !== null, null, { timeout: 20_000 });
    await page.waitForTimeout(1000);
    const profile = await stopProfiler(cdp);
    const t = await page.evaluate(() => window.__startup);
    await writeFile(path.join(ROOT, `bench-output/profile-startup-${i + 1}.cpuprofile`), JSON.stringify(profile));
    console.log(`== start ${i + 1}: DOMContentLoaded -> sidebar in the page ${(t.sidebar - t.dcl).toFixed(0)} ms`);
    printExtensionTime(extensionTime(profile), 12);
    await page.close();
  }
} finally {
  await browser.close();
}

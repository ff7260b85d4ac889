// CPU profile of the extension on an unchanging simulated inbox (helper, not a bench): where the idle
// cost of extension-cost.mjs goes. Writes bench-output/profile-idle.cpuprofile.
//   node scripts/bench/lib/profile-idle.mjs [seconds] [burst]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from '../../../tests/e2e/browser.mjs';
import { mutationBurst, openBenchInbox, waitForSidebar } from './chromium.mjs';
import { ROOT } from './sim-page.mjs';

const seconds = Number(process.argv[2] ?? 10);
const browser = await launch();
try {
  const page = await openBenchInbox(browser, { conversations: 500, messages: 300 });
  await waitForSidebar(page);
  if (process.argv[3] === 'burst') await mutationBurst(page, { steps: 60, perStep: 100, gapMs: 16 });
  await page.waitForTimeout(2000);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(path.join(ROOT, 'bench-output'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench-output/profile-idle.cpuprofile'), JSON.stringify(profile));
} finally {
  await browser.close();
}

// CPU profile (CDP Profiler, 50 µs sampling) of the adapter on the simulated inbox: 300 snapshots, then
// (with `obs`) the live observer through the inbox bench's bursts. Writes bench-output/profile-snapshot.cpuprofile
// and profile-observer.cpuprofile (open them in Chrome DevTools' Performance panel).
//   node scripts/bench/lib/profile-inbox.mjs [layout] [obs]   (BENCH_ENTRY=<another build's inbox-entry.ts>; PROFILE_TAG=<file name suffix>;
//   PROFILE_ROUNDS=<observer rounds, default 5>)
// Shares of self time: node scripts/bench/lib/profile-summary.mjs bench-output/profile-snapshot.cpuprofile
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, bundle, launchSim, openSimInbox } from './sim-page.mjs';

const layout = process.argv[2] ?? '2026';
const out = path.join(ROOT, 'bench-output');
await mkdir(out, { recursive: true });
const code = await bundle(process.env.BENCH_ENTRY || undefined, { minify: false });
const tag = process.env.PROFILE_TAG ? `-${process.env.PROFILE_TAG}` : '';
const { browser, context } = await launchSim();
try {
  const { page, id } = await openSimInbox(context, layout);
  await page.addScriptTag({ content: code });
  await page.evaluate(() => window.__inboxBench.snapshots(20));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const snap = await page.evaluate(() => window.__inboxBench.snapshots(300));
  await writeFile(path.join(out, `profile-snapshot${tag}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const s = [...snap.times].sort((a, b) => a - b);
  console.log(`snapshot median ${s[150]} ms, p90 ${s[270]} ms`);
  if (process.argv[3] === 'obs') {
    await page.evaluate(() => window.__inboxBench.startObserver());
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__inboxBenchBatches.splice(0));
    await cdp.send('Profiler.start');
    for (let r = 0; r < Number(process.env.PROFILE_ROUNDS ?? 5); r++) {
      await page.evaluate(() => window.__sim.burst(1000));
      await page.waitForTimeout(300);
      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hello'), id);
      await page.waitForTimeout(300);
    }
    await writeFile(path.join(out, `profile-observer${tag}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    console.log(await page.evaluate(() => window.__inboxBenchBatches.slice()));
  }
} finally {
  await browser.close();
}

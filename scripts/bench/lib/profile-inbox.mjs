// profile snapshot + observer in Chromium
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
const ROOT = '/work/wt/i14';
const { findChrome, inboxUrl, simulatedFile } = await import(ROOT + '/tests/e2e/browser.mjs');
const out = await build({ configFile: false, logLevel: 'silent', root: ROOT, build: { write: false, minify: false, lib: { entry: path.join(ROOT, 'scripts/bench/lib/inbox-entry.ts'), formats: ['iife'], name: 'InboxBench', fileName: 'x' } } });
const code = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((c) => c.type === 'chunk').code;
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.route('**/*', async (route) => { const url = new URL(route.request().url()); const file = url.protocol === 'https:' ? simulatedFile(url) : null; if (!file) return route.abort(); return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', body: await readFile(file) }); });
const layout = process.argv[2] ?? '2026';
const page = await context.newPage();
await page.goto(inboxUrl({ conversations: 500, messages: 300, speed: 'off', layout }));
await page.waitForFunction(() => '__sim' in window);
const id = await page.evaluate(() => window.__sim.list()[3].id);
await page.evaluate((id) => window.__sim.openConversation(id), id);
await page.locator('[data-lexical-editor="true"]').waitFor();
await page.addScriptTag({ content: code });
console.log('dom', await page.evaluate(() => ({ all: document.getElementsByTagName('*').length, mids: document.querySelectorAll('[data-message-id]').length })));
await page.evaluate(() => window.__inboxBench.snapshots(20));
console.log('parts', await page.evaluate(() => window.__inboxBenchParts(40)));
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const snap = await page.evaluate(() => window.__inboxBench.snapshots(300));
const { profile } = await cdp.send('Profiler.stop');
await writeFile('/tmp/i14/snap.cpuprofile', JSON.stringify(profile));
const s = [...snap.times].sort((a,b)=>a-b);
console.log('snap med', s[150], 'p90', s[270]);
if (process.argv[3] === 'obs') {
  await page.evaluate(() => window.__inboxBench.startObserver());
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__inboxBenchBatches.splice(0));
  await cdp.send('Profiler.start');
  for (let r = 0; r < 5; r++) { await page.evaluate(() => window.__sim.burst(1000)); await page.waitForTimeout(300); await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hello'), id); await page.waitForTimeout(300); }
  const { profile: p2 } = await cdp.send('Profiler.stop');
  await writeFile('/tmp/i14/obs.cpuprofile', JSON.stringify(p2));
  console.log(await page.evaluate(() => window.__inboxBenchBatches.slice()));
}
await browser.close();

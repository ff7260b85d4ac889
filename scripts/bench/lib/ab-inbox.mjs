// Paired A/B timing of the adapter's snapshot: two builds of scripts/bench/lib/inbox-entry.ts (say, the
// base commit's and the working tree's) injected into ONE page of the simulated inbox, timed in
// alternation, so load on a shared machine hits both alike. Prints the median of paired ratios.
//   node scripts/bench/lib/ab-inbox.mjs <entry A> <entry B> [layout]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, inboxUrl, simulatedFile } from '../../../tests/e2e/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
async function bundle(entry, name) {
  const out = await build({ configFile: false, logLevel: 'silent', root: ROOT, build: { write: false, minify: true, lib: { entry: path.resolve(entry), formats: ['iife'], name, fileName: name } } });
  const code = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((c) => c.type === 'chunk').code;
  // Each build keeps its own globals.
  return `(function(){ const w = window; const saved = w.__inboxBench; ${code}; w['${name}'] = w.__inboxBench; w.__inboxBench = saved; })();`;
}
const [a, b, layout = '2026'] = process.argv.slice(2);
const codes = [await bundle(a, 'benchA'), await bundle(b, 'benchB')];
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.protocol === 'https:' ? simulatedFile(url) : null;
    if (!file) return route.abort();
    return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', body: await readFile(file) });
  });
  const page = await context.newPage();
  await page.goto(inboxUrl({ conversations: 500, messages: 300, speed: 'off', layout }));
  await page.waitForFunction(() => '__sim' in window);
  const id = await page.evaluate(() => window.__sim.list()[3].id);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  for (const c of codes) await page.addScriptTag({ content: c });
  const load = [loadavg()[0]];
  const ratios = [];
  const t = { A: [], B: [] };
  for (let round = 0; round < Number(process.env.AB_ROUNDS ?? 60); round++) {
    const r = await page.evaluate(() => {
      const time = (bench) => { const t = performance.now(); bench.snapshots(20); return (performance.now() - t) / 20; };
      window.benchA.snapshots(3); window.benchB.snapshots(3);
      const first = Math.random() < 0.5;
      const A = first ? time(window.benchA) : 0; const B = time(window.benchB); const A2 = first ? A : time(window.benchA);
      return { A: A2, B };
    });
    t.A.push(r.A); t.B.push(r.B); ratios.push(r.B / r.A);
  }
  load.push(loadavg()[0]);
  const med = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
  const q = (xs, f) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length * f)];
  console.log(`layout ${layout}: A median ${med(t.A).toFixed(3)} ms, B median ${med(t.B).toFixed(3)} ms; B/A median ${med(ratios).toFixed(3)} (IQR ${q(ratios, 0.25).toFixed(3)}-${q(ratios, 0.75).toFixed(3)}); load ${load.map((l) => l.toFixed(2)).join(' -> ')}`);
} finally {
  await browser.close();
}

// Shared by the adapter benches (inbox.mjs, lib/ab-inbox.mjs, lib/profile-inbox.mjs): the adapter bundled for
// the page's main world, and the simulated inbox (500 conversations, 300 messages, one open) in Chromium.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, inboxUrl, simulatedFile } from '../../../tests/e2e/browser.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The IIFE bundle of a bench entry (default: lib/inbox-entry.ts, which defines window.__inboxBench). */
export async function bundle(entry = path.join(ROOT, 'scripts/bench/lib/inbox-entry.ts'), { minify = true } = {}) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: { write: false, minify, lib: { entry: path.resolve(entry), formats: ['iife'], name: 'InboxBench', fileName: 'inbox-bench' } },
  });
  return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((c) => c.type === 'chunk').code;
}

/** Chromium with a context that serves the simulated inbox (no network); `extraArgs`: more Chromium flags. */
export async function launchSim(extraArgs = []) {
  const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--headless=new', '--disable-gpu', ...extraArgs] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.protocol === 'https:' ? simulatedFile(url) : null;
    if (!file) return route.abort();
    return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', body: await readFile(file) });
  });
  return { browser, context };
}

/** A new page of the sim in `layout` with its 4th conversation open; returns the page and that conversation's id. */
export async function openSimInbox(context, layout, { conversations = 500, messages = 300 } = {}) {
  const page = await context.newPage();
  await page.goto(inboxUrl({ conversations, messages, speed: 'off', layout }));
  await page.waitForFunction(() => '__sim' in window);
  const id = await page.evaluate(() => window.__sim.list()[3].id);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  return { page, id };
}

/**
 * A/B benches: builds A and B of a bench entry in one new page of the sim, each keeping its own global
 * (window.benchA, window.benchB, in place of window.__inboxBench).
 */
export async function openSimAB(context, entryA, entryB, layout) {
  const wrap = (code, name) => `(function(){ const w = window; const saved = w.__inboxBench; ${code}; w['${name}'] = w.__inboxBench; w.__inboxBench = saved; })();`;
  const codes = [wrap(await bundle(entryA), 'benchA'), wrap(await bundle(entryB), 'benchB')];
  const { page } = await openSimInbox(context, layout);
  for (const c of codes) await page.addScriptTag({ content: c });
  return page;
}

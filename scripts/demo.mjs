#!/usr/bin/env node
// `npm run demo`: builds the extension, opens Chromium with it on the simulated
// Business Suite inbox (served as https://business.facebook.com/latest/inbox/...
// by request routing, see tests/e2e/browser.mjs), with customers writing in.
//
//   npm run demo                 headed when a display exists, until the window is closed
//   npm run demo -- --headless   writes demo-output/inbox.png and demo-output/popup.png, then exits
//   npm run demo -- --fr         the French inbox (and a French browser)
//   npm run demo -- --layout=2025-11   the dated inbox layout instead of the 2026 one (tests/fixtures/inbox/LAYOUT-2026.md)
//   npm run demo -- --no-build   reuse .output/chrome-mv3
//   npm run demo -- --dark       the browser prefers a dark theme (screenshots: inbox-dark.png, popup-dark.png)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, ROOT, findChrome, sidebar, inboxUrl } from '../tests/e2e/browser.mjs';

const args = new Set(process.argv.slice(2));
const french = args.has('--fr');
const dark = args.has('--dark');
const suffix = dark ? '-dark' : '';
const layout = [...args].find((a) => a.startsWith('--layout='))?.slice('--layout='.length) ?? '2026';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
const headless = args.has('--headless') || !hasDisplay;
const outDir = path.join(ROOT, 'demo-output');

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

try {
  findChrome();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (!args.has('--no-build')) {
  console.log('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) fail('The build failed (see above).');
}

if (!headless) console.log('Opening Chromium with Inbox Pilot on the simulated inbox…');
else if (!args.has('--headless')) console.log('No display found: running headless and writing screenshots.');

const browser = await launch({ headed: !headless, locale: french ? 'fr-FR' : 'en-US' });
// A set-up agent, as after a first visit to the options page: the simulated
// inbox's agent is "Marie Dupont" and its Page "Atelier Lumen". Written only
// when nothing is stored yet, so a headed session keeps what you change.
await browser.worker().evaluate(async () => {
  const { 'settings.general': stored } = await chrome.storage.local.get('settings.general');
  if (stored) return;
  await chrome.storage.local.set({
    'settings.general': { agentName: 'Marie', companyNames: ['Atelier Lumen'], targetMinutes: 5, goalPercent: 90, language: 'auto' },
    // A set-up agent has seen the first-run tour.
    'ui.tourDone': true,
  });
});
// As agents do: Business Suite Home first, then its "Go to inbox" link (in-app navigation, no reload).
const simParams = { speed: 'normal', layout, ...(french ? { locale: 'fr_FR' } : {}) };
const page = await browser.openPage(inboxUrl({ path: '/latest/home', ...simParams }));
await page.waitForFunction(() => '__sim' in window);
const goToInbox = page.getByRole('link', { name: french ? 'Accéder à la boîte de réception' : 'Go to inbox' });
if (dark) await page.emulateMedia({ colorScheme: 'dark' });
if (await goToInbox.count()) await goToInbox.click();
else await page.goto(inboxUrl(simParams)); // the dated layout's Home has no such link
await sidebar(page).waitFor({ timeout: 15_000 }).catch(() => fail('The Inbox Pilot sidebar did not appear on the simulated inbox.'));

if (!headless) {
  console.log(`Simulated inbox: ${page.url()}`);
  console.log('Customers write in every 15–45 s. Close the browser window (or press Ctrl+C) to stop.');
  await new Promise((resolve) => {
    browser.context.on('close', resolve);
    process.once('SIGINT', () => void browser.close().then(resolve, resolve));
  });
  process.exit(0);
}

// Headless: let a few customers write in (fast stream for a moment), open the
// conversation waiting longest among the recent ones, then take the pictures.
// Before that, the demo plays the agent once (types a reply and presses Enter,
// as a person would) so the popup has a response to show.
await page.evaluate(() => window.__sim.setSpeed('fast'));
await page.waitForTimeout(6_000);
await page.evaluate(() => window.__sim.setSpeed('normal'));
const waitingIds = await page.evaluate(() => window.__sim.list().filter((c) => c.lastFrom === 'customer').map((c) => c.id));
if (waitingIds.length > 1) {
  await page.evaluate((id) => window.__sim.openConversation(id), waitingIds[0]);
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type(french ? 'Bonjour ! Je regarde ça tout de suite.' : 'Hi! Let me check that for you right away.', { delay: 15 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1_000);
}
const target = waitingIds[Math.min(2, waitingIds.length - 1)];
if (target) await page.evaluate((id) => window.__sim.openConversation(id), target);
await page.waitForTimeout(2_500);
mkdirSync(outDir, { recursive: true });
const inboxPng = path.join(outDir, `inbox${suffix}.png`);
await page.screenshot({ path: inboxPng });

const popup = await browser.openPopup();
if (dark) await popup.emulateMedia({ colorScheme: 'dark' });
await popup.waitForLoadState('networkidle').catch(() => undefined);
await popup.waitForTimeout(800);
const popupPng = path.join(outDir, `popup${suffix}.png`);
await popup.screenshot({ path: popupPng });

const errors = await browser.allErrors();
await browser.close();
console.log(`Inbox with the sidebar: ${inboxPng}`);
console.log(`Popup:                  ${popupPng}`);
if (errors.length) {
  console.warn(`Errors seen while running (${errors.length}):`);
  for (const e of errors) console.warn(`  ${e.where}: ${e.text}`);
}

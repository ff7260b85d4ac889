import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, ROOT, type E2EBrowser } from './harness';
import { waitForResponses } from './stats-support';

/**
 * Issue 12, end to end: the test build (IP_TEST_FEATURE=1, in .output-test/) carries a feature that
 * fails on purpose. With its effect, its panel or its message handler failing, the real timers,
 * suggestions, draft checks and stats keep working in the simulated inbox.
 */
const TEST_BUILD = process.env.E2E_TEST_EXTENSION_DIR ? path.resolve(process.env.E2E_TEST_EXTENSION_DIR) : path.join(ROOT, '.output-test/chrome-mv3');
let browser: E2EBrowser;

beforeAll(async () => {
  if (!existsSync(path.join(TEST_BUILD, 'manifest.json'))) {
    throw new Error(`No test build in ${TEST_BUILD}. Run \`IP_TEST_FEATURE=1 npx wxt build\` (npm run test:e2e does it).`);
  }
  browser = await launch({ extensionDir: TEST_BUILD });
  await browser.setStorage({
    'settings.general': { agentName: 'Marie', companyNames: ['Acme'], targetMinutes: 5, goalPercent: 90, language: 'en' },
    'ui.tourDone': true,
  });
});
afterAll(async () => {
  await browser?.close();
});

const section = (page: Page, id: string) => sidebar(page).locator(`[data-feature="${id}"]`);

/** An inbox page whose test feature fails in `mode` (read by the content script at start). */
async function inboxFailing(mode: 'effect' | 'panel' | 'message'): Promise<Page> {
  const page = await browser.openInbox({ layout: '2025-11' });
  await page.evaluate((m) => localStorage.setItem('inbox-pilot-crash-test', m), mode);
  await page.reload();
  await page.waitForFunction(() => '__sim' in window);
  await section(page, 'timers').waitFor();
  return page;
}

/** The message handler runs in the inbox tab: the worker asks every tab (no "tabs" permission needed for ids). */
async function sendBoomToTabs(): Promise<string[]> {
  return browser.worker().evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
    const tabs = await c.tabs.query({});
    const replies = await Promise.all(tabs.map((t) => c.tabs.sendMessage(t.id, { app: 'inbox-pilot', type: 'crash-test:boom', data: undefined }).catch(() => null)));
    return replies.filter(Boolean).map((r) => JSON.stringify(r));
  });
}

/** Timers, suggestions, draft checks and stats all still work on this page. */
async function othersWork(page: Page) {
  const { id, name } = await page.evaluate(() => window.__sim.list()[0]!);
  // Timers: a new customer message gets a row.
  const other = await page.evaluate(() => window.__sim.list()[3]!);
  await page.evaluate((oid) => window.__sim.addCustomerMessage(oid, 'Bonjour, où en est ma commande ?'), other.id);
  await section(page, 'timers').locator('[data-testid="timer-row"]', { hasText: other.name }).first().waitFor({ timeout: 15_000 });
  // Suggestions: a question finds the starter "Opening hours" reply.
  await page.evaluate((cid) => window.__sim.addCustomerMessage(cid, 'Hi! What are your opening hours on Saturday?'), id);
  await page.evaluate((cid) => window.__sim.openConversation(cid), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  await section(page, 'replies').locator('[data-testid="replies-item"]').first().waitFor({ timeout: 15_000 });
  // Draft checks: a company sign-off is flagged while typing.
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('Hello, we open at 10.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('The Acme Team');
  await section(page, 'draft').locator('[data-testid="draft-finding"][data-rule="company-sign-off"]').waitFor({ timeout: 15_000 });
  // Stats: a reply by an agent is recorded by the worker.
  await page.waitForTimeout(1500);
  await page.evaluate((cid) => window.__sim.agentReply(cid, 'We open at 10 on Saturdays.', 'Paul Girard'), id);
  const popup = await browser.openPopup();
  const stored = await waitForResponses(popup, [id], 1);
  await popup.close();
  expect(stored.length, `stats for ${name}`).toBeGreaterThanOrEqual(1);
}

describe('a failing feature stops alone (test build)', () => {
  it('its effect throws on the third snapshot: "this part stopped"; timers, suggestions, draft checks and stats go on', async () => {
    const page = await inboxFailing('effect');
    const ids = await page.evaluate(() => window.__sim.list().map((c) => c.id));
    for (const cid of ids.slice(5, 9)) await page.evaluate((c) => window.__sim.addCustomerMessage(c, 'Hello?'), cid);
    await section(page, 'crash-test').locator('[data-testid="feature-stopped"]').waitFor({ timeout: 15_000 });
    await othersWork(page);
    await page.close();
  });

  it('its panel throws while rendering: its section says so, the sidebar and the other features work', async () => {
    const page = await inboxFailing('panel');
    await section(page, 'crash-test').locator('[data-testid="feature-stopped"]').waitFor({ timeout: 15_000 });
    expect(await section(page, 'crash-test').locator('[data-testid="feature-retry"]').textContent()).toBe('Retry');
    await othersWork(page);
    await page.close();
  });

  it('its message handler throws: the caller gets a coded error, the other features work', async () => {
    const page = await inboxFailing('message');
    await section(page, 'crash-test').locator('[data-testid="crash-test-panel"]').waitFor({ timeout: 15_000 });
    const replies = await sendBoomToTabs();
    expect(replies.some((r) => r.includes('"code":"failed"'))).toBe(true);
    await section(page, 'crash-test').locator('[data-testid="feature-stopped"]').waitFor({ timeout: 15_000 });
    await othersWork(page);
    await page.close();
  });
});

describe('switching features off in the options (test build)', () => {
  it('each section disappears at once and comes back when switched on again', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await section(page, 'timers').waitFor();
    const options = await browser.openOptions();
    for (const id of ['timers', 'replies', 'draft'] as const) {
      const box = options.locator(`[data-feature-switch="${id}"]`);
      await box.waitFor();
      await box.uncheck();
      await section(page, id).waitFor({ state: 'detached', timeout: 10_000 });
      await box.check();
      await section(page, id).waitFor({ timeout: 10_000 });
    }
    await options.close();
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, type E2EBrowser } from './harness';

// Saved replies on the simulated inbox: real adapter, real composer, real Chromium, the starter library.
let browser: E2EBrowser;

beforeAll(async () => {
  browser = await launch();
  await browser.setStorage({
    'settings.general': { agentName: 'Léa', companyNames: ['Acme'], targetMinutes: 5, goalPercent: 90, language: 'en' },
  });
});
afterAll(async () => {
  await browser?.removeStorage(['settings.general']).catch(() => undefined);
  await browser?.close();
});

const panel = (page: Page) => sidebar(page).locator('[data-feature="replies"]');
const items = (page: Page) => panel(page).locator('[data-testid="replies-item"]');

/** Puts a customer question in a conversation and opens it; returns the customer's first name. */
async function openWithQuestion(page: Page, text: string): Promise<string> {
  const { id, name } = await page.evaluate(() => window.__sim.list()[0]!);
  await page.evaluate(([id, text]) => window.__sim.addCustomerMessage(id!, text!), [id, text]);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  return name.trim().split(/\s+/)[0]!;
}

describe('saved replies', () => {
  it('suggests a relevant reply for the open conversation and inserts it with the customer’s first name (nothing sent)', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    const firstName = await openWithQuestion(page, 'Hi! What are your opening hours on Saturday?');

    await items(page).first().waitFor({ timeout: 15_000 });
    expect(await items(page).first().locator('.ip-replies-item-title').textContent()).toBe('Opening hours');
    expect(await items(page).first().locator('[data-testid="replies-matched"]').textContent()).toMatch(/hours/);

    await items(page).first().locator('[data-testid="replies-insert"]').click();
    await page.waitForFunction((n) => window.__sim.composerText().includes(n), firstName, { timeout: 10_000 });
    const text = await page.evaluate(() => window.__sim.composerText());
    expect(text.startsWith(`Hi ${firstName}, we are open Monday to Friday`)).toBe(true);
    expect(text).toContain('Léa');
    expect(text).not.toMatch(/\{(first_name|agent_name|cursor)\}/);
    expect(await panel(page).locator('[data-testid="replies-status"]').textContent()).toMatch(/Inserted/);
    expect(await page.evaluate(() => window.__sim.sentMessages().length)).toBe(0);
    await page.close();
  });

  it('the insert-top keyboard command: the worker asks the tab and gets its answer (content script without the polyfill)', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    const firstName = await openWithQuestion(page, 'Hi! What are your opening hours on Saturday?');
    await items(page).first().waitFor({ timeout: 15_000 });
    // What the worker's command handler does (forwardInsertTop): tabs.sendMessage, then read the reply.
    // The content script answers through sendResponse; a promise returned to Chrome's own onMessage
    // would reach the worker as `undefined`.
    // (No `tabs` permission, so tab URLs are hidden: every tab is asked; only this inbox tab has a content script.)
    const replies = await browser.worker().evaluate(async () => {
      type Tab = { id?: number };
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: unknown): Promise<unknown> } } };
      const ask = (id: number) => chrome.tabs.sendMessage(id, { app: 'inbox-pilot', type: 'replies:insert-top', data: undefined }).catch(() => 'no content script');
      return Promise.all((await chrome.tabs.query({})).map((t) => ask(t.id!)));
    });
    expect(replies.filter((r) => r !== 'no content script')).toEqual([{ ok: true, value: { inserted: true } }]);
    await page.waitForFunction((n) => window.__sim.composerText().includes(n), firstName, { timeout: 10_000 });
    expect(await page.evaluate(() => window.__sim.sentMessages().length)).toBe(0);
    await page.close();
  });

  it('finds a reply by /shortcut in the sidebar search and inserts it with Enter', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    const firstName = await openWithQuestion(page, 'ok thanks');
    const search = panel(page).locator('[data-testid="replies-search"]');
    await search.fill('/delivery');
    await items(page).filter({ hasText: 'Delivery times' }).waitFor({ timeout: 10_000 });
    await search.press('Enter');
    await page.waitForFunction(() => window.__sim.composerText().includes('orders ship within 24 hours'), undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => window.__sim.composerText())).toContain(`Hi ${firstName},`);
    expect(await page.evaluate(() => window.__sim.sentMessages().length)).toBe(0);
    await page.close();
  });

  it('records the insertion, and that the agent edited it before sending (a boolean, no text)', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    await openWithQuestion(page, 'Where is my order? I ordered last week');
    await items(page).first().waitFor({ timeout: 15_000 });
    const before = (await usageRecords()).length;
    await items(page).first().locator('[data-testid="replies-insert"]').click();
    await page.waitForFunction(() => window.__sim.composerText().length > 20, undefined, { timeout: 10_000 });
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Thanks!');
    await page.keyboard.press('Enter'); // the test plays the agent sending it
    await page.waitForFunction(() => window.__sim.sentMessages().length === 1, undefined, { timeout: 10_000 });
    await expect.poll(async () => (await usageRecords()).length, { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(async () => (await usageRecords()).at(-1)?.edited, { timeout: 10_000 }).toBe(true);
    expect(JSON.stringify(await usageRecords())).not.toContain('Thanks');
    await page.close();
  });
});

/** The usage table, read straight from the background's IndexedDB. */
async function usageRecords(): Promise<Array<{ replyId: string; conversation: string; at: number; edited: boolean | null }>> {
  return browser.worker().evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('inbox-pilot-replies');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('usage').objectStore('usage').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as Array<{ at: number }>).sort((a, b) => a.at - b.at) as never);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

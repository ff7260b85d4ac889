import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInSidebar, launch, sidebar, type E2EBrowser } from './harness';
import { openWatchedInbox, sendWithComposer, waitForFeatures } from './reliability-support';

/**
 * Nothing lost or doubled: through a conversation's whole life (the customer
 * writes while it is closed, the agent opens it, replies, the customer writes
 * again, a colleague answers), the sidebar lists it at most once and exactly
 * while it really waits for a reply. Found by the memory bench, where the
 * waiting list kept growing under steady traffic.
 */
let browser: E2EBrowser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rowsNamed = async (page: Page, name: string) =>
  (await evaluateInSidebar(page, (root, name) => [...(root?.querySelectorAll('[data-testid="timer-name"]') ?? [])].filter((e) => e.textContent === name).length, name)) ?? 0;

describe('the waiting list agrees with the page', () => {
  it('lists a conversation once while it waits, and not at all once answered', async () => {
    const { page, problems } = await openWatchedInbox(browser, { layout: '2025-11', conversations: '8', seed: '1' });
    try {
      await sidebar(page).waitFor({ state: 'visible' });
      await waitForFeatures(page);
      // Start from a quiet inbox: every customer has been answered by a colleague.
      await page.evaluate(() => {
        for (const c of window.__sim.list()) if (c.lastFrom === 'customer') window.__sim.agentReply(c.id, 'Answered earlier.', 'Paul Girard');
      });
      const { id, name } = await page.evaluate(() => window.__sim.list()[3]!);
      await expect.poll(() => rowsNamed(page, name)).toBe(0);

      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Where is my parcel?'), id);
      await expect.poll(() => rowsNamed(page, name), { message: 'customer wrote' }).toBe(1);

      await page.evaluate((id) => window.__sim.openConversation(id), id);
      await page.waitForTimeout(1000);
      expect(await rowsNamed(page, name), 'opened: still one row').toBe(1);

      await sendWithComposer(page, 'It ships today.');
      await expect.poll(() => rowsNamed(page, name), { message: 'agent replied' }).toBe(0);

      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Thanks! And the invoice?'), id);
      await expect.poll(() => rowsNamed(page, name), { message: 'customer wrote again' }).toBe(1);
      await page.waitForTimeout(1000);
      expect(await rowsNamed(page, name), 'written again: still one row').toBe(1);

      await page.evaluate((id) => window.__sim.agentReply(id, 'Sent by email.', 'Paul Girard'), id);
      await expect.poll(() => rowsNamed(page, name), { message: 'colleague replied' }).toBe(0);
      expect(problems.filter((p) => p.kind === 'exception')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

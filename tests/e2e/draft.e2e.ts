import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, type E2EBrowser } from './harness';

// Draft checks on the simulated inbox: real adapter, real composer, real Chromium.
let browser: E2EBrowser;

beforeAll(async () => {
  browser = await launch();
  await browser.setStorage({
    'settings.general': { agentName: 'Marie', companyNames: ['Acme'], targetMinutes: 5, goalPercent: 90, language: 'en' },
  });
});
afterAll(async () => {
  await browser?.removeStorage(['settings.general', 'settings.draft']).catch(() => undefined);
  await browser?.close();
});

const panel = (page: Page) => sidebar(page).locator('[data-feature="draft"]');
const finding = (page: Page, rule: string) => panel(page).locator(`[data-testid="draft-finding"][data-rule="${rule}"]`);
const composer = (page: Page) => page.locator('[data-lexical-editor="true"]');

async function openFirstConversation(page: Page): Promise<string> {
  const id = await page.evaluate(() => window.__sim.list()[0]!.id);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await composer(page).waitFor();
  return id;
}

/** Types like an agent: Shift+Enter between lines (Enter would send). */
async function typeDraft(page: Page, text: string) {
  await composer(page).click();
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(line);
  }
}

/** Waits for a fix to reach the composer; if it does not, the failure says what the panel answered. */
async function composerRewritten(page: Page, part: string) {
  try {
    await page.waitForFunction((part) => window.__sim.composerText().includes(part), part, { timeout: 10_000 });
  } catch (error) {
    const status = await panel(page).locator('[data-testid="draft-fix-status"]').allTextContents().catch(() => []);
    const text = await page.evaluate(() => window.__sim.composerText()).catch(() => '?');
    throw new Error(`the fix did not reach the composer (${JSON.stringify(part)}): panel status ${JSON.stringify(status)}, composer ${JSON.stringify(text)}`, { cause: error });
  }
}

describe('draft checks', () => {
  it('flags a company sign-off while typing and replaces it with the agent’s name in one click (nothing sent)', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    await openFirstConversation(page);
    await typeDraft(page, 'Hello, your parcel left this morning.\nKind regards,\nThe Acme Team');

    await finding(page, 'company-sign-off').waitFor({ timeout: 10_000 });
    // Checked while typing: a pause of more than the debounce in mid-word (a loaded machine) shows the finding on
    // "The Acme Te" first; the last keys are checked a debounce later.
    await expect.poll(() => finding(page, 'company-sign-off').locator('[data-testid="draft-span"]').textContent(), { timeout: 10_000 }).toBe('The Acme Team');

    await finding(page, 'company-sign-off').locator('[data-testid="draft-fix"]').click();
    await composerRewritten(page, '\nMarie');
    expect(await page.evaluate(() => window.__sim.composerText())).toBe('Hello, your parcel left this morning.\nKind regards,\nMarie');
    await panel(page).locator('[data-testid="draft-ok"]').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => window.__sim.sentMessages().length)).toBe(0);
    await page.close();
  });

  it('turns steps typed as prose into a numbered list in the composer', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    await openFirstConversation(page);
    await typeDraft(page, 'Hi! To return it, log in to your account, then click My orders, then select the item and print the label.\nMarie');

    await finding(page, 'steps-as-prose').waitFor({ timeout: 10_000 });
    await finding(page, 'steps-as-prose').locator('[data-testid="draft-fix"]').click();
    await composerRewritten(page, '1. ');
    expect(await page.evaluate(() => window.__sim.composerText())).toBe(
      'Hi! To return it:\n1. Log in to your account\n2. Click My orders\n3. Select the item\n4. Print the label\nMarie',
    );
    await page.close();
  });

  it('explains the closed 24-hour window when the composer is disabled', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await panel(page).waitFor();
    const id = await openFirstConversation(page);
    await page.evaluate((id) => window.__sim.closeWindow(id), id);
    await finding(page, 'window-closed').waitFor({ timeout: 10_000 });
    expect(await finding(page, 'window-closed').textContent()).toMatch(/7 days/);
    await page.close();
  });
});

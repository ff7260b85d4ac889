import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, sidebarFrame, sidebarShadow, type E2EBrowser } from './harness';

// One browser for the whole file (launching takes ~1 s); every test opens its own tabs
// and leaves the extension's settings as it found them.
let browser: E2EBrowser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const toggle = (page: Page) => sidebarShadow(page).locator('[data-testid="sidebar-toggle"]');

async function openThread(page: Page) {
  const id = await page.evaluate(() => window.__sim.list()[0]!.id);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  return id;
}

/** Whether the element is the topmost thing at its own centre (nothing, e.g. the sidebar, lies over it). */
async function isOnTop(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  }, selector);
}

describe('the sidebar on the inbox', () => {
  it('appears on the business.facebook.com inbox', async () => {
    const page = await browser.openInbox({ layout: '2025-11', host: 'business' });
    await sidebar(page).waitFor({ state: 'visible' });
    await page.close();
  });

  it('appears on the www.facebook.com inbox too', async () => {
    const page = await browser.openInbox({ layout: '2025-11', host: 'www', tab: 'messenger' });
    await sidebar(page).waitFor({ state: 'visible' });
    await page.close();
  });

  it('is not shown on other facebook.com pages', async () => {
    const home = await browser.openPage('https://business.facebook.com/latest/home?asset_id=104522908812345&layout=2025-11');
    await home.getByRole('heading', { level: 1 }).waitFor();
    const www = await browser.openPage('https://www.facebook.com/');
    await www.getByRole('feed').waitFor();
    // Give a content script time to (wrongly) show up.
    await home.waitForTimeout(800);
    expect(await home.locator('inbox-pilot-sidebar').count()).toBe(0);
    expect(await www.locator('inbox-pilot-sidebar').count()).toBe(0);
    await home.close();
    await www.close();
  });

  it('hides when the single-page app navigates away from the inbox, and comes back', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await sidebar(page).waitFor({ state: 'visible' });
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(/\/latest\/home/);
    await sidebar(page).waitFor({ state: 'detached' });
    await page.goBack();
    await page.waitForURL(/\/latest\/inbox/);
    await sidebar(page).waitFor({ state: 'visible' });
    await page.close();
  });

  it('collapses, and stays collapsed after a reload', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await sidebar(page).waitFor();
    await expect(toggle(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await toggle(page).click();
    await page.waitForFunction(() => !document.documentElement.classList.contains('inbox-pilot-open'));
    await expect(toggle(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.reload();
    await sidebar(page).waitFor();
    await expect(toggle(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle(page).click(); // leave it open for the next tests
    await expect(toggle(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.close();
  });

  it('never covers the composer or the Send button, open or collapsed', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      const page = await browser.openInbox({ layout: '2025-11' });
      await page.setViewportSize(viewport);
      await sidebar(page).waitFor();
      await openThread(page);
      await page.locator('[data-lexical-editor="true"]').click();
      await page.keyboard.type('Bonjour');
      const send = page.locator('[role="button"][aria-label="Send"]');
      await send.waitFor();
      for (const state of ['open', 'collapsed'] as const) {
        const bar = (await sidebar(page).boundingBox())!;
        for (const part of [page.locator('[data-lexical-editor="true"]'), send]) {
          const box = (await part.boundingBox())!;
          expect(box.x + box.width, `${state} at ${viewport.width}px`).toBeLessThanOrEqual(bar.x);
        }
        expect(await isOnTop(page, '[role="button"][aria-label="Send"]')).toBe(true);
        expect(await isOnTop(page, '[data-lexical-editor="true"]')).toBe(true);
        if (state === 'open') {
          await toggle(page).click();
          // The state goes through storage to the sidebar's frame and to the page (which resizes the frame): polled.
          await expect.poll(() => toggle(page).getAttribute('aria-expanded')).toBe('false');
          await expect.poll(async () => (await sidebar(page).boundingBox())?.width).toBeLessThan(40);
        }
      }
      await toggle(page).click();
      await expect.poll(() => toggle(page).getAttribute('aria-expanded')).toBe('true');
      // The extension typed nothing and sent nothing: that is the agent's job.
      expect(await page.evaluate(() => window.__sim.sentMessages())).toEqual([]);
      await page.close();
    }
  });
});

describe("the sidebar's frame", () => {
  it('is served again when it loads again (its process went away): a new port, the inbox as it is', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await sidebar(page).locator('section.ip-section').first().waitFor();
    const before = await sidebarFrame(page);
    expect(before).not.toBeNull();
    await before!.frame.evaluate(() => location.reload()).catch(() => undefined);
    // The reloaded frame starts over (no section until the page serves it), then shows the inbox again.
    await sidebar(page).locator('section.ip-section').first().waitFor({ timeout: 15_000 });
    const { id, name } = await page.evaluate(() => window.__sim.list().find((c) => c.lastFrom !== 'customer')!);
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Are you still there?'), id);
    await sidebar(page).locator('[data-testid="timer-row"]', { hasText: name }).first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('extension pages', () => {
  it('opens the popup', async () => {
    const page = await browser.openPopup();
    await page.getByTestId('popup').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inbox Pilot');
    await page.close();
  });

  it('opens the options page with the general settings form', async () => {
    const page = await browser.openOptions();
    await page.getByTestId('general-form').waitFor();
    await page.close();
  });

  it('delivers settings saved in the options page to the content script', async () => {
    const inbox = await browser.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    await expect(toggle(inbox).getAttribute('aria-label')).resolves.toBe('Collapse the Inbox Pilot sidebar');

    const options = await browser.openOptions();
    await options.getByTestId('general-form').waitFor();
    await options.locator('#general-agentName').fill('Camille');
    await options.locator('#general-language').selectOption('fr');
    await options.getByTestId('general-form').getByRole('button', { name: 'Save' }).click();
    await expect(options.getByTestId('general-status').textContent()).resolves.toMatch(/^(Saved|Enregistré)\.$/); // the page itself switches to French at once

    // The open inbox tab follows without a reload: its sidebar now speaks French.
    await expect.poll(() => toggle(inbox).getAttribute('aria-label'), { timeout: 5000 }).toBe('Replier le panneau Inbox Pilot');
    // The first name is stored where the content script reads it (extension storage).
    const stored = await browser.worker().evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
      return (await chrome.storage.local.get('settings.general'))['settings.general'];
    });
    expect(stored).toMatchObject({ agentName: 'Camille', language: 'fr' });

    // Back to defaults for the next files.
    await options.locator('#general-agentName').fill('');
    await options.locator('#general-language').selectOption('auto');
    await options.getByTestId('general-form').locator('button[type="submit"]').click();
    await expect.poll(() => toggle(inbox).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Collapse the Inbox Pilot sidebar');
    await inbox.close();
    await options.close();
  });
});

describe('a quiet guest', () => {
  it('raised no uncaught error in the page, the extension pages or the service worker', async () => {
    expect(await browser.allErrors()).toEqual([]);
  });

  it('made no network request from any extension context', async () => {
    expect(browser.requests.some((r) => r.outcome === 'served')).toBe(true); // the log does record traffic
    expect(browser.extensionNetworkRequests()).toEqual([]);
    expect(browser.unexpectedRequests()).toEqual([]);
  });

  it('never clicked an inbox action button (Move to Done, follow up)', async () => {
    const page = await browser.openInbox({ layout: '2025-11' });
    await sidebar(page).waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__sim.actions())).toEqual([]);
    await page.close();
  });
});

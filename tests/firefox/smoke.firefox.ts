import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { inboxUrl } from '../e2e/browser.mjs';
import type { SimApi } from '../e2e/harness';
import { EXTENSION_UUID, launchFirefox } from './firefox.mjs';

/**
 * Smoke test in real Firefox (firefox-esr, WebDriver BiDi): the MV3 add-on
 * as built for AMO, on the simulated inbox served as business.facebook.com.
 * Only `window.__sim` and what the sidebar shows are used, plus the reply
 * box's ARIA role (a textbox) to type into it like an agent.
 */

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox();
}, 180_000);

afterAll(async () => {
  await firefox?.close();
}, 60_000);

/** Runs `fn` on the sidebar's root inside its shadow root (open on this branch). */
function inSidebar<T>(page: Page, fn: (root: Element) => T): Promise<T | null> {
  return page.evaluate((source) => {
    const root = document.querySelector('inbox-pilot-sidebar')?.shadowRoot?.querySelector('[data-testid="inbox-pilot-sidebar"]');
    // eslint-disable-next-line no-new-func -- test-only: the function comes from this file
    return root ? (new Function('root', `return (${source})(root)`) as (r: Element) => T)(root) : null;
  }, fn.toString()) as Promise<T | null>;
}

async function waitForSidebar<T>(page: Page, fn: (root: Element) => T | null | false, timeout = 60_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await inSidebar(page, fn);
    if (value) return value as T;
    if (Date.now() > until) throw new Error(`The sidebar never showed what was waited for: ${fn.toString()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const sim = <T>(page: Page, fn: (sim: SimApi, arg: string) => T, arg = '') =>
  page.evaluate((source, a) => (new Function('sim', 'arg', `return (${source})(sim, arg)`) as (s: SimApi, a: string) => T)(window.__sim, a), fn.toString(), arg) as Promise<T>;

describe('Firefox: the add-on on the simulated inbox', () => {
  let inbox: Page;

  it('shows the sidebar listing a waiting customer', async () => {
    inbox = await firefox.browser.newPage();
    await inbox.goto(inboxUrl(), { timeout: 90_000 });
    await inbox.waitForFunction(() => '__sim' in window, { timeout: 60_000 });
    const names = await waitForSidebar(inbox, (root) => {
      const rows = [...root.querySelectorAll('[data-testid="timer-name"]')].map((n) => n.textContent ?? '');
      return rows.length > 0 && rows;
    });
    const waiting = await sim(inbox, (s) => s.list().filter((c) => c.lastFrom === 'customer' && !c.done).map((c) => c.name));
    expect(waiting.length).toBeGreaterThan(0);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(waiting).toContain(name);
    const count = await inSidebar(inbox, (root) => Number(root.querySelector('[data-testid="timers-count"]')?.getAttribute('data-count')));
    expect(count).toBe(names.length);
  }, 180_000);

  it('records a reply typed in the reply box in the stats, and opens the stats page', async () => {
    const id = await sim(inbox, (s) => s.list().find((c) => c.lastFrom === 'customer' && !c.done)!.id);
    await sim(inbox, (s, conv) => s.openConversation(conv), id);
    await sim(inbox, (s, conv) => s.addCustomerMessage(conv, 'Is my order on its way?'), id);
    // The customer's message is seen before the reply (the adapter batches once per frame).
    await waitForSidebar(inbox, (root) => root.querySelectorAll('[data-testid="timer-row"]').length > 0);
    await new Promise((r) => setTimeout(r, 1500));
    const box = await inbox.waitForSelector('[role="textbox"][contenteditable="true"]', { timeout: 30_000 });
    await box!.click();
    await inbox.keyboard.type('Yes, it left this morning.');
    await inbox.keyboard.press('Enter');
    await inbox.waitForFunction((conv) => window.__sim.sentMessages().some((m) => m.conversationId === conv), { timeout: 30_000 }, id);

    // The sidebar's "Team stats" opens the popup's page in a tab (Firefox's toolbar panel is out of WebDriver's reach).
    const opened = new Promise<Page>((resolve) =>
      firefox.browser.on('targetcreated', async (target) => {
        const page = await target.page();
        if (page && target.url().startsWith(`moz-extension://${EXTENSION_UUID}/`)) resolve(page);
      }),
    );
    const clicked = await inSidebar(inbox, (root) => {
      const button = root.querySelector<HTMLButtonElement>('[data-testid="open-stats"]');
      button?.click();
      return Boolean(button);
    });
    expect(clicked).toBe(true);
    const stats = await opened;
    expect(stats.url()).toBe(`moz-extension://${EXTENSION_UUID}/popup.html`);
    // The background writes after the reply is paired: reload the page until it shows the response.
    const until = Date.now() + 90_000;
    let responses = 0;
    for (;;) {
      await stats.waitForSelector('[data-testid="popup"]', { timeout: 30_000 });
      responses = await stats.evaluate(() => document.querySelectorAll('[data-testid="slow-response"]').length);
      if (responses > 0 || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 1000));
      await stats.reload();
    }
    expect(responses).toBeGreaterThan(0);
    const link = await stats.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="slow-response-link"]')?.href ?? null);
    expect(link).toContain(`selected_item_id=${id}`);
  }, 240_000);

  it('made no request outside the simulated inbox from the page or the add-on', () => {
    // Firefox's own background services are refused by the proxy; the page and the add-on ask for nothing else.
    const fromPage = firefox.requests.filter((r) => /facebook\.com/.test(r.url) && r.outcome !== 'served');
    expect(fromPage).toEqual([]);
  });
});

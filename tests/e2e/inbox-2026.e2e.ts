import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inner, launch, inboxUrl, sidebar, type E2EBrowser, type InboxOptions, type SimPlatform } from './harness';
import { storedResponses, waitForResponses } from './stats-support';
import { openWatchedInbox } from './reliability-support';
import { VARIANTS, variantScript } from '../fixtures/variants/index.mjs';

// The extension on the 2026 inbox layout (tests/fixtures/inbox/LAYOUT-2026.md):
// presentation rows whose a[role="row"] is Meta's "Move to Done" grid, channel
// tabs carrying the selection, a URL that drops selected_item_id, no Send
// button, an optimistic bubble that may vanish and come back.
let browser: E2EBrowser;
/** The configured agent: replies sent from this browser are theirs (as in inbox.e2e.ts), whatever name Meta's label shows. */
const AGENT = 'Marie';

beforeAll(async () => {
  browser = await launch();
  await browser.setStorage({
    'settings.general': { agentName: AGENT, companyNames: ['Atelier Lumen'], targetMinutes: 5, goalPercent: 90, language: 'en' },
  });
});
afterAll(async () => {
  await browser?.removeStorage(['settings.general']).catch(() => undefined);
  await browser?.close();
});

// Each test uses its own Page (asset_id): waiting conversations are remembered per Page.
let nextAsset = 104522908870000;
const openSim = (opts: InboxOptions = {}) => browser.openInbox({ asset_id: String(nextAsset++), ...opts });

const timers = (page: Page) => sidebar(page).locator('[data-feature="timers"]');
const timerRows = (page: Page) => timers(page).locator('[data-testid="timer-row"]');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const timerFor = (page: Page, name: string) =>
  timerRows(page).filter({ has: inner('[data-testid="timer-name"]', { hasText: new RegExp(`^${escape(name)}$`) }) });

/** Collapsed, the panel lists the most urgent rows only: press "Show all" when it is offered. */
async function showAll(page: Page) {
  const toggle = timers(page).locator('[data-testid="timers-show-all"][aria-expanded="false"]');
  if (await toggle.count()) await toggle.click();
}

async function timerNames(page: Page): Promise<string[]> {
  await showAll(page);
  return (await timers(page).locator('[data-testid="timer-name"]').allTextContents()).sort();
}

/** What the sim says is waiting for a reply (the customer wrote last), by name. */
const waitingInSim = (page: Page) =>
  page.evaluate(() => window.__sim.list().filter((c) => c.lastFrom === 'customer').map((c) => ({ id: c.id, name: c.name, platform: c.platform })));

const byPlatform = async (page: Page, platform: SimPlatform) => {
  const found = (await waitingInSim(page)).find((c) => c.platform === platform);
  if (!found) throw new Error(`the seeded inbox has no waiting ${platform} conversation`);
  return found;
};

/** Opens a conversation and waits until the adapter treats new bubbles as live, not as history still rendering. */
async function openConversation(page: Page, id: string) {
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  await page.waitForTimeout(2000);
}

/** Types into Meta's composer and presses Enter, as an agent does (there is no Send button in 2026). */
async function typeAndSend(page: Page, text: string) {
  await page.click('[data-lexical-editor="true"]');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the extension on the 2026 inbox layout', () => {
  it('appears when the agent arrives from Home by in-app navigation, and goes away when they leave the inbox', async () => {
    const page = await browser.openPage(inboxUrl({ path: '/latest/home', asset_id: String(nextAsset++) }));
    await page.waitForFunction(() => '__sim' in window);
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await page.waitForTimeout(1000);
    expect(await page.locator('inbox-pilot-sidebar').count()).toBe(0);

    await page.getByRole('link', { name: 'Go to inbox' }).click();
    await sidebar(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true); // no reload happened

    await page.locator('[role="navigation"] a[aria-label="Home"]').click();
    await expect.poll(() => page.locator('inbox-pilot-sidebar').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await page.close();
  });

  it('lists exactly the conversations the simulated inbox has waiting, also after changes', async () => {
    const page = await openSim({ conversations: 8 }); // every row fits on screen: the adapter can see them all
    await timers(page).waitFor();
    const expected = async () => (await waitingInSim(page)).map((c) => c.name).sort();
    expect((await expected()).length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => timerNames(page), { timeout: 15_000 }).toEqual(await expected());

    // A colleague answers a waiting conversation (it leaves the list), then its customer writes again (it comes back).
    const waiting = await page.evaluate(() => window.__sim.list().find((c) => c.lastFrom === 'customer')!.id);
    await page.evaluate((id) => window.__sim.agentReply(id, 'Sorry for the wait, it ships today.', 'Paul Girard'), waiting);
    await expect.poll(() => timerNames(page), { timeout: 15_000 }).toEqual(await expected());
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Great, thanks! And the second parcel?'), waiting);
    await expect.poll(() => timerNames(page), { timeout: 15_000 }).toEqual(await expected());
    await page.close();
  });

  const LAYOUTS: Array<{ name: string; opts: InboxOptions; urlDrops?: 'always' | 'never' }> = [
    { name: '2026, English', opts: {} },
    { name: '2026, French', opts: { locale: 'fr_FR' } },
    { name: '2026, the URL always drops selected_item_id', opts: {}, urlDrops: 'always' },
    { name: '2026, the URL never drops it', opts: {}, urlDrops: 'never' },
    { name: '2025-11, English', opts: { layout: '2025-11' } },
    { name: '2025-11, French', opts: { layout: '2025-11', locale: 'fr_FR' } },
  ];
  it.each(LAYOUTS)('clicking every timer row opens that conversation and never Meta’s action grid ($name)', async ({ opts, urlDrops }) => {
    const page = await openSim({ conversations: 8, ...opts });
    if (urlDrops) await page.evaluate((mode) => window.__sim.setUrlDrops(mode), urlDrops);
    await timers(page).waitFor();
    const waiting = await waitingInSim(page);
    await expect.poll(async () => (await showAll(page), timerRows(page).count()), { timeout: 15_000 }).toBe(waiting.length);
    for (const { id, name } of waiting) {
      await showAll(page);
      await timerFor(page, name).click();
      await expect.poll(() => page.evaluate(() => window.__sim.open()), { timeout: 5_000 }).toBe(id);
    }
    expect(await page.evaluate(() => window.__sim.actions())).toEqual([]);
    expect(await page.evaluate(() => window.__sim.all().filter((c) => c.done))).toEqual([]);
    await page.close();
  });

  // The mutated layouts (tests/fixtures/variants) on the 2026 page: the extension may read less, never click Meta's controls.
  it.each(VARIANTS)('mutated 2026 layout "$name": every timer row shown opens the conversation it names, never the action grid', async (variant) => {
    const { page } = await openWatchedInbox(browser, { asset_id: String(nextAsset++), conversations: '8', seed: '3', ...variant.params }, [variantScript(variant.name)]);
    await sidebar(page).waitFor({ state: 'visible' });
    const waiting = await waitingInSim(page);
    if (variant.name === 'control') await expect.poll(async () => (await showAll(page), timerRows(page).count()), { timeout: 15_000 }).toBe(waiting.length);
    else await page.waitForTimeout(3000); // time to read what it can
    // Whether each row should be there is the waiting-list test's business (un-mutated layouts); here: each row opens
    // the conversation it names (rows-without-names: some conversation of the sim), and nothing of Meta's is clicked.
    await showAll(page);
    const shown = await timerRows(page).count();
    const everyone = await page.evaluate(() => window.__sim.all());
    for (let i = 0; i < shown; i++) {
      await showAll(page);
      const row = timerRows(page).nth(i);
      const name = await row.locator('[data-testid="timer-name"]').textContent();
      await row.click();
      const isThatRow = (id: string | null) => everyone.some((c) => c.id === id && (variant.name === 'rows-without-names' || c.name === name));
      await expect.poll(async () => isThatRow(await page.evaluate(() => window.__sim.open())), { timeout: 5_000, message: `row ${i} "${name}"` }).toBe(true);
    }
    expect(await page.evaluate(() => window.__sim.actions())).toEqual([]);
    expect(await page.evaluate(() => window.__sim.all().filter((c) => c.done))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __variantError?: string }).__variantError ?? null)).toBeNull();
    await page.close();
  });

  it('records a reply typed and sent with Enter once, for the agent who sent it; another agent’s reply goes to that agent', async () => {
    const page = await openSim({ conversations: 8 });
    await timers(page).waitFor();
    const instagram = await byPlatform(page, 'instagram_direct');
    await openConversation(page, instagram.id);
    await typeAndSend(page, 'Hi! Yes, we can exchange it for the bigger size.');
    expect(await page.evaluate(() => window.__sim.sentMessages())).toHaveLength(1);

    const whatsapp = await byPlatform(page, 'whatsapp');
    await openConversation(page, whatsapp.id);
    await page.evaluate((id) => window.__sim.agentReply(id, 'Hello, I have updated the address.', 'Paul Girard'), whatsapp.id);

    const popup = await browser.openPopup();
    await waitForResponses(popup, [instagram.id, whatsapp.id], 2);
    await popup.waitForTimeout(3000); // time for a duplicate (the optimistic bubble re-rendered with its final id) to show up
    const stored = (await storedResponses(popup)).filter((r) => [instagram.id, whatsapp.id].includes(r.conversation));
    // The sim's truth agrees on who wrote what: our reply (labelled "Sent by Marie Dupont") and Paul's.
    const truth = await page.evaluate(() => window.__sim.truth());
    expect(truth.filter((m) => m.conversationId === instagram.id).at(-1)).toMatchObject({ side: 'page', agent: 'Marie Dupont' });
    expect(truth.filter((m) => m.conversationId === whatsapp.id).at(-1)).toMatchObject({ side: 'page', agent: 'Paul Girard' });
    expect(stored.map((r) => ({ conversation: r.conversation, agent: r.agent, source: r.source })).sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { conversation: whatsapp.id, agent: 'Paul Girard', source: 'observed' },
      { conversation: instagram.id, agent: AGENT, source: 'this-browser' },
    ]);
    await popup.close();
    await page.close();
  });

  it('a sent bubble that vanishes and comes back is neither lost nor counted twice', async () => {
    const page = await openSim({ conversations: 8 });
    await timers(page).waitFor();
    const target = (await waitingInSim(page)).find((c) => c.platform === 'messenger')!;
    await timerFor(page, target.name).waitFor({ timeout: 15_000 });
    await openConversation(page, target.id);
    await page.evaluate(() => window.__sim.flakyNextSend());
    const text = 'Let me check with the carrier right away.';
    await typeAndSend(page, text);
    const bubbles = (t: string) => [...document.querySelectorAll('[data-message-id]')].filter((el) => el.textContent?.includes(t)).length;
    await page.waitForFunction(bubbles, text, { timeout: 3_000 }); // painted at once
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-message-id]')].every((el) => !el.textContent?.includes(t)), text, { timeout: 3_000 }); // vanished
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-message-id^="mid."]')].some((el) => el.textContent?.includes(t)), text, { timeout: 5_000 }); // back, final id

    const popup = await browser.openPopup();
    await waitForResponses(popup, [target.id], 1);
    await popup.waitForTimeout(3000);
    const stored = (await storedResponses(popup)).filter((r) => r.conversation === target.id);
    expect(stored.map((r) => ({ agent: r.agent, source: r.source }))).toEqual([{ agent: AGENT, source: 'this-browser' }]);
    // The conversation is answered: its timer is gone and stays gone.
    await expect.poll(async () => (await showAll(page), timerFor(page, target.name).count()), { timeout: 10_000 }).toBe(0);
    await popup.close();
    await page.close();
  });

  it('inserts a saved reply into Meta’s composer (Instagram conversation, whose id is in no URL), nothing sent', async () => {
    const page = await openSim({ conversations: 8 });
    const replies = sidebar(page).locator('[data-feature="replies"]');
    await replies.waitFor();
    const instagram = await byPlatform(page, 'instagram_direct');
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hi! What are your opening hours on Saturday?'), instagram.id);
    await openConversation(page, instagram.id);
    expect(new URL(page.url()).searchParams.get('selected_item_id')).toBeNull();
    const item = replies.locator('[data-testid="replies-item"]').first();
    await item.waitFor({ timeout: 15_000 });
    await item.locator('[data-testid="replies-insert"]').click();
    const firstName = instagram.name.split(' ')[0]!;
    await page.waitForFunction((n) => window.__sim.composerText().includes(n), firstName, { timeout: 10_000 });
    expect(await page.evaluate(() => window.__sim.composerText())).toContain('Marie');
    expect(await page.evaluate(() => window.__sim.sentMessages())).toEqual([]);
    expect(await page.evaluate(() => window.__sim.actions())).toEqual([]);
    await page.close();
  });

  it('gives Instagram and WhatsApp conversations timers with their channel', async () => {
    const page = await openSim({ conversations: 8 });
    await timers(page).waitFor();
    const instagram = await byPlatform(page, 'instagram_direct');
    const whatsapp = await byPlatform(page, 'whatsapp');
    const messenger = await byPlatform(page, 'messenger');
    expect(whatsapp.name).toMatch(/^\+\d/); // WhatsApp rows show a phone number as the name
    await showAll(page);
    // On the "all" tab a row shows its channel only as an icon: the page tells the channel once the
    // conversation is opened (thread_type, header, composer) or its row is seen in its channel tab.
    // The agent opens each one from its timer; it keeps waiting, now with its channel.
    for (const [c, channel] of [[instagram, 'instagram'], [whatsapp, 'whatsapp'], [messenger, 'messenger']] as const) {
      await timerFor(page, c.name).click();
      await expect.poll(() => page.evaluate(() => window.__sim.open())).toBe(c.id);
      await expect.poll(() => timerFor(page, c.name).getAttribute('data-channel'), { timeout: 15_000 }).toBe(channel);
    }
    // What the agent sees: Instagram and WhatsApp rows say so; Messenger, the default, goes unmarked.
    expect(await timerFor(page, instagram.name).locator('[data-testid="timer-channel"]').textContent()).toBe('Instagram');
    expect(await timerFor(page, whatsapp.name).locator('[data-testid="timer-channel"]').textContent()).toBe('WhatsApp');
    expect(await timerFor(page, messenger.name).locator('[data-testid="timer-channel"]').count()).toBe(0);
    expect((await page.evaluate(() => window.__sim.actions())).length).toBe(0);
    await page.close();
  });

  it('raised no uncaught error anywhere', async () => {
    expect(await browser.allErrors()).toEqual([]);
  });
});

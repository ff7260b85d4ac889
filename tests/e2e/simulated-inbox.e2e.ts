import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, mutationsOfRefresh, type E2EBrowser } from './harness';

// The simulated inbox is the fixture every other e2e test trusts: these tests
// pin the Meta behaviours it imitates (tests/fixtures/inbox/README.md).
let browser: E2EBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.openInbox({ layout: '2025-11' });
});
afterAll(async () => {
  await browser?.close();
});

const editor = () => page.locator('[data-lexical-editor="true"]');
const sendButton = () => page.locator('[role="button"][aria-label="Send"]');
const firstId = () => page.evaluate(() => window.__sim.list()[0]!.id);

describe('the simulated inbox', () => {
  it('opens a conversation through the history API, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const [a, b] = await page.evaluate(() => window.__sim.list().slice(0, 2).map((c) => c.name));
    await page.locator('[data-surface*="thread_title"]', { hasText: a! }).click();
    await expect(page.locator('[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"] h2').textContent()).resolves.toBe(a);
    const idA = new URL(page.url()).searchParams.get('selected_item_id');
    await page.locator('[data-surface*="thread_title"]', { hasText: b! }).click();
    expect(new URL(page.url()).searchParams.get('selected_item_id')).not.toBe(idA);
    await page.goBack();
    await expect(page.locator('[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"] h2').textContent()).resolves.toBe(a);
    expect(new URL(page.url()).searchParams.get('selected_item_id')).toBe(idA);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('mounts only visible rows and replaces them on scroll', async () => {
    const big = await browser.openInbox({ layout: '2025-11', conversations: 200 });
    const list = big.locator('[data-pagelet="GenericBizInboxThreadListViewBody"] [role="list"]');
    const mounted = await big.locator('[role="listitem"]').count();
    expect(mounted).toBeGreaterThan(5);
    expect(mounted).toBeLessThan(30);
    const first = await big.locator('[role="listitem"]').first().elementHandle();
    await list.evaluate((el) => (el.scrollTop = 72 * 100));
    await big.waitForFunction((el) => !el!.isConnected, first);
    await expect(big.locator('[role="listitem"]').first().getAttribute('style')).resolves.toMatch(/translateY\(\d{4,}px\)/);
    await big.close();
  });

  it('re-renders like React: a refresh adds and removes no node; a kept row, moved by a new message, opens its own conversation', async () => {
    const p = await browser.openInbox({ layout: '2025-11', seed: 3 });
    const [first, , third] = await p.evaluate(() => window.__sim.list().slice(0, 3).map((c) => c.id));
    await p.evaluate((id) => window.__sim.openConversation(id), first!);
    const kinds = await mutationsOfRefresh(p);
    expect(kinds.filter((k) => k !== 'characterData')).toEqual([]);
    const row = await p.evaluateHandle((id) => {
      const name = window.__sim.all().find((c) => c.id === id)!.name;
      return [...document.querySelectorAll('[role="listitem"]')].find((r) => r.querySelector('[data-surface*="thread_title"]')?.textContent === name)!;
    }, third!);
    await p.evaluate((id) => window.__sim.addCustomerMessage(id, 'Still waiting for the invoice'), third!);
    expect(await row.evaluate((r) => r.isConnected && r.getAttribute('style'))).toMatch(/translateY\(0px\)/);
    await row.click({ position: { x: 60, y: 20 } });
    expect(await p.evaluate(() => window.__sim.open())).toBe(third);
    await p.close();
  });

  it('keeps its own editor model: writing the DOM directly is reverted', async () => {
    await page.evaluate((id) => window.__sim.openConversation(id), await firstId());
    await page.evaluate(() => {
      const el = document.querySelector('[data-lexical-editor="true"]')!;
      el.textContent = 'written behind the editor’s back';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !document.querySelector('[data-lexical-editor="true"]')!.textContent);
    expect(await page.evaluate(() => window.__sim.composerText())).toBe('');
    expect(await sendButton().count()).toBe(0);
  });

  it('accepts beforeinput, execCommand, paste and typing; Shift+Enter adds a line; Enter sends', async () => {
    const id = await page.evaluate(() => window.__sim.open());
    await editor().click();
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-lexical-editor="true"]')!;
      const data = new DataTransfer();
      data.setData('text/plain', 'Bonjour');
      el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertReplacementText', dataTransfer: data, bubbles: true, cancelable: true }));
      document.execCommand('insertText', false, ' Camille,');
      const clip = new DataTransfer();
      clip.setData('text/plain', ' merci');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clip, bubbles: true, cancelable: true }));
    });
    await page.keyboard.type(' !');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Marie');
    expect(await page.evaluate(() => window.__sim.composerText())).toBe('Bonjour Camille, merci !\nMarie');
    await sendButton().waitFor();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__sim.sentMessages())).toMatchObject([{ conversationId: id, text: 'Bonjour Camille, merci !\nMarie', agent: 'Marie Dupont' }]);
    expect(await page.evaluate(() => window.__sim.composerText())).toBe('');
    const thread = page.locator('[data-pagelet="BizInboxMessengerMessageListContainer"]');
    await expect(thread.getByText('Sent by Marie Dupont').last().isVisible()).resolves.toBe(true);
    await expect(page.locator('[role="listitem"]').first().textContent()).resolves.toContain('You: Bonjour Camille');
  });

  it('shows other agents and backdated customer messages as Meta does', async () => {
    const id = await firstId();
    await page.evaluate((id) => window.__sim.agentReply(id, 'Je regarde ça.', 'Paul Girard'), id);
    await expect(page.getByText('Sent by Paul Girard').last().isVisible()).resolves.toBe(true);
    const nid = await page.evaluate(() => window.__sim.addCustomerMessage('new', 'Are you open today?', { ageMinutes: 90 }));
    const row = await page.evaluate((nid) => window.__sim.list().find((c) => c.id === nid)!, nid);
    expect(row).toMatchObject({ unread: true, lastFrom: 'customer' });
    await expect(page.locator('[role="listitem"]', { hasText: row.name }).textContent()).resolves.toContain('1h');
    expect(await page.title()).toMatch(/^\(\d+\) Inbox \| Meta Business Suite$/);
  });

  it('disables the composer when the messaging window is closed', async () => {
    const id = await page.evaluate(() => window.__sim.open()!);
    await page.evaluate((id) => window.__sim.closeWindow(id), id);
    await expect(editor().getAttribute('contenteditable')).resolves.toBe('false');
    await expect(editor().getAttribute('aria-disabled')).resolves.toBe('true');
    await page.evaluate((id) => window.__sim.openWindow(id), id);
    await expect(editor().getAttribute('contenteditable')).resolves.toBe('true');
  });

  it('really moves a conversation to Done from the row action, and logs it', async () => {
    const before = await page.evaluate(() => window.__sim.list().length);
    const row = page.locator('[role="listitem"]').nth(2);
    await row.hover();
    await row.getByRole('button', { name: 'Move to Done' }).click();
    expect(await page.evaluate(() => window.__sim.list().length)).toBe(before - 1);
    expect(await page.evaluate(() => window.__sim.actions().map((a) => a.action))).toEqual(['done']);
  });

  it('speaks French with ?locale=fr_FR', async () => {
    const fr = await browser.openInbox({ layout: '2025-11', locale: 'fr_FR' });
    const id = await fr.evaluate(() => window.__sim.list()[0]!.id);
    await fr.evaluate((id) => window.__sim.agentReply(id, 'Bonjour, je regarde.', 'Léa Moreau'), id);
    await fr.evaluate((id) => window.__sim.openConversation(id), id);
    await expect(fr.locator('[data-lexical-editor="true"]').getAttribute('aria-label')).resolves.toBe('Répondre dans Messenger…');
    await expect(fr.getByText('Envoyé par Léa Moreau').last().isVisible()).resolves.toBe(true);
    await expect(fr.locator('[role="listitem"]').first().textContent()).resolves.toMatch(/\d+ minVous : Bonjour, je regarde\./);
    await expect(fr.getByRole('button', { name: 'Déplacer vers Terminé' }).first().count()).resolves.toBe(1);
    await fr.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, inboxUrl, mutationsOfRefresh, type E2EBrowser } from './harness';

// The simulated inbox's 2026 layout is the fixture the 2026 e2e specs trust:
// these tests pin what it imitates (tests/fixtures/inbox/LAYOUT-2026.md).
let browser: E2EBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.openInbox();
});
afterAll(async () => {
  await browser?.close();
});

const LIST = '[data-pagelet="GenericBizInboxThreadListViewBody"]';
const rows = (p: Page) => p.locator(`${LIST} [role="presentation"]`);
const editor = (p: Page) => p.locator('[data-lexical-editor="true"]');
const tab = (p: Page, key: string) => p.locator(`a[data-surface*="channel_selector:${key}"]`);
const selectedIn = (href: string | null) => new URL(href ?? '', 'https://business.facebook.com').searchParams.get('selected_item_id');
const urlSelection = (p: Page) => new URL(p.url()).searchParams.get('selected_item_id');

/**
 * Records, at every DOM change, the data-message-id of the bubbles holding `text`
 * ('' when none is shown), so short-lived states are seen however loaded the machine is.
 */
async function watchBubble(p: Page, text: string) {
  await p.evaluate((t) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`watch:${t}`] = seen;
    new MutationObserver(() => {
      const ids = [...document.querySelectorAll('[data-message-id]')].filter((el) => el.textContent?.includes(t)).map((el) => el.getAttribute('data-message-id')).join(',');
      if (seen.at(-1) !== ids) seen.push(ids);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, text);
  // From the first paint on (typing changes the DOM before the bubble exists).
  return async () => {
    const seen = await p.evaluate((t) => (window as unknown as Record<string, string[]>)[`watch:${t}`]!.slice(), text);
    return seen.slice(Math.max(0, seen.findIndex((ids) => ids !== '')));
  };
}

describe('the simulated inbox, 2026 layout', () => {
  it('renders presentation rows with thread_row surfaces, no id or href, and an action grid in each', async () => {
    expect(await page.evaluate(() => window.__sim.layout())).toBe('2026');
    const count = await rows(page).count();
    expect(count).toBeGreaterThan(5);
    const first = rows(page).first();
    expect(await first.locator('span[data-surface$="thread_row0"], span[data-surface$="thread_row0:priority"]').count()).toBe(1);
    expect(await first.getAttribute('id')).toBeNull();
    expect(await page.locator(`${LIST} a[href*="selected_item_id"]`).count()).toBe(0);
    expect(await page.locator(`${LIST} [role="grid"] a[role="row"][href="#"] [role="gridcell"][aria-label="Done"]`).count()).toBe(count);
    const name = await page.evaluate(() => window.__sim.list()[0]!.name);
    expect(await first.locator('[data-surface*="thread_title"] > div').textContent()).toBe(name);
    expect(await first.locator('abbr[aria-hidden="true"]').getAttribute('data-utime')).toMatch(/^\d{10}\.\d{3}$/);
    expect(await page.title()).toBe('Meta Business Suite');
  });

  it('re-renders like React: a refresh patches text only, a new message keeps its row and bubbles, kept rows act on their own conversation', async () => {
    const p = await browser.openInbox({ seed: 7 });
    const [first, , third, fourth] = await p.evaluate(() => window.__sim.list().slice(0, 4).map((c) => c.id));
    await p.evaluate((id) => window.__sim.openConversation(id), first!);
    // What the ageing refresh changes: no node added, removed or re-attributed (a token may age: text in place).
    const kinds = await mutationsOfRefresh(p);
    expect(kinds.filter((k) => k !== 'characterData')).toEqual([]);
    const names = await p.evaluate((ids) => ids.map((i) => window.__sim.all().find((c) => c.id === i)!.name), [third!, fourth!]);
    const findRow = (name: string) =>
      p.evaluateHandle((n) => [...document.querySelectorAll(`[data-pagelet="GenericBizInboxThreadListViewBody"] [role="presentation"]`)].find((r) => r.querySelector('[data-surface*="thread_title"]')?.textContent === n) ?? null, name);
    const thirdRow = await findRow(names[0]!);
    const fourthRow = await findRow(names[1]!);
    const bubble = await p.evaluateHandle(() => document.querySelector('[data-message-id]')!);
    // A message in the third conversation moves it to the top: same node, patched and moved.
    await p.evaluate((id) => window.__sim.addCustomerMessage(id, 'Is the blue one back in stock?'), third!);
    expect(await thirdRow.evaluate((r) => r!.isConnected && r!.textContent!.includes('Is the blue one back in stock?'))).toBe(true);
    expect(await thirdRow.evaluate((r) => r!.querySelector('[data-surface*="thread_row"]')!.getAttribute('data-surface'))).toMatch(/thread_row0(:priority)?$/);
    // A message in the open conversation keeps its bubbles.
    await p.evaluate((id) => window.__sim.addCustomerMessage(id, 'One more thing'), first!);
    expect(await bubble.evaluate((b) => b.isConnected)).toBe(true);
    expect(await p.locator('[data-message-id]').last().textContent()).toContain('One more thing');
    // Kept rows' handlers act on their own conversation, after the list moved under them.
    await p.evaluate(() => window.__sim.refresh());
    await fourthRow.asElement()!.hover();
    await fourthRow.asElement()!.$('[role="gridcell"][aria-label="Mark as follow up"]').then((cell) => cell!.click());
    await thirdRow.asElement()!.click({ position: { x: 60, y: 20 } });
    expect(await p.evaluate(() => window.__sim.open())).toBe(third);
    expect(await p.evaluate(() => window.__sim.actions().map(({ action, conversationId }) => ({ action, conversationId })))).toEqual([{ action: 'follow-up', conversationId: fourth }]);
    await p.close();
  });

  it('moves a conversation to Done when its grid row is clicked, flags it from the follow-up cell, and logs both', async () => {
    const [a, b] = await page.evaluate(() => window.__sim.list().slice(2, 4).map((c) => c.id));
    const row = rows(page).nth(2);
    await row.hover();
    await row.locator('[role="gridcell"][aria-label="Mark as follow up"]').click();
    await rows(page).nth(3).hover();
    await rows(page).nth(3).locator('a[role="row"]').click({ position: { x: 2, y: 2 } });
    const log = await page.evaluate(() => window.__sim.actions().map(({ action, conversationId, source }) => ({ action, conversationId, source })));
    expect(log).toEqual([
      { action: 'follow-up', conversationId: a, source: 'grid' },
      { action: 'done', conversationId: b, source: 'grid' },
    ]);
    expect(await page.evaluate((b) => window.__sim.list().some((c) => c.id === b), b)).toBe(false);
    expect(await page.evaluate((b) => window.__sim.all().find((c) => c.id === b)!.done, b)).toBe(true);
  });

  it('opens Instagram without touching the URL; the channel tabs carry the selection', async () => {
    const ig = await page.evaluate(() => window.__sim.list().find((c) => c.platform === 'instagram_direct')!);
    expect(ig.id).toMatch(/^\d{39}$/);
    await rows(page).filter({ hasText: ig.name }).locator('[data-surface*="thread_title"] > div').click();
    await expect.poll(() => page.evaluate(() => window.__sim.open())).toBe(ig.id);
    expect(urlSelection(page)).toBeNull();
    expect(selectedIn(await tab(page, 'all').getAttribute('href'))).toBe(ig.id);
    const igHref = await tab(page, 'instagram_direct').getAttribute('href');
    expect(selectedIn(igHref)).toBe(ig.id);
    expect(igHref).toContain('thread_type=IG_MESSAGE');
    expect(await tab(page, 'all').getAttribute('aria-current')).toBe('page');
    expect(await tab(page, 'messenger').getAttribute('aria-current')).toBeNull();
    await expect(page.locator('[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"] [style*="-webkit-line-clamp: 1"]').textContent()).resolves.toBe(ig.name);
    await expect(editor(page).getAttribute('aria-placeholder')).resolves.toBe('Reply in Instagram…');
    expect(await editor(page).getAttribute('aria-label')).toBeNull();
  });

  it('drops selected_item_id from the URL after a Messenger open when told to, and keeps it otherwise', async () => {
    const ids = await page.evaluate(() => window.__sim.list().filter((c) => c.platform === 'messenger').slice(0, 2).map((c) => c.id));
    await page.evaluate(() => window.__sim.setUrlDrops('always'));
    await page.evaluate((id) => window.__sim.openConversation(id), ids[0]!);
    expect(urlSelection(page)).toBe(ids[0]);
    await expect.poll(() => urlSelection(page), { timeout: 3000 }).toBeNull();
    expect(await page.evaluate(() => window.__sim.open())).toBe(ids[0]);
    expect(selectedIn(await tab(page, 'messenger').getAttribute('href'))).toBe(ids[0]);

    await page.evaluate(() => window.__sim.setUrlDrops('never'));
    await page.evaluate((id) => window.__sim.openConversation(id), ids[1]!);
    await page.waitForTimeout(800);
    expect(urlSelection(page)).toBe(ids[1]);
    await page.evaluate(() => window.__sim.setUrlDrops('seeded'));
  });

  it('has no Send button; Enter paints a pending bubble that gets its mid and label; each send is recorded once', async () => {
    const id = await page.evaluate(() => window.__sim.open()!);
    const states = await watchBubble(page, 'Hello, let me check.');
    await editor(page).click();
    await page.keyboard.type('Hello, let me check.');
    expect(await page.locator('[role="button"][aria-label="Send"]').count()).toBe(0);
    expect(await page.locator('[role="button"][aria-label="Send a like"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    const mine = page.locator('[data-message-id]', { hasText: 'Hello, let me check.' });
    await expect.poll(() => mine.getAttribute('data-message-id'), { timeout: 5000 }).toMatch(/^mid\.\$/);
    const seen = await states();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^pending\.\d+$/);
    expect(seen[1]).toBe(await mine.getAttribute('data-message-id'));
    const sent = await page.evaluate(() => window.__sim.sentMessages());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: id, text: 'Hello, let me check.', agent: 'Marie Dupont', messageId: seen[1] });
    const label = page.locator('[role="region"][aria-label="Message list container"] div:has(> a[href="#"])').last();
    expect(await label.textContent()).toBe('Sent by Marie Dupont');
    expect(await label.locator('a').textContent()).toBe('Marie Dupont');
    const truth = await page.evaluate(() => window.__sim.truth());
    expect(truth.filter((m) => m.messageId === sent[0]!.messageId)).toEqual([expect.objectContaining({ conversationId: id, side: 'page', agent: 'Marie Dupont', text: 'Hello, let me check.' })]);
  });

  it('a flaky send vanishes and comes back once, with the same text and its final id', async () => {
    const states = await watchBubble(page, 'Back in a moment');
    await page.evaluate(() => window.__sim.flakyNextSend());
    await editor(page).click();
    await page.keyboard.type('Back in a moment');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await states()).at(-1) ?? '', { timeout: 5000 }).toMatch(/^mid\.\$/);
    const seen = await states();
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatch(/^pending\.\d+$/);
    expect(seen[1]).toBe('');
    expect(await page.evaluate(() => window.__sim.sentMessages().filter((s) => s.text === 'Back in a moment').map((s) => s.messageId))).toEqual([seen[2]]);
  });

  it('shows attachments, reactions, unsent messages, Meta AI and system rows, and a bare clock for a later gap the same day', async () => {
    const id = await page.evaluate(() => window.__sim.addCustomerMessage('new', 'Hi, is the lamp in stock?', { ageMinutes: 40 }));
    await page.evaluate((id) => {
      window.__sim.openConversation(id);
      window.__sim.metaAiReply(id, 'Yes, it is!');
      window.__sim.systemEvent(id, 'improve-ai');
      window.__sim.customerAttachment(id, 'photo');
      window.__sim.react(id, '🤍');
    }, id);
    const thread = page.locator('[role="region"][aria-label="Message list container"]');
    await expect(thread.locator('img[alt="Attachment"]').count()).resolves.toBe(1);
    await expect(thread.locator('span[aria-label="Reaction 🤍"]').count()).resolves.toBe(1);
    await expect(thread.getByText('Improve AI response').count()).resolves.toBe(1);
    expect(await thread.locator('div:has(> a[href="#"])').last().textContent()).toBe('Sent by Meta AI');
    // The first message was 40 minutes ago: the next run gets a bare clock if that was the same day, else a full date.
    const { last, sameDay } = await thread.evaluate((el) => {
      const separators = [...el.children].filter((c) => !c.hasAttribute('data-message-id') && /\d:\d\d/.test(c.textContent ?? '') && c.children.length === 0);
      return { last: separators.at(-1)?.textContent ?? '', sameDay: new Date(Date.now() - 40 * 60_000).toDateString() === new Date().toDateString() };
    });
    expect(last).toMatch(sameDay ? /^\d{1,2}:\d\d (AM|PM)$/ : /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d (AM|PM)$/);
    const row = rows(page).filter({ has: page.locator(`[data-surface*="thread_title"] > div`, { hasText: await page.evaluate((id) => window.__sim.list().find((c) => c.id === id)!.name, id) }) });
    await expect(row.textContent()).resolves.toContain('reacted 🤍 to your message');
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'oops'), id);
    await page.evaluate((id) => window.__sim.unsend(id), id);
    await expect(row.textContent()).resolves.toMatch(/unsent a message/);
    const truth = await page.evaluate((id) => window.__sim.truth().filter((m) => m.conversationId === id), id);
    expect(truth.map((m) => [m.side, m.kind, m.agent, m.unsent ?? false])).toEqual([
      ['customer', 'text', null, false],
      ['page', 'text', 'Meta AI', false],
      ['customer', 'attachment', null, false],
      ['customer', 'text', null, true],
    ]);
  });

  it('reaches the inbox from Home with the "Go to inbox" link, without a reload; the Comments tab has its own list', async () => {
    const home = await browser.openPage(inboxUrl({ path: '/latest/home', locale: 'fr_FR' }));
    await home.waitForFunction(() => '__sim' in window);
    await home.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
    await home.getByRole('link', { name: 'Accéder à la boîte de réception' }).click();
    await home.locator(LIST).waitFor();
    expect(new URL(home.url()).pathname).toBe('/latest/inbox/all');
    expect(await home.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    await tab(home, 'facebook').click();
    await home.locator('[data-pagelet="BizP13NInboxCommentListView"] [role="presentation"]').first().waitFor();
    const comment = await home.evaluate(() => window.__sim.list()[0]!);
    expect(comment.platform).toBe('comment');
    await home.evaluate((id) => window.__sim.openConversation(id), comment.id);
    await expect(editor(home).getAttribute('aria-placeholder')).resolves.toBe('Répondre en tant que Atelier Lumen…');
    await expect(home.locator('[role="region"]').first().getAttribute('aria-label')).resolves.toBe('Conteneur de la liste des messages');
    expect(await home.locator('[role="gridcell"][aria-label="Terminé"]').count()).toBeGreaterThan(0);
    await home.close();
  });

  it('is deterministic for a seed: same ids, names, channels and message ids', async () => {
    const read = (p: Page) => p.evaluate(() => window.__sim.truth().map((m) => [m.conversationId, m.platform, m.messageId, m.side]));
    const a = await browser.openInbox({ seed: 4 });
    const b = await browser.openInbox({ seed: 4 });
    expect(await read(a)).toEqual(await read(b));
    expect(await a.evaluate(() => window.__sim.list().slice(1, 3).map((c) => c.platform))).toEqual(['instagram_direct', 'whatsapp']);
    await a.close();
    await b.close();
  });
});

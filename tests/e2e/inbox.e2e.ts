import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launch, type E2EBrowser } from './harness';

/**
 * The inbox adapter inside the built extension, on the simulated inbox.
 * Events are read where they are produced: the content script's isolated
 * world keeps its last events in `__inboxPilotDebug` (utils/inbox/live.ts),
 * a global the page cannot see; the spec reaches it through the DevTools
 * protocol, as an engineer would from DevTools' context picker.
 */
let browser: E2EBrowser;
const AGENT = 'Marie';

interface DebugEvent {
  kind: string;
  id: string;
  conversation: string;
  customerName: string | null;
  precision?: string;
  via?: string;
  /** A thread just opened reports the answer it shows as a history marker (closes waits, times nothing). */
  history?: boolean;
  agent?: string | null;
}

beforeAll(async () => {
  browser = await launch();
  // The agent using this browser, as the options page would save it.
  await browser.setStorage({ 'settings.general': { agentName: AGENT, companyNames: [], targetMinutes: 5, goalPercent: 90, language: 'auto' } });
});
afterAll(async () => {
  await browser?.removeStorage(['settings.general']);
  await browser?.close();
});

/** Evaluates in the extension's isolated world of `page`. */
async function isolated(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${browser.extensionId}`;
  const find = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin);
  for (let i = 0; i < 50 && !find(); i++) await page.waitForTimeout(100);
  const contextId = find()!.id;
  return async <T>(expression: string): Promise<T> => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value as T;
  };
}

async function openThread(page: Page) {
  const id = await page.evaluate(() => window.__sim.list()[0]!.id);
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  return id;
}

async function setup() {
  const page = await browser.openInbox({ layout: '2025-11', me: 'Marie Dupont' });
  const evalIn = await isolated(page);
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && !(await evalIn<boolean>('!!globalThis.__inboxPilotDebug')); i++) await page.waitForTimeout(100);
  const events = () => evalIn<DebugEvent[]>('globalThis.__inboxPilotDebug.events()');
  const waitFor = async (pred: (e: DebugEvent[]) => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const list = await events();
      if (pred(list)) return list;
      await page.waitForTimeout(100);
    }
    return events();
  };
  return { page, evalIn, events, waitFor };
}

describe('inbox adapter in Chromium', () => {
  it('messages arriving produce customer-message events (open thread and list)', async () => {
    const { page, events, waitFor } = await setup();
    const id = await openThread(page);
    await waitFor((l) => l.some((e) => e.kind === 'conversation-opened' && e.conversation === id));
    await page.waitForTimeout(1600); // the thread's own history settles
    await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Is it possible to change the address?'), id);
    const other = await page.evaluate(() => window.__sim.list().find((c) => c.id !== window.__sim.open())!);
    await page.evaluate((o) => window.__sim.addCustomerMessage(o.id, 'Hello, any news about my order?'), other);
    const list = await waitFor((l) => l.filter((e) => e.kind === 'customer-message' && e.precision === 'exact').length >= 2);
    const exact = list.filter((e) => e.kind === 'customer-message' && e.precision === 'exact');
    expect(exact.map((e) => e.customerName).sort()).toEqual([other.name, await page.evaluate(() => window.__sim.list().find((c) => c.id === window.__sim.open())!.name)].sort());
    expect(exact.find((e) => e.conversation === id)).toBeTruthy();
    // Nothing more arrives on its own (speed=off): no duplicate after re-renders.
    await page.evaluate(() => window.__sim.burst(200));
    await page.waitForTimeout(500);
    expect((await events()).filter((e) => e.kind === 'customer-message' && e.precision === 'exact')).toHaveLength(2);
    await page.close();
  });

  it('typing and Enter give exactly one reply, with the configured agent; another agent is attributed to them', async () => {
    const { page, events, waitFor } = await setup();
    const id = await openThread(page);
    // Opening a thread whose Page answered before reports that answer as a history marker (no response timed): not a reply.
    await page.waitForTimeout(1600);
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('Yes, we can change it today.');
    await page.keyboard.press('Enter');
    await waitFor((l) => l.some((e) => e.kind === 'reply-sent' && !e.history));
    await page.waitForTimeout(3500); // past the wait for a bubble: still one
    const replies = (await events()).filter((e) => e.kind === 'reply-sent' && !e.history);
    expect(replies).toEqual([expect.objectContaining({ via: 'this-browser', agent: AGENT, conversation: id })]);
    expect(await page.evaluate(() => window.__sim.sentMessages().length)).toBe(1);

    await page.evaluate((id) => window.__sim.agentReply(id, 'I have updated it.', 'Paul Girard'), id);
    const after = await waitFor((l) => l.filter((e) => e.kind === 'reply-sent' && !e.history).length >= 2);
    expect(after.filter((e) => e.kind === 'reply-sent' && !e.history).at(-1)).toMatchObject({ via: 'observed', agent: 'Paul Girard', conversation: id });
    await page.close();
  });

  it('inserting text through the adapter leaves exactly that text in the composer, and never sends', async () => {
    const { page, evalIn } = await setup();
    const id = await openThread(page);
    const text = 'Bonjour Léa,\nvotre colis part demain. Marie';
    const result = await evalIn<{ ok: boolean; method?: string }>(
      `globalThis.__inboxPilotDebug.insertText(${JSON.stringify(text)}, { conversation: ${JSON.stringify(id)} })`,
    );
    // The first method, a beforeinput from the isolated world, is accepted by the Lexical-like editor.
    expect(result).toEqual({ ok: true, method: 'beforeinput' });
    expect(await page.evaluate(() => window.__sim.composerText())).toBe(text);
    const replaced = await evalIn<{ ok: boolean }>(`globalThis.__inboxPilotDebug.insertText('Short', { replaceAll: true })`);
    expect(replaced.ok).toBe(true);
    expect(await page.evaluate(() => window.__sim.composerText())).toBe('Short');
    const wrong = await evalIn<{ ok: boolean; reason?: string }>(`globalThis.__inboxPilotDebug.insertText('x', { conversation: 'other' })`);
    expect(wrong).toEqual({ ok: false, reason: 'wrong-conversation' });
    expect(await page.evaluate(() => window.__sim.sentMessages())).toEqual([]);
    await page.close();
  });
});

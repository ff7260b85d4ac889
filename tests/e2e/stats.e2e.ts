import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, PAGE_ID, type E2EBrowser } from './harness';
import { UNKNOWN_AGENT_CELL } from '../../utils/stats/csv';
import { storedResponses, waitForResponses } from './stats-support';

// Stats end to end: the adapter's events reach the background through the
// content-side sender, are paired and stored in IndexedDB, and the popup and
// its CSV show them. One browser for the file; each test uses its own conversations.
let browser: E2EBrowser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The sim's conversation ids in their initial order. Every tab starts from
 * the same seeded inbox while the stats database lives on, so each test uses
 * its own positions of this list.
 */
async function conversationIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__sim.list().map((c) => c.id));
}

/** Opens a conversation and waits until the adapter treats new bubbles as live, not as history still rendering. */
async function openConversation(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => window.__sim.openConversation(id), id);
  await page.locator('[data-lexical-editor="true"]').waitFor();
  await page.waitForTimeout(2000);
}

/** A customer message then, a moment later, a reply from `agent` in the open conversation. */
async function exchange(page: Page, id: string, agent: string, waitMs = 1200) {
  await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Bonjour, ma commande est-elle partie ?'), id);
  await page.waitForTimeout(waitMs);
  await page.evaluate(([id, agent]) => window.__sim.agentReply(id!, 'Oui, elle est partie ce matin.', agent!), [id, agent]);
}

describe('stats end to end', () => {
  it('replies in the simulated inbox appear in the popup table', async () => {
    const inbox = await browser.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    const id = (await conversationIds(inbox))[0]!;
    await openConversation(inbox, id);
    await exchange(inbox, id, 'Paul Girard');

    const popup = await browser.openPopup();
    const stored = await waitForResponses(popup, [id], 1);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ pageId: PAGE_ID, conversation: id, agent: 'Paul Girard' });
    expect(stored[0]!.responseSeconds).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(stored)).not.toContain('commande'); // no message text at rest

    await popup.reload();
    const row = popup.locator('[data-testid="stats-table"] tbody tr[data-agent="Paul Girard"]');
    await row.waitFor();
    await expect(row.locator('[data-col="responses"]').textContent()).resolves.toBe('1');
    await inbox.close();
    await popup.close();
  });

  it('pairs a message that arrived while the conversation was closed with the reply given after opening it', async () => {
    const inbox = await browser.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    const id = (await conversationIds(inbox))[6]!;
    await inbox.waitForTimeout(1000);
    // Seen in the list only (the adapter keys it by row), then answered in the thread (keyed by id).
    await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Il y a quelqu’un ?'), id);
    await inbox.waitForTimeout(1500);
    await openConversation(inbox, id);
    await inbox.evaluate((id) => window.__sim.agentReply(id, 'Oui, bonjour !', 'Léa Martin'), id);
    const popup = await browser.openPopup();
    const [stored] = await waitForResponses(popup, [id], 1);
    expect(stored).toMatchObject({ conversation: id, agent: 'Léa Martin' });
    expect(stored!.responseSeconds).toBeGreaterThanOrEqual(3);
    await inbox.close();
    await popup.close();
  });

  it('loses no response when the service worker is stopped while events flow', async () => {
    const inbox = await browser.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    const popup = await browser.openPopup();
    const cdp = await browser.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    const ids = (await conversationIds(inbox)).slice(1, 5);
    // Stop the worker every few milliseconds while the exchanges happen, so batches die in flight
    // (before, during or after their transaction) and the sender has to keep and resend them. Only a
    // running worker is stopped, never one still starting: Chromium 150 stopped mid-start often stays
    // deaf to every later extension message ("stopped", and still deaf after DevTools starts it again),
    // which no extension can mend (stop 30: 5 of 6 runs of this test on one evening, the landed tree's too;
    // 0 of 5 with this guard, the worker stopped 27 or 28 times a run).
    let stopping = true;
    let running = true;
    let stops = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) running = v.runningStatus === 'running';
    });
    const stopper = (async () => {
      while (stopping) {
        if (running) {
          stops++;
          await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
        }
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    // Every write of the tab's durable outbox, recorded as it happens: sampling it at fixed moments
    // sees it empty whenever the worker happened to be up and acknowledged quickly.
    await popup.evaluate(() => {
      type Changes = Record<string, { newValue?: unknown }>;
      const g = globalThis as unknown as { __outboxWrites: string[]; chrome: { storage: { onChanged: { addListener(l: (c: Changes, area: string) => void): void } } } };
      g.__outboxWrites = [];
      g.chrome.storage.onChanged.addListener((changes, area) => {
        for (const [key, change] of Object.entries(changes)) {
          if (area === 'local' && key.startsWith('stats.outbox.') && change.newValue) g.__outboxWrites.push(JSON.stringify(change.newValue));
        }
      });
    });
    for (const id of ids) {
      await openConversation(inbox, id);
      await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Vous êtes ouverts demain ?'), id);
      await inbox.waitForTimeout(400);
      await inbox.evaluate((id) => window.__sim.agentReply(id, 'Oui, de 9 h à 18 h.', 'Paul Girard'), id);
      await inbox.waitForTimeout(600); // spreads the batches over the stops (the adapter needs no wait: see the next test)
    }
    stopping = false;
    await stopper;
    expect(stops).toBeGreaterThan(4); // the worker really died in flight, several times
    // Unacknowledged events waited in the tab's durable outbox (no message text, no customer name there).
    const writes = await popup.evaluate(() => (globalThis as unknown as { __outboxWrites: string[] }).__outboxWrites);
    expect(writes.some((w) => (JSON.parse(w) as { events: unknown[] }).events.length > 0)).toBe(true);
    expect(writes.join('\n')).not.toMatch(/ouverts|9 h|customerName":"[^"]/);
    const stored = await waitForResponses(popup, ids, 4, 40_000);
    expect(stored.map((r) => r.conversation).sort()).toEqual([...ids].sort());
    await cdp.detach();
    await inbox.close();
    await popup.close();
  });

  it('records replies whose conversation is left the moment they are sent', async () => {
    // Agents reply and move on at once: the adapter may never read the page while the bubble is on screen.
    const inbox = await browser.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    const [mine, colleague, next] = (await conversationIds(inbox)).slice(7, 10) as [string, string, string];
    await openConversation(inbox, mine);
    await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Vous livrez le samedi ?'), mine);
    await inbox.waitForTimeout(1200);
    await inbox.locator('[data-lexical-editor="true"]').click();
    await inbox.keyboard.type('Oui, le samedi matin.');
    await inbox.keyboard.press('Enter');
    await inbox.evaluate((id) => window.__sim.openConversation(id), colleague); // sent here, then straight to the next one
    await inbox.waitForTimeout(2000); // the opened thread settles (its history is not live)
    await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Et le dimanche ?'), colleague);
    await inbox.waitForTimeout(1200);
    // A colleague's reply, and another conversation opened in the same task: no read of the page in between.
    await inbox.evaluate(([id, to]) => {
      window.__sim.agentReply(id, 'Fermé le dimanche.', 'Paul Girard');
      window.__sim.openConversation(to);
    }, [colleague, next] as const);

    const popup = await browser.openPopup();
    const stored = await waitForResponses(popup, [mine, colleague], 2);
    expect(stored.map((r) => `${r.conversation}:${r.source}`).sort()).toEqual([`${mine}:this-browser`, `${colleague}:observed`].sort());
    await inbox.close();
    await popup.close();
  });

  it('two inbox tabs record each response once', async () => {
    const a = await browser.openInbox({ layout: '2025-11' });
    const b = await browser.openInbox({ layout: '2025-11' });
    await sidebar(a).waitFor();
    await sidebar(b).waitFor();
    // Same seed, same conversations: both tabs see the same happenings, as two tabs on Meta's inbox do.
    const id = (await conversationIds(a))[5]!;
    expect((await conversationIds(b))[5]).toBe(id);
    await openConversation(a, id);
    await openConversation(b, id);
    for (const page of [a, b]) await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Bonjour !'), id);
    await a.waitForTimeout(1000);
    for (const page of [a, b]) await page.evaluate((id) => window.__sim.agentReply(id, 'Bonjour, que puis-je pour vous ?', 'Léa Martin'), id);

    const popup = await browser.openPopup();
    await waitForResponses(popup, [id], 1);
    await popup.waitForTimeout(2000); // time for the second tab's events to arrive (and be ignored)
    const stored = (await storedResponses(popup)).filter((r) => r.conversation === id);
    expect(stored).toHaveLength(1);
    await a.close();
    await b.close();
    await popup.close();
  });

  it('the summary CSV download matches the table', async () => {
    const popup = await browser.openPopup();
    await popup.locator('[data-testid="stats-table"]').waitFor();
    const table = (
      await popup.locator('[data-testid="stats-table"] tbody tr').evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-agent'), r.querySelector('[data-col="responses"]')!.textContent]),
      )
    ).map(([agent, n]) => [agent === '' ? UNKNOWN_AGENT_CELL : agent, n]); // the CSV names the unknown agent (no `Sent by` seen)
    const total = await popup.locator('[data-testid="stats-table"] tfoot [data-col="responses"]').textContent();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-summary').click()]);
    expect(download.suggestedFilename()).toMatch(/^stats-\d{4}-W\d{2}-summary\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFweek,agent,responses,')).toBe(true);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const week = download.suggestedFilename().slice(6, 14);
    expect(lines.slice(0, -1).map((c) => [c[1], c[2]]).sort()).toEqual([...table].sort());
    expect(lines.at(-1)!.slice(0, 3)).toEqual([week, '', total]);

    const [detail] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-detail').click()]);
    const rows = (await readFile((await detail.path())!, 'utf8')).trim().split('\r\n').slice(1);
    expect(String(rows.length)).toBe(total);
    await popup.close();
  });

  it('raised no uncaught error anywhere', async () => {
    expect(await browser.allErrors()).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS, variantScript } from '../fixtures/variants/index.mjs';
import { evaluateInSidebar, launch, sidebar, sidebarShadow, type E2EBrowser } from './harness';
import { openWatchedInbox, sendWithComposer, waitForFeatures } from './reliability-support';

/**
 * Layout variants (tests/fixtures/variants): on every mutated inbox page the
 * extension raises no uncaught error in any world, the sidebar still renders
 * (with the layout notice where the page cannot be read), no feature crashes,
 * and Meta's own composer still sends exactly what the agent typed.
 */
let browser: E2EBrowser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout variants', () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: no error, degraded not broken, composer still sends', async (_name, variant) => {
    const { page, problems } = await openWatchedInbox(browser, { layout: '2025-11', seed: '3', ...variant.params }, [variantScript(variant.name)]);
    try {
      const id = await page.evaluate(() => window.__sim.list()[0]!.id);
      await page.evaluate((id) => window.__sim.openConversation(id), id);
      await sidebar(page).waitFor({ state: 'visible' });
      await waitForFeatures(page);

      // Live traffic on the mutated page: a customer writes, including a very long message.
      await page.evaluate((id) => {
        window.__sim.addCustomerMessage(id, 'Bonjour, where is my parcel?');
        window.__sim.addCustomerMessage('new', `${'x'.repeat(10_000)} hello`);
      }, id);
      await page.waitForTimeout(1500);

      const notice = sidebarShadow(page).locator('[data-testid="layout-notice"]');
      if (variant.notice === 'required') await notice.waitFor({ state: 'visible', timeout: 5_000 });
      else if (!(await notice.isVisible())) {
        // No notice means the extension claims it reads this page: then it must tell the truth,
        // i.e. the conversation where the customer just wrote is waiting for a reply.
        const timerNames = async () =>
          (await evaluateInSidebar(page, (root) => [...(root?.querySelectorAll('[data-testid="timer-name"]') ?? [])].map((e) => e.textContent ?? ''))) ?? [];
        if (variant.name === 'rows-without-names') {
          await expect.poll(async () => (await timerNames()).length).toBeGreaterThan(0);
        } else {
          const name = await page.evaluate((id) => window.__sim.list().find((c) => c.id === id)!.name, id);
          await expect.poll(timerNames).toContain(name);
        }
      }

      // Meta's behaviour is unchanged: the agent's reply goes out as typed, and the extension clicked nothing of Meta's.
      const text = `Variant ${variant.name}: your parcel leaves today.`;
      const sent = await sendWithComposer(page, text);
      expect(sent).toMatchObject({ conversationId: id, text });
      expect(await page.evaluate(() => window.__sim.actions())).toEqual([]);
      // ...nor moved the agent elsewhere, and left the composer as Meta empties it after a send.
      expect(new URL(page.url()).searchParams.get('selected_item_id')).toBe(id);
      expect(await page.evaluate(() => window.__sim.composerText())).toBe('');

      // No feature crashed (a crashed feature shows .ip-notice--error in its section).
      const crashed = await evaluateInSidebar(page, (root) =>
        [...(root?.querySelectorAll('section.ip-section') ?? [])].filter((s) => s.querySelector('.ip-notice--error')).map((s) => s.getAttribute('data-feature')),
      );
      expect(crashed).toEqual([]);

      expect(await page.evaluate(() => (window as unknown as { __variantError?: string }).__variantError ?? null)).toBeNull();
      const serious = problems.filter((p) => p.kind !== 'console.warn' || (p.world === 'extension' && /could not start/.test(p.text)));
      expect(serious).toEqual([]);
      expect((await browser.allErrors()).filter((e) => e.where.includes('latest/inbox'))).toEqual([]);
      console.info(`[variant ${variant.name}] layout notice shown: ${await notice.isVisible()}`);
    } finally {
      await page.close();
    }
  });
});

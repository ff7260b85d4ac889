import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrelude } from '../fixtures/variants/index.mjs';
import { evaluateInSidebar, launch, sidebar, type E2EBrowser } from './harness';
import { openWatchedInbox, sendWithComposer, waitForFeatures } from './reliability-support';

/**
 * Hostile content: customer names and messages holding HTML, script, RTL
 * marks, zero-width characters, a 10,000-character word and emoji. The sim
 * shows them as text (like Meta); the sidebar must show them as text too:
 * nothing runs, no element is made from them, and the name reads exactly as
 * the page shows it.
 */
const HOSTILE_NAMES = [
  `<img src=x onerror="window.__pwned='img'">Zoé <b>Martin</b>`,
  `<script>window.__pwned='script'</script>Léa`,
  `\u202Eevil\u202C Ahmed \u0623\u062D\u0645\u062F\u200F Ali`,
  `Jo\u200Bhn\u200C Do\u200De\u2060 Smith`,
  `Z${'a'.repeat(9_998)}z`,
  `👩‍👩‍👧‍👦 Zoë 🇫🇷 🎉`,
];
const HOSTILE_MESSAGES = [
  `<img src=x onerror="window.__pwned='msg-img'"> where is my order?`,
  `<script>window.__pwned='msg-script'</script> hello`,
  `\u202Bمرحبا\u202C order \u200F#123`,
  `zero\u200Bwidth\u200D message`,
  `${'W'.repeat(10_000)}`,
  `=HYPERLINK("https://evil.example","click") 🎉👍🏽`,
];

// The sim draws names from a seed; this main-world script shows chosen names instead
// wherever the page shows a conversation's name (row title, avatar alt, thread header),
// from the first render on, so the extension only ever sees the hostile names.
const renameScript = (names: Record<string, string>) =>
  withPrelude(`
const names = ${JSON.stringify(names)};
const has = (k) => Object.prototype.hasOwnProperty.call(names, k);
keepApplied((doc) => {
  const main = doc.querySelector('[role="main"]');
  if (!main) return;
  rewriteText(main, (text) => (has(text) ? names[text] : text));
  for (const img of main.querySelectorAll('img[alt]')) {
    const alt = img.getAttribute('alt');
    if (has(alt)) setAttr(img, 'alt', names[alt]);
  }
});`);

const SIM = { layout: '2025-11', conversations: '6', seed: '5' } as const;

let browser: E2EBrowser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile content', () => {
  it('is shown inert and intact in the sidebar', async () => {
    // The sim's names for these params, then the same page with every name made hostile.
    const probe = await browser.openInbox(SIM);
    const simNames = await probe.evaluate(() => window.__sim.list().map((c) => c.name));
    await probe.close();
    expect(simNames).toHaveLength(HOSTILE_NAMES.length);
    const mapping = Object.fromEntries(simNames.map((n, i) => [n, HOSTILE_NAMES[i]!]));

    const { page, problems } = await openWatchedInbox(browser, SIM, [renameScript(mapping)]);
    try {
      await sidebar(page).waitFor({ state: 'visible' });
      await waitForFeatures(page);
      // Each customer writes a hostile message, so every conversation waits for a reply.
      await page.evaluate((messages) => {
        window.__sim.list().forEach((c, i) => window.__sim.addCustomerMessage(c.id, messages[i]!));
      }, HOSTILE_MESSAGES);
      // Open one of them so the thread (and the open-conversation features) see hostile text too.
      await page.evaluate(() => window.__sim.openConversation(window.__sim.list()[0]!.id));
      await page.waitForTimeout(1500);

      const shown = await evaluateInSidebar(page, (root) => {
        if (!root) return null;
        const all = [...root.querySelectorAll('*')];
        return {
          names: [...root.querySelectorAll('[data-testid="timer-name"]')].map((e) => e.textContent ?? ''),
          titles: [...root.querySelectorAll('[data-testid="timer-name"]')].map((e) => e.getAttribute('title') ?? ''),
          rowHeights: [...root.querySelectorAll('[data-testid="timer-row"]')].map((e) => e.getBoundingClientRect().height),
          scripts: root.querySelectorAll('script, iframe, object, embed').length,
          handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.tagName),
          injectedImages: root.querySelectorAll('img[src="x"]').length,
          injectedBold: [...root.querySelectorAll('b')].filter((b) => b.textContent === 'Martin').length,
        };
      });
      if (!shown) throw new Error('the sidebar is not there');
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
      for (const name of HOSTILE_NAMES) expect(shown.names, `name shown intact: ${name.slice(0, 40)}`).toContain(name);
      // Long names are cut to one line with an ellipsis (a 10,000-character name once made a 15,196 px row); the full name is on hover.
      for (const name of HOSTILE_NAMES) expect(shown.titles, `full name on hover: ${name.slice(0, 40)}`).toContain(name);
      expect(shown.rowHeights.length).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
      expect(Math.max(...shown.rowHeights)).toBeLessThan(80);
      expect(shown.scripts).toBe(0);
      expect(shown.handlers).toEqual([]);
      expect(shown.injectedImages).toBe(0);
      expect(shown.injectedBold).toBe(0);
      expect(pwned).toBeNull();

      // The page still works with all that text around.
      const sent = await sendWithComposer(page, 'Merci ! 🎉 <b>not bold</b>');
      expect(sent.text).toBe('Merci ! 🎉 <b>not bold</b>');
      expect(problems.filter((p) => p.kind !== 'console.warn')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('hostile agent labels ("Sent by …") reach the stats popup inert and intact', async () => {
    const AGENTS = [`<img src=x onerror="window.__pwned='agent'">Léa`, `<script>window.__pwned='agent2'</script>Paul`, `\u202EZoé\u202C 🎉 Jo\u200Bhn`];
    const page = await browser.openInbox({ layout: '2025-11', conversations: '6', seed: '9' });
    await sidebar(page).waitFor({ state: 'visible' });
    const ids = await page.evaluate(() => window.__sim.list().map((c) => c.id));
    for (const [i, agent] of AGENTS.entries()) {
      // Open the conversation so the thread (and its "Sent by" label) is on screen, as an agent would,
      // and give the adapter time to take what is already there as history (as tests/e2e/stats.e2e.ts does).
      await page.evaluate((id) => window.__sim.openConversation(id), ids[i]!);
      await page.locator('[data-lexical-editor="true"]').waitFor();
      await page.waitForTimeout(2000);
      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Bonjour, une question ?'), ids[i]!);
      await page.waitForTimeout(1200);
      await page.evaluate(({ id, agent }) => window.__sim.agentReply(id, 'Bien sûr, je regarde.', agent), { id: ids[i]!, agent });
      await page.waitForTimeout(800);
    }
    await page.waitForTimeout(1500); // the stats sender batches events to the background

    const popup = await browser.openPopup();
    await popup.locator('#app > *').first().waitFor();
    await expect
      .poll(() => popup.evaluate(() => document.body.textContent ?? ''), { timeout: 10_000 })
      .toContain(AGENTS[0]!.slice(-3));
    const shown = await popup.evaluate(() => ({
      text: document.body.textContent ?? '',
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      injected: document.querySelectorAll('img[src="x"], body script').length,
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    }));
    for (const agent of AGENTS) expect(shown.text, `agent label intact: ${agent}`).toContain(agent);
    expect(shown.handlers).toBe(0);
    expect(shown.injected).toBe(0);
    expect(shown.pwned).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    await Promise.all([page.close(), popup.close()]);
  });
});

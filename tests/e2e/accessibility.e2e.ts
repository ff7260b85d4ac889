import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launch, sidebar, type E2EBrowser } from './harness';
import { axeSidebar, seriousOnes, type AxeViolation } from './axe';

/**
 * axe-core: 0 serious or critical violations on the sidebar (inside its shadow
 * root, see axe.ts), the popup and the options page, in English and French,
 * light and dark. Plus what axe cannot judge: keyboard use with visible focus,
 * and the polite announcement of timer states.
 */
let browser: E2EBrowser;
const LANGUAGES = ['en', 'fr'] as const;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function useLanguage(language: 'en' | 'fr') {
  await browser.setStorage({
    'settings.general': { agentName: 'Léa', companyNames: ['Atelier Lumen'], targetMinutes: 5, goalPercent: 90, language },
  });
}

const show = (violations: AxeViolation[]) => violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');

async function pageViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
}

describe('accessibility (axe-core)', () => {
  for (const language of LANGUAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the sidebar, ${language}, ${scheme}`, async () => {
        await useLanguage(language);
        const page = await browser.openInbox(language === 'fr' ? { locale: 'fr_FR' } : {});
        await page.emulateMedia({ colorScheme: scheme });
        await sidebar(page).locator('[data-testid="timers-count"]').waitFor();
        const opened = await page.evaluate(() => {
          const waiting = window.__sim.list().find((c) => c.lastFrom === 'customer');
          return waiting ? window.__sim.openConversation(waiting.id) : false;
        });
        expect(opened).toBe(true);
        await sidebar(page).locator('[data-testid="shortcuts"]').waitFor();
        await expect.poll(() => sidebar(page).getAttribute('data-theme')).toBe(scheme);
        const violations = seriousOnes(await axeSidebar(page));
        expect(violations, show(violations)).toEqual([]);
        await page.close();
      });
    }

    it(`the timers' messaging-window texts fit their two-line boxes, nothing cut, ${language}`, async () => {
      await useLanguage(language);
      const page = await browser.openInbox(language === 'fr' ? { locale: 'fr_FR' } : {});
      await sidebar(page).locator('[data-testid="timers-count"]').waitFor();
      // A conversation 25 h old on WhatsApp (closed: templates only), opened so the page tells its channel;
      // the sim's own conversations older than a day show the human-agent time left.
      const id = await page.evaluate(() => {
        for (let i = 0; i < 40; i++) {
          const made = window.__sim.addCustomerMessage('new', 'Is my order on its way?', { ageMinutes: 25 * 60 });
          if (window.__sim.all().find((c) => c.id === made)?.platform === 'whatsapp') return made;
        }
        return null;
      });
      expect(id).not.toBeNull();
      await page.evaluate((made) => window.__sim.openConversation(made!), id);
      // The closed row is listed last: past the most urgent ones when many are waiting.
      const showAll = sidebar(page).locator('[data-testid="timers-show-all"][aria-expanded="false"]');
      if (await showAll.count()) await showAll.click();
      await sidebar(page).locator('.ip-timer-window--closed').waitFor();
      await sidebar(page).locator('.ip-timer-window--human-agent').first().waitFor();
      const boxes = await sidebar(page).evaluate((root) =>
        [...root.querySelectorAll('[data-testid="timer-window"] .ip-tick')].map((tick) => ({
          text: tick.textContent,
          overflow: tick.scrollHeight - tick.clientHeight,
        })),
      );
      expect(boxes.length).toBeGreaterThan(1);
      for (const box of boxes) expect(box.overflow, box.text ?? '').toBeLessThanOrEqual(1);
      await page.close();
    });

    it(`the popup and the options page, ${language}, light and dark`, async () => {
      await useLanguage(language);
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await browser.openPopup();
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.locator('[data-testid="popup"]').waitFor();
        await popup.locator('[data-testid="stats-empty"], [data-testid="stats-verdict"]').first().waitFor();
        const inPopup = seriousOnes(await pageViolations(popup));
        expect(inPopup, show(inPopup)).toEqual([]);
        await popup.close();

        const options = await browser.openOptions();
        await options.emulateMedia({ colorScheme: scheme });
        await options.locator('h1').first().waitFor();
        const inOptions = seriousOnes(await pageViolations(options));
        expect(inOptions, show(inOptions)).toEqual([]);
        await options.close();
      }
    });
  }
});

describe('keyboard', () => {
  it('the sidebar toggle and links are reachable by Tab, with a visible focus ring', async () => {
    await useLanguage('en');
    const page = await browser.openInbox();
    await sidebar(page).locator('[data-testid="shortcuts"]').waitFor();
    const toggle = sidebar(page).locator('[data-testid="sidebar-toggle"]');
    // Tab from the page into the sidebar: the host element is the last in the page, its toggle first inside.
    await toggle.focus();
    await page.keyboard.press('Tab');
    const next = await sidebar(page).evaluate((root) => {
      const el = (root.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { testid: el.dataset.testid ?? el.tagName, visible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(next).not.toBeNull();
    expect(next!.visible).toBe(true);
    expect(next!.outline).not.toBe('none');
    expect(next!.width).toBeGreaterThanOrEqual(2);
    await toggle.focus();
    // Enter on the focused toggle collapses, and again expands.
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const stats = sidebar(page).locator('[data-testid="open-stats"]');
    await stats.focus();
    expect(await stats.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.close();
  });

  it('the popup week picker works from the keyboard', async () => {
    const popup = await browser.openPopup();
    const input = popup.locator('[data-testid="week-input"]');
    const before = await input.inputValue();
    await popup.locator('[data-testid="week-prev"]').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => input.inputValue()).not.toBe(before);
    // Tab through the week field (Chromium gives it a stop per part: week, year) to "next week".
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    for (let i = 0; i < 4 && (await focused()) !== 'week-next'; i++) await popup.keyboard.press('Tab');
    expect(await focused()).toBe('week-next');
    await popup.keyboard.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(before);
    await popup.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sidebar, type E2EBrowser } from './harness';

let browser: E2EBrowser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('first run', () => {
  it('shows the three-step tour once: dismissed, it never comes back (other tabs, reloads)', async () => {
    await browser.removeStorage(['ui.tourDone']);
    const page = await browser.openInbox();
    const tour = sidebar(page).locator('[data-testid="tour"]');
    // Where the timers panel sits before the tour arrives (a lazy chunk, at the page's first quiet moment;
    // should it come first, only the buttons' places are checked below).
    const panel = sidebar(page).locator('[data-testid="timers-panel"]');
    await panel.waitFor();
    const topOf = async (where: typeof panel) => Math.round((await where.boundingBox())!.y);
    // The tour's slot is above the rows as soon as they show, whether or not the tour has arrived.
    const slot = sidebar(page).locator('[data-testid="tour-slot"]');
    expect(await slot.count()).toBe(1);
    expect(await topOf(slot)).toBeLessThan(await topOf(panel));
    const before = tour.count().then(async (n) => (n === 0 ? topOf(panel) : null));
    await tour.waitFor();
    expect(await tour.getAttribute('data-step')).toBe('1');
    // Its arrival moved nothing: its slot was there from the sidebar's first paint.
    if ((await before) !== null) expect(await topOf(panel)).toBe(await before);
    // The buttons keep their place from step to step (the slot holds the longest step), and so do the rows.
    const next = sidebar(page).locator('[data-testid="tour-next"]');
    const places = [await topOf(next)];
    const panelTop = await topOf(panel);
    await next.click();
    expect(await tour.getAttribute('data-step')).toBe('2');
    places.push(await topOf(next));
    await next.click();
    expect(await tour.getAttribute('data-step')).toBe('3');
    places.push(await topOf(next));
    expect(places).toEqual([places[0], places[0], places[0]]);
    expect(await topOf(panel)).toBe(panelTop);
    await sidebar(page).locator('[data-testid="tour-back"]').click();
    expect(await tour.getAttribute('data-step')).toBe('2');
    const other = await browser.openInbox();
    await sidebar(other).locator('[data-testid="tour"]').waitFor();
    await sidebar(page).locator('[data-testid="tour-skip"]').click();
    await tour.waitFor({ state: 'detached' });
    expect(await sidebar(page).locator('[data-testid="tour-slot"]').count()).toBe(0);
    // The other open tab follows at once; a reload does not bring it back.
    await sidebar(other).locator('[data-testid="tour"]').waitFor({ state: 'detached' });
    await page.reload();
    await sidebar(page).locator('[data-testid="timers-count"]').waitFor();
    expect(await sidebar(page).locator('[data-testid="tour"]').count()).toBe(0);
    await page.close();
    await other.close();
  });

  it('the collapse shortcut is listed with its real key', async () => {
    const page = await browser.openInbox();
    const key = sidebar(page).locator('[data-command="toggle-sidebar"] kbd');
    await key.waitFor();
    expect(await key.textContent()).toBe('Alt+Shift+K');
    await page.close();
  });
});

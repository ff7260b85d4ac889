import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Dexie } from 'dexie';
import { DataSection } from '../../../components/features/stats/options';
import { registerStatsBackground } from '../../../components/features/stats/background';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { statsSettings, validateStatsSettings, DEFAULT_STATS_SETTINGS, csvSeparatorFor } from '../../../utils/stats/settings';
import { sendMessage } from '../../../utils/messaging';
import { uiLocale } from '../../../utils/i18n';
import { customer, MIN, reply } from './fixtures';

beforeEach(async () => {
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
  registerStatsBackground();
  document.body.replaceChildren();
  uiLocale.value = 'en';
});

const click = (el: Element | null) => (el as HTMLElement).click();

describe('stats settings', () => {
  it('validates retention weeks and the separator', () => {
    expect(validateStatsSettings({})).toEqual({ value: DEFAULT_STATS_SETTINGS, issues: [] });
    expect(validateStatsSettings({ retentionWeeks: 12, csvSeparator: ';' }).value).toEqual({ retentionWeeks: 12, csvSeparator: ';' });
    expect(validateStatsSettings({ retentionWeeks: 0 }).issues).toEqual([{ field: 'retentionWeeks', code: 'range' }]);
    expect(validateStatsSettings({ retentionWeeks: 2.5 }).issues).toHaveLength(1);
    expect(validateStatsSettings({ retentionWeeks: true }).issues).toHaveLength(1);
    expect(validateStatsSettings({ csvSeparator: '|' }).issues).toEqual([{ field: 'csvSeparator', code: 'invalid' }]);
    expect(csvSeparatorFor('auto', 'fr')).toBe(';');
    expect(csvSeparatorFor('auto', 'en')).toBe(',');
    expect(csvSeparatorFor(',', 'fr')).toBe(',');
  });
});

describe('the Data section of the options page', () => {
  it('saves the retention, refuses a bad one, and erases everything after confirmation', async () => {
    const now = Date.now();
    await sendMessage('stats:events', { events: [customer('a', now - 10 * MIN), reply('a', now - 9 * MIN)] });
    const root = document.createElement('div');
    document.body.append(root);
    render(<DataSection />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-usage"]')?.textContent).toMatch(/^1 responses stored/));

    const input = root.querySelector('#data-retention') as HTMLInputElement;
    const submit = () => root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    input.value = '0';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20)); // let Preact render the typed value
    submit();
    await vi.waitFor(() => expect(root.querySelector('#data-retention-error')).not.toBeNull());
    expect((await statsSettings.getValue()).retentionWeeks).toBe(52);

    input.value = '8';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20)); // let Preact render the typed value
    submit();
    await vi.waitFor(async () => expect((await statsSettings.getValue()).retentionWeeks).toBe(8));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-status"]')?.textContent).toBe('Saved.'));

    click(root.querySelector('[data-testid="data-erase"]'));
    expect(await statsDb().responses.count()).toBe(1); // nothing happens before the confirmation
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-erase-confirm"]')).not.toBeNull());
    click(root.querySelector('[data-testid="data-erase-confirm"]'));
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(0));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-status"]')?.textContent).toBe('All response data was erased.'));
  });
});

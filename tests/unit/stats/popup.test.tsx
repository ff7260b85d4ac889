import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Dexie } from 'dexie';
import { PopupApp } from '../../../components/popup/PopupApp';
import { registerStatsBackground } from '../../../components/features/stats/background';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { importResponses } from '../../../utils/stats/store';
import type { ResponseRecord } from '../../../utils/stats/types';
import { generalSettings, DEFAULT_GENERAL_SETTINGS } from '../../../utils/settings/general';
import { uiLocale } from '../../../utils/i18n';
import { statsSettingsProblems } from '../../../utils/stats/health';

const now = Date.now();
const rec = (id: string, agent: string, seconds: number, ago = 60_000): ResponseRecord => ({
  id,
  pageId: 'p1',
  conversation: `t_${id}`,
  customerAt: now - ago - seconds * 1000,
  repliedAt: now - ago,
  agent,
  responseSeconds: seconds,
  businessResponseSeconds: seconds,
  withinTarget: seconds <= 300,
  source: 'observed',
  precision: 'exact',
});

async function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  render(<PopupApp />, root);
  return root;
}

beforeEach(async () => {
  // The worker owns the database: the popup asks it (stats:week).
  registerStatsBackground();
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
  document.body.replaceChildren();
  uiLocale.value = 'en';
});

describe('the managers popup', () => {
  it('shows an empty state for a week without responses', async () => {
    const root = await mount();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="stats-empty"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="stats-table"]')).toBeNull();
  });

  it('shows the per-agent table, the verdict against the goal, sortable, in French too', async () => {
    // The week of "now": replies one minute ago are in it (unless the test straddles Monday 00:00).
    // Written the way the background writes (responses + day columns).
    await importResponses(statsDb(), [rec('a', 'Marie', 60, 60_000), rec('b', 'Marie', 120, 61_000), rec('c', 'Paul', 600, 62_000), rec('d', 'Paul', 200, 63_000)]);
    const root = await mount();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="stats-table"]')).not.toBeNull());
    const agents = () => [...root.querySelectorAll('[data-testid="stats-table"] tbody tr')].map((tr) => tr.getAttribute('data-agent'));
    expect(agents()).toEqual(['Marie', 'Paul']);
    expect(root.querySelector('tfoot [data-col="responses"]')!.textContent).toBe('4');
    expect(root.querySelector('[data-testid="stats-verdict"]')!.textContent).toContain('75% within 5 min — goal 90%');
    // Sort by median (descending first): Paul (400 s) before Marie (90 s).
    (root.querySelector('[data-sort="medianSeconds"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(agents()).toEqual(['Paul', 'Marie']));
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="stats-slowest"] tbody tr')).toHaveLength(4));
    expect(root.querySelector('[data-testid="stats-slowest"] tbody td')!.textContent).toContain(' · Paul');
    expect(root.querySelector('[data-testid="day-chart"]')).not.toBeNull();

    await generalSettings.setValue({ ...DEFAULT_GENERAL_SETTINGS, language: 'fr' });
    const fr = await mount();
    await vi.waitFor(() => expect(fr.querySelector('[data-testid="stats-verdict"]')?.textContent).toContain('75\u202f% en moins de 5 min — objectif 90\u202f%'));
  });

  it('shows how many response times are approximate, per agent and in total', async () => {
    await importResponses(statsDb(), [{ ...rec('a', 'Marie', 60, 60_000), precision: 'approximate' }, rec('b', 'Marie', 120, 61_000), rec('c', 'Paul', 600, 62_000)]);
    const root = await mount();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="stats-table"]')).not.toBeNull());
    const cell = (agent: string) => root.querySelector(`tr[data-agent="${agent}"] [data-col="approximate"]`)!;
    expect(cell('Marie').textContent).toBe('1');
    expect(cell('Marie').getAttribute('title')).toContain('1 of 2');
    expect(cell('Paul').textContent).toBe('–');
    expect(root.querySelector('tfoot [data-col="approximate"]')!.textContent).toBe('1');
    expect(root.querySelector('tfoot [data-col="responses"]')!.textContent).toBe('3');
  });

  it('says when stored settings were invalid and skipped while recording', async () => {
    await statsSettingsProblems.setValue(['timing.businessHours']);
    const root = await mount();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="settings-problems"]')?.textContent).toContain('timing.businessHours'));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { uiLocale } from '../../../utils/i18n';
import { OFF_STATE, type SyncState } from '../../../utils/sync/state';
import { syncStateItem } from '../../../components/features/sync/settings';
import { describeSyncState, SyncStatusLine } from '../../../components/features/sync/status';
import { SyncSection } from '../../../components/features/sync/options';
import { SyncPopup, teamCsv } from '../../../components/features/sync/popup';
import { fakeBrowser } from 'wxt/testing';
import { buildDayColumns } from '../../../utils/stats/columns';
import { isoWeekOf, weekRange } from '../../../utils/stats/week';
import { syncStrings } from '../../../components/features/sync/strings';

afterEach(() => {
  uiLocale.value = 'en';
  document.body.replaceChildren();
});

const flush = () => act(() => new Promise((r) => setTimeout(r, 20)));
async function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  await flush();
  return root;
}

describe('sync state in words', () => {
  const now = Date.UTC(2026, 11, 3, 15);
  it('says last sync and items waiting, and the error in plain language', () => {
    const state: SyncState = { ...OFF_STATE, phase: 'error', waiting: 3, lastSyncAt: null, lastError: { kind: 'unauthorized', detail: 'Name or password is incorrect.', at: now } };
    expect(describeSyncState(state, now)).toEqual({ summary: 'Sync problem · never synced · 3 records waiting', error: 'Wrong user name or password.' });
    uiLocale.value = 'fr';
    expect(describeSyncState({ ...state, lastError: { ...state.lastError!, kind: 'unreachable' } }, now).error).toMatch(/^Serveur injoignable/);
    expect(describeSyncState({ ...state, lastError: { ...state.lastError!, kind: 'not-found' } }, now).error).toBe(syncStrings.fr.error_not_found);
  });
  it('has every English string in French', () => {
    expect(Object.keys(syncStrings.fr).sort()).toEqual(Object.keys(syncStrings.en).sort());
  });
});

describe('SyncStatusLine', () => {
  it('shows nothing when no server is configured', async () => {
    const root = await mount(<SyncStatusLine />);
    expect(root.innerHTML).toBe('');
  });
  it('follows the stored state quietly, with a clear error', async () => {
    await syncStateItem.setValue({ ...OFF_STATE, phase: 'idle', lastSyncAt: Date.now(), waiting: 0 });
    const root = await mount(<SyncStatusLine />);
    expect(root.querySelector('[data-testid="sync-status"]')!.textContent).toMatch(/^Synced · Last sync \d/);
    await act(() => syncStateItem.setValue({ ...OFF_STATE, phase: 'error', waiting: 2, lastError: { kind: 'unreachable', detail: 'x', at: 1 } }));
    await flush();
    expect(root.querySelector('[data-testid="sync-error"]')!.getAttribute('data-kind')).toBe('unreachable');
    expect(root.textContent).toContain('2 records waiting');
  });
});

describe('SyncSection', () => {
  it('refuses plain http to a remote host before asking for any permission', async () => {
    const root = await mount(<SyncSection />);
    const set = (id: string, v: string) => {
      const input = root.querySelector<HTMLInputElement>(`[data-testid="sync-${id}"]`)!;
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      set('url', 'http://couch.example.com');
      set('db', 'acme-team');
      set('user', 'marie');
      set('password', 'pw');
    });
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="sync-connect"]')!.click());
    await flush();
    expect(root.querySelector('#sync-url-error')!.textContent).toContain('https://');
    expect(root.querySelector('[data-testid="sync-credentials-warning"]')!.textContent).toContain('stored in this browser profile');
  });
});

describe('teamCsv', () => {
  it('one row per agent and browser, stale flagged, cells quoted', () => {
    const csv = teamCsv(
      [
        { user: 'marie', agents: ['Marie D'], responses: 3, withinTarget: 2, browsers: [{ browser: 'b1', lastSyncAt: Date.UTC(2026, 11, 3) }, { browser: 'b2', lastSyncAt: Date.UTC(2026, 11, 1) }], lastSyncAt: 1, stale: false },
        { user: 'paul', agents: ['Paul, R'], responses: 0, withinTarget: 0, browsers: [], lastSyncAt: null, stale: true },
      ],
      '2026-W49',
    );
    expect(csv.split('\r\n')).toEqual([
      'week,user,agent_labels,responses,within_target,browser,browser_last_sync,stale',
      '2026-W49,marie,Marie D,3,2,b1,2026-12-03T00:00:00.000Z,false',
      '2026-W49,marie,Marie D,3,2,b2,2026-12-01T00:00:00.000Z,false',
      '2026-W49,paul,"Paul, R",0,0,,,true',
      '',
    ]);
  });
});

describe('SyncPopup (manager)', () => {
  const week = weekRange(isoWeekOf(Date.now()));
  const base = { pageId: 'p', customerAt: week.start, responseSeconds: 60, businessResponseSeconds: 60, precision: 'exact' as const, withinTarget: true };
  const columns = buildDayColumns([
    { ...base, id: '1', conversation: 'a', repliedAt: week.start + 1000, agent: 'Marie D', source: 'imported', syncUser: 'marie', browser: 'm1' },
    { ...base, id: '2', conversation: 'b', repliedAt: week.start + 2000, agent: 'Marie D', source: 'imported', syncUser: 'marie', browser: 'm1' },
    { ...base, id: '3', conversation: 'c', repliedAt: week.start + 3000, agent: 'Chloé', source: 'this-browser' },
  ] as never);

  /** Answers the popup's messages as the worker would, and records which were asked. */
  function worker(asked: string[]) {
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string }) => {
      asked.push(message.type);
      const now = Date.now();
      const value: Record<string, unknown> = {
        'sync:status': { state: { ...OFF_STATE, phase: 'idle', lastSyncAt: now - 1000 }, connection: { url: 'http://127.0.0.1:5984', db: 't', user: 'chloe', role: 'manager', browserId: 'c1' }, conflicts: [] },
        'sync:now': { state: { ...OFF_STATE, phase: 'idle', lastSyncAt: now - 1000 } },
        'sync:beats': { beats: [{ user: 'marie', browser: 'm1', at: now - 60_000 }], self: { syncUser: 'chloe', browser: 'c1' }, now },
        'sync:team': { rows: [], now },
      };
      return Promise.resolve({ ok: true, value: value[message.type] });
    }) as never);
  }

  it("opens with the team view built from the week's columns it already has (no second read in the worker), and syncs", async () => {
    await syncStateItem.setValue({ ...OFF_STATE, phase: 'idle', lastSyncAt: Date.now() - 1000, waiting: 0 });
    const asked: string[] = [];
    worker(asked);
    const root = await mount(<SyncPopup weekColumns={columns} />);
    await flush();
    const rows = [...root.querySelectorAll('[data-testid="sync-team"] tbody tr')].map((tr) => [tr.getAttribute('data-user'), tr.querySelector('td')!.textContent, tr.getAttribute('data-stale')]);
    expect(rows).toEqual([
      ['chloe', '1', 'true'],
      ['marie', '2', 'false'],
    ]);
    expect(asked).toContain('sync:beats');
    expect(asked).toContain('sync:now');
    expect(asked).not.toContain('sync:team');
  });

  it('without the week (another week shown) asks the worker for the team view', async () => {
    await syncStateItem.setValue({ ...OFF_STATE, phase: 'idle', lastSyncAt: Date.now() - 1000, waiting: 0 });
    const asked: string[] = [];
    worker(asked);
    await mount(<SyncPopup weekColumns={null} />);
    await flush();
    expect(asked).toContain('sync:team');
    expect(asked).not.toContain('sync:beats');
  });
});

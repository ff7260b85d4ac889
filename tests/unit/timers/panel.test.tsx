import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// These tests are about what the panel shows for a list; how often the list is drawn (at most once a second,
// drawn.ts) has its own tests (drawn.test.ts, and the wiring in panel-drawn.test.tsx): here it is drawn at once.
vi.mock('../../../components/features/timers/drawn', () => ({ DRAW_GAP_MS: 1_000, drawnEvery: <T,>(source: T) => source }));
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { timersFeature } from '../../../components/features/timers/content';
import { REPORT_GAP_MS } from '../../../components/features/timers/controller';
import { COLLAPSED_ROWS, rowShapes } from '../../../components/features/timers/TimersPanel';
import { createTimerViews } from '../../../components/features/timers/views';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { onMessages, sendMessage } from '../../../utils/messaging';
import { uiLocale } from '../../../utils/i18n';
import { DEFAULT_TIMING_SETTINGS, timingSettings } from '../../../utils/timers/settings';
import { emptyWeekly } from '../../../utils/timers/business-hours';
import { customer, MIN, HOUR, replied, row, snapshot, T0 } from './fixtures';
import { fakeEnv } from './fake-env';
import { mountTimersPanel } from './mount-panel';

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  uiLocale.value = 'en';
});

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

const mount = (fake: ReturnType<typeof fakeEnv>) => mountTimersPanel(fake, cleanup);

/** Answers the messages the panel sends, as the background would. */
function fakeBackground(stats: { responses: number; withinTarget: number; withinTargetPct: number | null } | 'fail') {
  const updates: unknown[] = [];
  const stop = onMessages({
    'timers:restore': () => ({ tracks: [] }),
    'timers:save': () => ({ saved: 0 }),
    'alerts:update': (data) => (updates.push(data), { notified: 0 }),
    'stats:today': () => {
      if (stats === 'fail') throw new Error('stats unavailable');
      return stats;
    },
  });
  cleanup.push(stop);
  return updates;
}

const rows = (host: HTMLElement) => [...host.querySelectorAll<HTMLButtonElement>('[data-testid="timer-row"]')];

describe('timers panel', () => {
  it('lists waiting conversations by urgency with text states, and counts on the shared clock', async () => {
    fakeBackground({ responses: 10, withinTarget: 8, withinTargetPct: 80 });
    const fake = fakeEnv(T0 + 2 * MIN);
    const host = await mount(fake);
    await act(() => {
      fake.emit(customer('recent', T0 + MIN, { customerName: 'Recent' }));
      fake.emit(customer('old', T0 - 10 * MIN, { customerName: 'Old' }));
    });
    await flush();
    expect(rows(host).map((r) => r.dataset.key)).toEqual(['old', 'recent']);
    expect(rows(host)[0]!.textContent).toContain('Late');
    expect(rows(host)[1]!.textContent).toContain('On time');
    expect(host.querySelector('[data-testid="timers-count"]')!.textContent).toBe('2 waiting');
    expect(host.querySelector('[data-testid="timers-share"]')!.textContent).toBe('80% within 5 min today');

    const elapsedNode = rows(host)[1]!.querySelector('[data-testid="timer-elapsed"]')!;
    expect(elapsedNode.textContent).toBe('1 min');
    // Whole minutes (issue 14): the clock is asked to wake when a row next reads differently, not every
    // second: "4 min left" turns "3 min left" 1 ms from now, then the waited "1 min" turns "2 min" at 3 min.
    expect(fake.nextWake()).toBe(T0 + 2 * MIN + 1);
    await act(() => void (fake.now.value = T0 + 2 * MIN + 5000));
    expect(elapsedNode.textContent).toBe('1 min');
    expect(fake.nextWake()).toBe(T0 + 3 * MIN);
    await act(() => void (fake.now.value = T0 + 3 * MIN));
    expect(rows(host)[1]!.querySelector('[data-testid="timer-elapsed"]')).toBe(elapsedNode); // same node: no list re-render
    expect(elapsedNode.textContent).toBe('2 min');
    expect(rows(host)[1]!.querySelector('[data-testid="timer-detail"]')!.textContent).toBe('On time · 3 min left');

    // Into the warning lead: the state text changes.
    await act(() => void (fake.now.value = T0 + 5 * MIN + 1000));
    expect(rows(host)[1]!.dataset.state).toBe('soon');
    expect(rows(host)[1]!.textContent).toContain('Reply soon');
  });

  it("today's share is asked again once, about 2 s after replies (a timer armed by the reply, no interval)", async () => {
    let asked = 0;
    const stop = onMessages({
      'timers:restore': () => ({ tracks: [] }),
      'timers:save': () => ({ saved: 0 }),
      'alerts:update': () => ({ notified: 0 }),
      'stats:today': () => (asked++, { responses: 3, withinTarget: 3, withinTargetPct: 100 }),
    });
    cleanup.push(stop);
    const fake = fakeEnv(T0 + MIN);
    await mount(fake);
    await flush();
    const atStart = asked;
    await act(() => fake.emit(customer('a', T0)));
    await act(() => new Promise((r) => setTimeout(r, 2_300)));
    expect(asked).toBe(atStart); // nothing replied: not asked again
    await act(() => {
      fake.emit(replied('a', T0 + 30_000, 'Paul'));
      fake.emit(replied('a', T0 + 31_000, 'Paul'));
    });
    await act(() => new Promise((r) => setTimeout(r, 2_300)));
    expect(asked).toBe(atStart + 1);
  });

  it("today's share and the alert list wait for a quiet moment, then the share is asked on showing the tab and on new settings; no minute interval", async () => {
    let asked = 0;
    let reported = 0;
    const stop = onMessages({
      'timers:restore': () => ({ tracks: [] }),
      'timers:save': () => ({ saved: 0 }),
      'alerts:update': () => (reported++, { notified: 0 }),
      'stats:today': () => (asked++, { responses: 3, withinTarget: 3, withinTargetPct: 100 }),
    });
    cleanup.push(stop);
    const intervals: number[] = [];
    const realInterval = globalThis.setInterval;
    globalThis.setInterval = ((fn: () => void, ms?: number) => (intervals.push(ms ?? 0), realInterval(fn, ms))) as typeof setInterval;
    cleanup.push(() => void (globalThis.setInterval = realInterval));
    const fake = fakeEnv(T0 + MIN);
    const { Panel } = (await timersFeature.start(fake.env))!;
    expect(Panel).toBeDefined();
    // Not during the start-up's own task: neither message is sent yet.
    expect([asked, reported]).toEqual([0, 0]);
    await act(() => new Promise((r) => setTimeout(r, 1_100)));
    expect([asked, reported]).toEqual([1, 1]);
    // No interval of a minute or less wakes the page for the share.
    expect(intervals.filter((ms) => ms <= 60_000)).toEqual([]);
    document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(asked).toBe(2);
    await act(() => void (fake.general.value = { ...fake.general.value, agentName: 'Paul' }));
    await flush();
    expect(asked).toBe(3);
    fake.dispose();
  });

  it('a reply by any agent removes the row; a new message brings it back', async () => {
    fakeBackground('fail');
    const fake = fakeEnv(T0 + MIN);
    const host = await mount(fake);
    await act(() => fake.emit(customer('a', T0)));
    expect(rows(host)).toHaveLength(1);
    await act(() => fake.emit(replied('a', T0 + 30_000, 'Paul')));
    expect(rows(host)).toHaveLength(0);
    expect(host.querySelector('[data-testid="timers-empty"]')).not.toBeNull();
    await act(() => fake.emit(customer('a', T0 + 50_000)));
    expect(rows(host)).toHaveLength(1);
    // Stats failing: the share is hidden, the rest still works.
    expect(host.querySelector('[data-testid="timers-share"]')).toBeNull();
  });

  it('opens a conversation on click (and says so when it cannot)', async () => {
    fakeBackground('fail');
    const fake = fakeEnv(T0 + MIN);
    const host = await mount(fake);
    await act(() => {
      fake.emit(customer('a', T0));
      fake.emit(customer('unopenable', T0));
    });
    await act(() => rows(host).find((r) => r.dataset.key === 'a')!.click());
    expect(fake.opened).toEqual(['a']);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    // The sidebar's source answers once the page has (utils/frame/remote.ts): the notice follows that answer.
    await act(async () => {
      rows(host).find((r) => r.dataset.key === 'unopenable')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    // Rows are buttons: reachable and operable by keyboard.
    expect(rows(host).every((r) => r.tagName === 'BUTTON' && r.type === 'button')).toBe(true);
  });

  it('shows hostile names inert and intact', async () => {
    fakeBackground('fail');
    const names = ['<img src=x onerror="alert(1)">', '\u202Eevil\u202C name', 'a'.repeat(300), '👩‍👩‍👧‍👦 Zoë'];
    const fake = fakeEnv(T0 + MIN);
    const host = await mount(fake);
    await act(() => names.forEach((n, i) => fake.emit(customer(`k${i}`, T0 + i, { customerName: n }))));
    const shown = [...host.querySelectorAll('[data-testid="timer-name"]')].map((n) => n.textContent);
    expect(shown.sort()).toEqual([...names].sort());
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('[data-testid="timer-name"]')!.getAttribute('dir')).toBe('auto');
    // Cut to one line by CSS (checked in a real browser by the e2e); the full name is on hover.
    const titles = [...host.querySelectorAll('[data-testid="timer-name"]')].map((n) => n.getAttribute('title'));
    expect(titles.sort()).toEqual([...names].sort());
  });

  it('a phone number as the name is cut at its start, so two numbers stay apart; other names are not', async () => {
    fakeBackground('fail');
    const names = ['+44 7700 900315', '+44 7700 900997', 'Sophia Brown', '2024 Bikes'];
    const fake = fakeEnv(T0 + MIN);
    const host = await mount(fake);
    await act(() => names.forEach((n, i) => fake.emit(customer(`p${i}`, T0 + i, { customerName: n }))));
    const byName = new Map([...host.querySelectorAll<HTMLElement>('[data-testid="timer-name"]')].map((n) => [n.textContent, n]));
    for (const number of names.slice(0, 2)) {
      expect(byName.get(number)!.classList.contains('ip-timer-name--number')).toBe(true);
      expect(byName.get(number)!.querySelector('bdi')!.textContent).toBe(number); // the digits stay left-to-right
      expect(byName.get(number)!.getAttribute('title')).toBe(number);
    }
    for (const name of names.slice(2)) expect(byName.get(name)!.classList.contains('ip-timer-name--number')).toBe(false);
  });

  it('marks approximate times and shows the messaging window under 3 h', async () => {
    fakeBackground('fail');
    const now = T0 + 22 * HOUR;
    const fake = fakeEnv(now, snapshot([row('a', { customerName: 'Coarse', lastAt: { start: T0, end: T0 + HOUR } })], now));
    const host = await mount(fake);
    const r = rows(host)[0]!;
    expect(r.querySelector('[data-testid="timer-elapsed"]')!.textContent!.startsWith('~')).toBe(true);
    expect(r.querySelector('[data-testid="timer-window"]')!.textContent).toBe('24-h window: ~2 h left');
  });

  it('past 24 h shows the human-agent time left until 7 days, then "closed", not late and not counted (EN and FR)', async () => {
    fakeBackground('fail');
    const fake = fakeEnv(T0 + 2 * 24 * HOUR);
    const host = await mount(fake);
    await act(() => {
      fake.emit(customer('week', T0, { customerName: 'Week old' }));
      fake.emit(customer('fresh', T0 + 2 * 24 * HOUR - MIN, { customerName: 'Fresh' }));
    });
    const byName = (name: string) => rows(host).find((r) => r.textContent!.includes(name))!;
    const windowText = (name: string) => byName(name).querySelector('[data-testid="timer-window"]')?.textContent ?? '';
    expect(windowText('Week old')).toBe('24 h window closed, human-agent reply possible for 5 d 0 h more');
    expect(windowText('Fresh')).toBe('');
    expect(byName('Week old').getAttribute('data-state')).toBe('late');

    await act(() => void (fake.now.value = T0 + 7 * 24 * HOUR - 30 * MIN));
    expect(windowText('Week old')).toBe('24 h window closed, human-agent reply possible for 30 min more');

    await act(() => void (fake.now.value = T0 + 7 * 24 * HOUR + HOUR));
    const closed = byName('Week old');
    expect(closed.getAttribute('data-state')).toBe('closed');
    expect(closed.querySelector('[data-testid="timer-detail"]')!.textContent).toBe('Closed');
    expect(windowText('Week old')).toBe('Closed: the 7-day human-agent window has ended');
    // Listed after the conversations that can still be answered, and not counted as waiting.
    expect(rows(host).at(-1)).toBe(closed);
    expect(host.querySelector('[data-testid="timers-count"]')!.textContent).toBe('1 waiting');

    await act(() => void (uiLocale.value = 'fr'));
    expect(windowText('Week old')).toBe('Fermée : la fenêtre de 7 jours pour un agent humain est passée');
    expect(byName('Fresh').getAttribute('data-state')).toBe('late');
  });

  it('a WhatsApp conversation closes at 24 h: templates only, not late, not counted (EN and FR)', async () => {
    fakeBackground('fail');
    const fake = fakeEnv(T0 + 23 * HOUR);
    const host = await mount(fake);
    await act(() => {
      fake.emit(customer('wa', T0, { customerName: '+44 7700 900123', channel: 'whatsapp' }));
      fake.emit(customer('ms', T0, { customerName: 'Messenger customer' }));
    });
    const byKey = (key: string) => rows(host).find((r) => r.dataset.key === key)!;
    const windowText = (key: string) => byKey(key).querySelector('[data-testid="timer-window"]')?.textContent ?? '';
    expect(windowText('wa')).toBe('24-h window: 1 h left');
    expect(byKey('wa').getAttribute('data-state')).toBe('late');

    await act(() => void (fake.now.value = T0 + 24 * HOUR + MIN));
    expect(byKey('wa').getAttribute('data-state')).toBe('closed');
    expect(windowText('wa')).toBe('Closed: 24-h window over, WhatsApp templates only');
    // Messenger keeps its 7-day human-agent window.
    expect(byKey('ms').getAttribute('data-state')).toBe('late');
    expect(windowText('ms')).toBe('24 h window closed, human-agent reply possible for 5 d 23 h more');
    expect(host.querySelector('[data-testid="timers-count"]')!.textContent).toBe('1 waiting');

    await act(() => void (uiLocale.value = 'fr'));
    expect(windowText('wa')).toBe('Fermée : fenêtre de 24 h passée, modèles WhatsApp uniquement');
  });

  it('empty state, layout-not-recognized state, French', async () => {
    fakeBackground('fail');
    uiLocale.value = 'fr';
    const base = snapshot([], T0);
    const fake = fakeEnv(T0, { ...base, health: { found: { list: false, thread: false, composer: false }, missing: [], recognized: false } });
    const host = await mount(fake);
    expect(host.querySelector('[data-testid="timers-not-recognized"]')!.textContent).toContain('liste des conversations');
    expect(host.querySelector('[data-testid="timers-empty"]')).toBeNull();
    await act(() => void (fake.snap.value = base));
    expect(host.querySelector('[data-testid="timers-empty"]')!.textContent).toContain('Personne');
    expect(host.querySelector('[data-testid="timers-count"]')!.textContent).toBe('Personne en attente');
  });

  it('reports the waiting list to the background only when it changes, and answers inbox:open-conversation', async () => {
    const updates = fakeBackground('fail') as Array<{ items: Array<{ key: string; state: string }> }>;
    const fake = fakeEnv(T0 + MIN);
    await mount(fake);
    await act(() => fake.emit(customer('a', T0)));
    await flush();
    const sent = updates.length;
    expect(updates.at(-1)!.items).toEqual([expect.objectContaining({ key: 'a', state: 'ok' })]);
    await act(() => void (fake.now.value = T0 + MIN + 1000));
    await flush();
    expect(updates.length).toBe(sent); // a tick alone sends nothing
    const announcer = () => document.querySelector('[data-testid="timers-announcer"]')!;
    expect(announcer().getAttribute('aria-live')).toBe('polite');
    expect(announcer().textContent).toBe('');
    await act(() => void (fake.now.value = T0 + 4 * MIN + 1000));
    await flush();
    // Within REPORT_GAP_MS of the last report: the change waits for the gap's end (one message per burst).
    expect(updates.length).toBe(sent);
    await act(() => fake.emit(customer('c', T0 + 2 * MIN, { customerName: 'Cy' })));
    await act(() => new Promise((r) => setTimeout(r, REPORT_GAP_MS)));
    expect(updates.length).toBe(sent + 1); // both changes in one report, with the list as it is at the gap's end
    expect(updates.at(-1)!.items.map((i) => [i.key, i.state])).toEqual([['a', 'soon'], ['c', 'ok']]);
    expect(announcer().textContent).toBe('Reply soon: Zoé.');
    // A clicked desktop warning reaches the tab as 'inbox:open-conversation'.
    expect(await sendMessage('inbox:open-conversation', { conversation: 'a' })).toEqual({ opened: true });
    expect(fake.opened).toEqual(['a']);
    // The managers' popup asks for the names this tab shows now.
    await act(() => fake.emit(customer('b', T0, { customerName: 'Bea' })));
    expect(await sendMessage('inbox:customer-names', { conversations: ['b', 'a', 'nobody'] })).toEqual({ names: { b: 'Bea', a: 'Zoé' } });
  });

  it('keeps warning while the tab is hidden (the shared clock stops; a watchdog wakes at the next change)', async () => {
    const updates = fakeBackground('fail') as Array<{ items: Array<{ key: string; state: string }> }>;
    const start = Date.now();
    const fake = fakeEnv(start); // env.now never moves in this test, like a hidden tab's clock
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    cleanup.push(() => void delete (document as unknown as Record<string, unknown>).visibilityState);
    expect(document.visibilityState).toBe('hidden');
    await mount(fake);
    // Soon in 1.2 s (target 5 min, warning 1 min before).
    await act(() => fake.emit(customer('a', start - 4 * MIN + 1200)));
    await flush();
    expect(updates.at(-1)!.items[0]!.state).toBe('ok');
    await act(() => new Promise((r) => setTimeout(r, 2_600)));
    expect(updates.at(-1)!.items[0]!.state).toBe('soon');
  });

  it('arms the watchdog only while the tab is hidden (a shown tab is not woken every minute)', async () => {
    fakeBackground('fail');
    const armed: string[] = [];
    const realTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms?: number) => {
      if (new Error().stack?.includes('scheduleWatchdog')) armed.push(document.visibilityState);
      return realTimeout(fn, ms);
    }) as typeof setTimeout;
    cleanup.push(() => void (globalThis.setTimeout = realTimeout));
    const start = Date.now();
    const fake = fakeEnv(start);
    await mount(fake);
    await act(() => fake.emit(customer('a', start - 2 * MIN)));
    await flush();
    expect(armed).toEqual([]);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    cleanup.push(() => void delete (document as unknown as Record<string, unknown>).visibilityState);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(armed).toEqual(['hidden']);
  });

  it('tells the background when the business is closed, even when counting wall time (quiet hours)', async () => {
    const updates = fakeBackground('fail') as Array<{ openNow: boolean; items: Array<{ state: string }> }>;
    const sunday = Date.parse('2026-01-04T12:00:00Z');
    await timingSettings.setValue({
      ...DEFAULT_TIMING_SETTINGS,
      timeBasis: 'wall',
      businessHours: { timeZone: 'Europe/Paris', weekly: { ...emptyWeekly(), mon: [['09:00', '18:00']] }, holidays: [] },
    });
    const fake = fakeEnv(sunday);
    await mount(fake);
    await act(() => fake.emit(customer('a', sunday - 10 * MIN)));
    await flush();
    expect(updates.at(-1)).toMatchObject({ openNow: false, items: [{ state: 'late' }] });
  });
});

describe('timers panel: the most urgent rows first, the rest on demand', () => {
  const toggle = (host: HTMLElement) => host.querySelector<HTMLButtonElement>('[data-testid="timers-show-all"]');

  /** `count` customers, k0 waiting the longest: the urgency order is k0, k1, … */
  async function mountWaiting(count: number) {
    fakeBackground('fail');
    const now = T0 + 10 * MIN;
    const fake = fakeEnv(now);
    const host = await mount(fake);
    await act(() => {
      for (let i = count - 1; i >= 0; i--) fake.emit(customer(`k${i}`, T0 + i * 10_000, { customerName: `Customer ${i}` }));
    });
    await flush();
    return { host, fake };
  }

  it(`skips the rendering of out-of-view rows past the ${COLLAPSED_ROWS} most urgent only (the stylesheet names the same row)`, () => {
    // The stylesheet cannot read COLLAPSED_ROWS: this keeps its nth-child rule on the first row "Show all" adds.
    const css = readFileSync('components/features/timers/style.css', 'utf8');
    const rules = [...css.matchAll(/\.ip-list > li:nth-child\(n \+ (\d+)\)\s*\{([^}]*)\}/g)];
    expect(rules).toHaveLength(1);
    expect(Number(rules[0]![1])).toBe(COLLAPSED_ROWS + 1);
    expect(rules[0]![2]).toMatch(/content-visibility:\s*auto/);
  });

  it(`lists only the ${COLLAPSED_ROWS} most urgent until "Show all" is pressed, and counts them all`, async () => {
    const { host } = await mountWaiting(COLLAPSED_ROWS + 5);
    expect(rows(host).map((r) => r.dataset.key)).toEqual(Array.from({ length: COLLAPSED_ROWS }, (_, i) => `k${i}`));
    expect(host.querySelector('[data-testid="timers-count"]')!.getAttribute('data-count')).toBe(String(COLLAPSED_ROWS + 5));

    const button = toggle(host)!;
    // A real button (keyboard: Tab + Enter/Space), telling assistive tech what it shows and controls.
    expect(button.tagName).toBe('BUTTON');
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(host.querySelector('[data-testid="timers-list"]')!.id);
    expect(button.getAttribute('aria-controls')).not.toBe('');
    expect(button.textContent).toBe(`Show all ${COLLAPSED_ROWS + 5} waiting`);

    await act(() => button.click());
    expect(rows(host).map((r) => r.dataset.key)).toEqual(Array.from({ length: COLLAPSED_ROWS + 5 }, (_, i) => `k${i}`));
    expect(toggle(host)!.getAttribute('aria-expanded')).toBe('true');
    expect(toggle(host)!.textContent).toBe(`Show only the ${COLLAPSED_ROWS} most urgent`);
    // The rows shown later tick too.
    const last = rows(host).at(-1)!.querySelector('[data-testid="timer-elapsed"]')!;
    expect(last.textContent).not.toBe('');

    await act(() => toggle(host)!.click());
    expect(rows(host)).toHaveLength(COLLAPSED_ROWS);
    expect(toggle(host)!.getAttribute('aria-expanded')).toBe('false');
  });

  it('when a conversation shown is answered, the next most urgent takes its place', async () => {
    const { host, fake } = await mountWaiting(COLLAPSED_ROWS + 1);
    const hidden = `k${COLLAPSED_ROWS}`;
    expect(rows(host).some((r) => r.dataset.key === hidden)).toBe(false);
    await act(() => fake.emit(replied('k0', T0 + 10 * MIN)));
    await flush();
    expect(rows(host)).toHaveLength(COLLAPSED_ROWS);
    expect(rows(host).at(-1)!.dataset.key).toBe(hidden);
    // Back to 20 waiting: nothing left to show, no button.
    expect(toggle(host)).toBeNull();
  });

  it('a row about to be late behind a backlog of late ones is one click away', async () => {
    const { host, fake } = await mountWaiting(COLLAPSED_ROWS + 5); // all late
    await act(() => fake.emit(customer('soon', T0 + 10 * MIN - 4.5 * MIN, { customerName: 'About to be late' })));
    await flush();
    expect(rows(host).some((r) => r.dataset.key === 'soon')).toBe(false);
    expect(toggle(host)!.textContent).toBe(`Show all ${COLLAPSED_ROWS + 6} waiting`);
    await act(() => toggle(host)!.click());
    expect(rows(host).at(-1)!.dataset.state).toBe('soon');
  });

  it('says it in French', async () => {
    uiLocale.value = 'fr';
    const { host } = await mountWaiting(COLLAPSED_ROWS + 2);
    expect(toggle(host)!.textContent).toBe(`Afficher les ${COLLAPSED_ROWS + 2} en attente`);
    await act(() => toggle(host)!.click());
    expect(toggle(host)!.textContent).toBe(`N’afficher que les ${COLLAPSED_ROWS} plus urgentes`);
  });

  it('has no button while every waiting conversation fits', async () => {
    const { host } = await mountWaiting(COLLAPSED_ROWS);
    expect(rows(host)).toHaveLength(COLLAPSED_ROWS);
    expect(toggle(host)).toBeNull();
  });
});

describe('rowShapes', () => {
  it('keeps the same array while only rows past the limit change', () => {
    const tracks = signal(emptyTracker);
    for (let i = 0; i < 4; i++) tracks.value = applyEvent(tracks.value, customer(`k${i}`, T0 + i * MIN));
    const { views, dispose } = createTimerViews({ tracks, clock: signal(T0 + 4 * MIN), targetMinutes: signal(5), settings: signal(DEFAULT_TIMING_SETTINGS), pageId: signal('p1') });
    const limit = signal(2);
    const shapes = rowShapes(views, limit);
    const first = shapes.value;
    expect(first.map((s) => s.key)).toEqual(['k0', 'k1']);
    tracks.value = applyEvent(tracks.value, replied('k3', T0 + 4 * MIN)); // past the limit
    expect(views.value).toHaveLength(3);
    expect(shapes.value).toBe(first);
    tracks.value = applyEvent(tracks.value, replied('k0', T0 + 4 * MIN)); // among the rows shown
    expect(shapes.value.map((s) => s.key)).toEqual(['k1', 'k2']);
    expect(shapes.value[0]).toBe(first[1]); // the unchanged row keeps its shape (no re-render)
    limit.value = Number.POSITIVE_INFINITY;
    expect(shapes.value.map((s) => s.key)).toEqual(['k1', 'k2']);
    dispose();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing';
import { Dexie } from 'dexie';
import { sendMessage } from '../../../utils/messaging';
import { uiLocale } from '../../../utils/i18n';
import { RepliesDatabase } from '../../../utils/replies/db';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { liveScopes } from '../../../utils/lifecycle/scope';
import type { FeatureSwitches } from '../../../utils/settings/features';
import type { OpenConversation } from '../../../utils/inbox/types';
import { registerRepliesBackground } from '../../../components/features/replies/background';
import { backgroundParts, registerBackgroundParts } from '../../../components/features/registry/background';
import { timersFeature } from '../../../components/features/timers/content';
import { repliesFeature } from '../../../components/features/replies/content';
import { draftFeature } from '../../../components/features/draft/content';
import { statsFeature } from '../../../components/features/stats/content';
import { crashTestFeature, crashTestState, type CrashTestOptions } from '../../../components/features/crash-test/content';
import { startFeatureHost } from '../../../components/sidebar/feature-host';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { customer, MIN, replied, snapshot, T0 } from '../timers/fixtures';
import { fakeEnv } from '../timers/fake-env';

/**
 * Issue 12: a feature that fails (effect on the third snapshot, panel render, message handler) stops
 * alone; timers, suggestions, draft checks and stats events keep working. Real features, real worker
 * parts (in fakeBrowser), the real Sidebar.
 */
let cleanup: Array<() => void> = [];
beforeEach(async () => {
  uiLocale.value = 'en';
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
  Object.assign(crashTestState, { snapshots: 0, renders: 0, messages: 0 });
});
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

const open = (text: string): OpenConversation => ({
  id: 'c1',
  key: 'c1',
  customerName: 'Alice Martin',
  messages: [{ key: 'm1', side: 'customer', agent: null, text, at: null }],
});

async function mount(crash: CrashTestOptions | null, switches = signal<FeatureSwitches>({})) {
  const parts = [{ id: 'replies', register: () => ({ savedReplies: registerRepliesBackground(new RepliesDatabase(`iso-${Math.random()}`)) }) }, ...backgroundParts.filter((p) => p.id !== 'replies')];
  expect(registerBackgroundParts(parts)).toEqual([]);
  await sendMessage('replies:save', { draft: { title: 'Zeppelin', body: 'Yes, the zeppelin does fly on Sundays.', language: 'en', tags: ['zeppelin'] } });
  const fake = fakeEnv(T0 + MIN, snapshot([], T0 + MIN, open('Does the zeppelin fly on Sundays?')));
  const features = [timersFeature, repliesFeature, draftFeature, statsFeature, ...(crash ? [crashTestFeature(crash)] : [])];
  const host = startFeatureHost(fake.env.scope.signal, features, { inbox: fake.env.inbox, now: fake.now, wakeAt: fake.env.wakeAt, general: fake.general }, switches);
  await host.ready;
  const root = document.createElement('div');
  document.body.append(root);
  const health = signal(fake.snap.peek().health);
  await act(() =>
    render(<Sidebar collapsed={signal(false)} onToggle={() => undefined} health={health} features={host.slots} started={signal(true)} />, root),
  );
  cleanup.push(() => {
    render(null, root);
    root.remove();
    fake.dispose();
  });
  const section = (id: string) => root.querySelector<HTMLElement>(`section[data-feature="${id}"]`);
  return { fake, host, root, section, switches };
}

/** Every other feature still works: timers list a waiting customer, suggestions answer, draft checks run, stats are recorded. */
async function othersWork({ fake, root, section }: Awaited<ReturnType<typeof mount>>) {
  await act(() => fake.emit(customer('w1', T0, { customerName: 'Waiting Customer' })));
  await vi.waitFor(() => expect(section('timers')!.querySelector('[data-testid="timer-row"][data-key="w1"]')).not.toBeNull());
  await vi.waitFor(() => expect(section('replies')!.querySelector('[data-testid="replies-item"]')?.textContent ?? section('replies')!.textContent).toContain('Zeppelin'));
  await act(() => void (fake.snap.value = { ...fake.snap.peek(), composer: { ...fake.snap.peek().composer, text: 'PLEASE WAIT WE ARE CHECKING YOUR ORDER RIGHT NOW' } }));
  await vi.waitFor(() => expect(section('draft')!.querySelectorAll('[data-testid="draft-finding"]').length).toBeGreaterThan(0), { timeout: 2000 });
  await act(() => fake.emit(replied('w1', T0 + 30_000, 'Marie')));
  await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(1), { timeout: 3000 });
  expect(root.querySelectorAll('section[data-feature]').length).toBeGreaterThanOrEqual(3);
}

const state = (m: Awaited<ReturnType<typeof mount>>, id: string) => m.host.slots.peek().find((s) => s.id === id)?.state;

describe('feature isolation (issue 12)', () => {
  it('baseline: without the failing feature every feature works', async () => {
    const m = await mount(null);
    await othersWork(m);
  });

  it('an effect that throws on the third snapshot stops that feature alone', async () => {
    const m = await mount({ panel: false, message: false });
    for (let i = 1; i <= 3; i++) await act(() => void (m.fake.snap.value = { ...m.fake.snap.peek(), takenAt: T0 + MIN + i }));
    await vi.waitFor(() => expect(state(m, 'crash-test')).toBe('failed'));
    expect(crashTestState.snapshots).toBe(3);
    expect(m.section('crash-test')!.querySelector('[data-testid="feature-stopped"]')!.textContent).toContain('This part stopped');
    expect(['timers', 'replies', 'draft', 'stats'].map((id) => state(m, id))).toEqual(['running', 'running', 'running', 'running']);
    await othersWork(m);
    // Retry starts it again in a fresh scope (it fails again on its third snapshot, as built).
    await act(() => (m.section('crash-test')!.querySelector('[data-testid="feature-retry"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(state(m, 'crash-test')).toBe('running'));
    expect(m.section('crash-test')!.querySelector('[data-testid="crash-test-panel"]')).not.toBeNull();
  });

  it('a panel that throws while rendering shows "this part stopped", the rest of the sidebar renders', async () => {
    const m = await mount({ effect: false, message: false });
    await vi.waitFor(() => expect(state(m, 'crash-test')).toBe('failed'));
    expect(crashTestState.renders).toBeGreaterThan(0);
    expect(m.section('crash-test')!.querySelector('[data-testid="feature-stopped"]')).not.toBeNull();
    expect(m.section('timers')!.querySelector('[data-testid="timers-count"]') ?? m.section('timers')!.textContent).toBeTruthy();
    await othersWork(m);
  });

  it('a message handler that throws answers with a code and stops that feature alone', async () => {
    const m = await mount({ effect: false, panel: false });
    const error = await sendMessage('crash-test:boom', undefined).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('failed');
    await vi.waitFor(() => expect(state(m, 'crash-test')).toBe('failed'));
    await othersWork(m);
  });

  it('in French, the stopped state and Retry are translated', async () => {
    uiLocale.value = 'fr';
    const m = await mount({ effect: false, message: false });
    await vi.waitFor(() => expect(m.section('crash-test')!.querySelector('[data-testid="feature-stopped"]')!.textContent).toContain('Cette partie s’est arrêtée'));
    expect(m.section('crash-test')!.querySelector('[data-testid="feature-retry"]')!.textContent).toBe('Réessayer');
  });
});

describe('switching a feature off (issue 12)', () => {
  it.each(['timers', 'replies', 'draft', 'stats'])('%s off: its section disappears and it holds no listener, timer, effect or handler; on again, it comes back', async (id) => {
    const m = await mount(null);
    expect(liveScopes.has(id)).toBe(true);
    const held = liveScopes.get(id)!;
    expect(held.listeners + held.timers + held.effects + held.messages + (id === 'stats' ? 1 : 0)).toBeGreaterThan(0);
    const inboxListenersBefore = m.fake.listenerCount();
    await act(() => void (m.switches.value = { [id]: false }));
    expect(liveScopes.has(id)).toBe(false);
    expect(m.host.slots.peek().map((s) => s.id)).not.toContain(id);
    expect(m.section(id)).toBeNull();
    // Its inbox subscriptions are gone (timers, replies and stats subscribe to events).
    if (id !== 'draft') expect(m.fake.listenerCount()).toBeLessThan(inboxListenersBefore);
    await act(() => void (m.switches.value = {}));
    await vi.waitFor(() => expect(liveScopes.has(id)).toBe(true));
    if (id !== 'stats') await vi.waitFor(() => expect(m.section(id)).not.toBeNull());
  });
});

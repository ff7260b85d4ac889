import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  BADGE_COLOURS,
  GROUP_FROM,
  handleAlertsUpdate,
  handleNotificationClick,
  notificationId,
  notifiedItem,
  parseNotificationId,
  registerTimersBackground,
} from '../../../components/features/timers/background';
import { DEFAULT_TIMING_SETTINGS, timingSettings } from '../../../utils/timers/settings';
import { sendMessage } from '../../../utils/messaging';
import type { AlertItem, TimerState } from '../../../utils/timers/types';
import { MIN, T0 } from './fixtures';

const TAB = 1; // fakeBrowser's default tab
const item = (key: string, state: TimerState, patch: Partial<AlertItem> = {}): AlertItem => ({
  key, customerName: `Name ${key}`, waitingSince: T0, lastReplyAt: null, state, leftMs: state === 'late' ? -MIN : 30_000, precision: 'exact', ...patch,
});
const update = (items: AlertItem[], openNow = true) => handleAlertsUpdate(TAB, { pageId: 'p1', openNow, items }, T0 + 5 * MIN);
const created = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('badge', () => {
  it('shows the waiting count per tab, coloured by the worst state', async () => {
    await update([item('a', 'ok'), item('b', 'soon'), item('c', 'paused')]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).toEqual([0x9a, 0x67, 0x00, 255]);
    await update([item('a', 'late')]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).toEqual([0xc6, 0x28, 0x28, 255]);
    await update([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect(BADGE_COLOURS.ok).toBe('#1E7E34');
  });
});

describe('warnings', () => {
  it('raises soon then late once each, even across repeated updates', async () => {
    expect(await update([item('a', 'ok')])).toBe(0);
    expect(await update([item('a', 'soon')])).toBe(1);
    expect(await update([item('a', 'soon')])).toBe(0);
    expect(await update([item('a', 'late')])).toBe(1);
    expect(await update([item('a', 'late')])).toBe(0);
    expect((await created()).sort()).toEqual([notificationId(TAB, 'late', 'a'), notificationId(TAB, 'soon', 'a')].sort());
    const all = await fakeBrowser.notifications.getAll();
    expect((all as Record<string, { title: string; iconUrl: string }>)[notificationId(TAB, 'late', 'a')]).toMatchObject({
      title: 'Past the target: Name a',
      iconUrl: expect.stringContaining('/icon/128.png'),
    });
  });

  it('remembers in storage.session (a restarted worker does not warn again)', async () => {
    await update([item('a', 'soon')]);
    const saved = await fakeBrowser.storage.session.get('timing.notified');
    expect(saved['timing.notified']).toMatchObject({ 'p1|a': { since: T0, states: ['soon'] } });
    await fakeBrowser.notifications.clear(notificationId(TAB, 'soon', 'a'));
    expect(await update([item('a', 'soon')])).toBe(0);
  });

  it('straight to late: one late warning, never a soon one afterwards', async () => {
    expect(await update([item('a', 'late')])).toBe(1);
    expect(await update([item('a', 'soon')])).toBe(0);
  });

  it('a reply ends the episode: the next wait warns again', async () => {
    await update([item('a', 'soon')]);
    const next = item('a', 'soon', { waitingSince: T0 + 20 * MIN, lastReplyAt: T0 + 10 * MIN });
    expect(await update([next])).toBe(1);
    // A refined start of the SAME wait (no reply in between) does not.
    expect(await update([item('a', 'soon', { waitingSince: T0 + 21 * MIN, lastReplyAt: T0 + 10 * MIN })])).toBe(0);
  });

  it('honours the settings: off, and quiet outside business hours (raised once open)', async () => {
    await timingSettings.setValue({ ...DEFAULT_TIMING_SETTINGS, notifications: { enabled: false, quietOutsideHours: true } });
    expect(await update([item('a', 'late')])).toBe(0);
    await timingSettings.setValue(DEFAULT_TIMING_SETTINGS);
    expect(await update([item('b', 'late')], false)).toBe(0);
    expect(await update([item('b', 'late')], true)).toBe(1);
    await timingSettings.setValue({ ...DEFAULT_TIMING_SETTINGS, notifications: { enabled: true, quietOutsideHours: false } });
    expect(await update([item('c', 'late')], false)).toBe(1);
  });

  it('a conversation whose key changed (row key -> id on first opening) is not warned twice', async () => {
    expect(await update([item('r:zoe', 'soon')])).toBe(1);
    expect(await update([item('123', 'soon', { aliases: ['r:zoe'] })])).toBe(0);
    expect(await update([item('123', 'late', { aliases: ['r:zoe'] })])).toBe(1);
  });

  it('concurrent updates do not double-notify', async () => {
    const results = await Promise.all([update([item('a', 'soon')]), update([item('a', 'soon')]), update([item('a', 'soon')])]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('forgets records older than 8 days', async () => {
    await notifiedItem.setValue({ 'p1|a': { since: 0, states: ['soon', 'late'], at: 0 } });
    expect(await update([item('a', 'late')])).toBe(1);
  });

  it('writes French texts when the UI language is French', async () => {
    const { generalSettings, DEFAULT_GENERAL_SETTINGS } = await import('../../../utils/settings/general');
    await generalSettings.setValue({ ...DEFAULT_GENERAL_SETTINGS, language: 'fr' });
    await update([item('a', 'soon', { customerName: null })]);
    const all = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string }>;
    expect(all[notificationId(TAB, 'soon', 'a')]!.title).toBe('Répondez bientôt : un client');
  });
});

describe('several warnings due at once', () => {
  type Shown = Record<string, { title: string; message: string; priority?: number }>;
  it(`raises one grouped warning from ${GROUP_FROM} on, the most urgent names first, and marks each conversation warned`, async () => {
    expect(GROUP_FROM).toBe(3);
    const due = [
      item('s', 'soon', { customerName: 'Sam', waitingSince: T0 - 9 * MIN }),
      item('l1', 'late', { customerName: 'Lou', waitingSince: T0 - MIN }),
      item('l2', 'late', { customerName: 'Ana', waitingSince: T0 - 2 * MIN }),
      item('l3', 'late', { customerName: null, waitingSince: T0 }),
      item('ok', 'ok', { customerName: 'Oli' }),
    ];
    expect(await update(due)).toBe(1);
    const all = (await fakeBrowser.notifications.getAll()) as Shown;
    expect(Object.keys(all)).toEqual([notificationId(TAB, 'group', '')]);
    expect(all[notificationId(TAB, 'group', '')]).toMatchObject({
      title: '4 customers waiting for a reply',
      message: 'Ana, Lou, a customer and 1 more. Click to open the inbox.',
      priority: 2,
    });
    // Each was warned: the same list raises nothing; a new state ('s' now late) is warned alone.
    expect(await update(due)).toBe(0);
    expect(await update([item('s', 'late', { customerName: 'Sam', waitingSince: T0 - 9 * MIN })])).toBe(1);
    expect(await created()).toContain(notificationId(TAB, 'late', 's'));
    expect(await update([item('l1', 'late', { customerName: 'Lou', waitingSince: T0 - MIN })])).toBe(0);
  });

  it(`below ${GROUP_FROM}, one warning each`, async () => {
    expect(await update([item('a', 'late'), item('b', 'soon')])).toBe(2);
    expect((await created()).sort()).toEqual([notificationId(TAB, 'late', 'a'), notificationId(TAB, 'soon', 'b')].sort());
  });

  it('only warnings still due count towards a group (already warned, switched off, quiet hours)', async () => {
    await update([item('a', 'late')]);
    await fakeBrowser.notifications.clear(notificationId(TAB, 'late', 'a'));
    expect(await update([item('a', 'late'), item('b', 'late'), item('c', 'late')])).toBe(2);
    expect((await created()).sort()).toEqual([notificationId(TAB, 'late', 'b'), notificationId(TAB, 'late', 'c')].sort());
    expect(await update([item('d', 'late'), item('e', 'late'), item('f', 'late')], false)).toBe(0);
    expect(await created()).not.toContain(notificationId(TAB, 'group', ''));
  });

  it('a later group replaces the tab\'s earlier one instead of piling up', async () => {
    await update([item('a', 'late'), item('b', 'late'), item('c', 'late')]);
    expect(await update([item('d', 'soon'), item('e', 'soon'), item('f', 'soon')])).toBe(1);
    const all = (await fakeBrowser.notifications.getAll()) as Shown;
    expect(Object.keys(all)).toEqual([notificationId(TAB, 'group', '')]);
    expect(all[notificationId(TAB, 'group', '')]).toMatchObject({ title: '3 customers waiting for a reply', message: 'Name d, Name e, Name f. Click to open the inbox.', priority: 1 });
  });

  it('speaks French', async () => {
    const { generalSettings, DEFAULT_GENERAL_SETTINGS } = await import('../../../utils/settings/general');
    await generalSettings.setValue({ ...DEFAULT_GENERAL_SETTINGS, language: 'fr' });
    await update([item('a', 'late'), item('b', 'late'), item('c', 'late', { customerName: null }), item('d', 'late'), item('e', 'late')]);
    const all = (await fakeBrowser.notifications.getAll()) as Shown;
    expect(all[notificationId(TAB, 'group', '')]).toMatchObject({
      title: '5 clients attendent une réponse',
      message: 'Name a, Name b, un client et 2 autres. Cliquez pour ouvrir la boîte de réception.',
    });
  });
});

describe('clicking a warning', () => {
  it('focuses the tab and asks it to open the conversation', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://business.facebook.com/latest/inbox/all' });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { opened: true } } as never);
    const activate = vi.spyOn(fakeBrowser.tabs, 'update');
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    const id = notificationId(tab.id!, 'late', 'conv|with|pipes');
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: '', message: '' });
    expect(parseNotificationId(id)).toEqual({ tabId: tab.id, conversation: 'conv|with|pipes' });
    expect(await handleNotificationClick(id)).toBe(true);
    expect(send).toHaveBeenCalledWith(tab.id, { app: 'inbox-pilot', type: 'inbox:open-conversation', data: { conversation: 'conv|with|pipes' } });
    expect(activate).toHaveBeenCalledWith(tab.id, { active: true });
    expect(focus).toHaveBeenCalledWith(tab.windowId, { focused: true });
    expect(await created()).toEqual([]); // the clicked warning is cleared
  });

  it('a grouped warning brings the inbox tab forward and opens no conversation', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://business.facebook.com/latest/inbox/all' });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    const activate = vi.spyOn(fakeBrowser.tabs, 'update');
    const id = notificationId(tab.id!, 'group', '');
    expect(parseNotificationId(id)).toEqual({ tabId: tab.id, conversation: null });
    expect(await handleNotificationClick(id)).toBe(true);
    expect(activate).toHaveBeenCalledWith(tab.id, { active: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores other notifications and closed tabs', async () => {
    expect(await handleNotificationClick('someone-else')).toBe(false);
    expect(await handleNotificationClick(notificationId(999, 'late', 'a'))).toBe(false);
  });
});

describe('registered handlers', () => {
  it('saves and restores trackers per Page, field by field', async () => {
    registerTimersBackground();
    const track = { key: 'a', pageId: 'p1', customerName: 'Zoé', waitingSince: T0, waitingLatest: T0, waitingPrecision: 'exact', lastCustomerAt: T0, lastCustomerPrecision: 'exact', lastReplyAt: null, seenAt: T0 } as const;
    await sendMessage('timers:save', { pageId: 'p1', tracks: [{ ...track, text: 'secret message' } as never] });
    const { tracks } = await sendMessage('timers:restore', { pageId: 'p1' });
    expect(tracks).toEqual([track]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('secret');
    expect((await sendMessage('timers:restore', { pageId: 'other' })).tracks).toEqual([]);
  });

  it('alerts:update without a tab (not from a content script) does nothing', async () => {
    registerTimersBackground();
    expect(await sendMessage('alerts:update', { pageId: 'p1', openNow: true, items: [item('a', 'late')] })).toEqual({ notified: 0 });
  });
});

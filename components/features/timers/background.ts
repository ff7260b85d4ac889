import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { onMessages, sendToTab } from '../../../utils/messaging';
import { resolveLocale } from '../../../utils/i18n';
import { generalSettings } from '../../../utils/settings/general';
import { groupNotificationText, notificationText } from '../../../utils/timers/notification-text';
import { timingSettings } from '../../../utils/timers/settings';
import { worstState } from '../../../utils/timers/timers';
import type { AlertItem, ConversationTrack, TimerState } from '../../../utils/timers/types';
import { MAX_TRACKS } from '../../../utils/timers/tracker';

/**
 * The timers' background part: the toolbar badge per tab, the desktop
 * warnings (each once per waiting episode), focusing the inbox when one is
 * clicked, and a session memory of the trackers for page reloads.
 *
 * Everything that must survive the MV3 worker being stopped lives in
 * storage.session (memory only, cleared when the browser closes).
 */

/** Per Page + conversation: the warnings already raised for the current wait. */
interface NotifiedRecord {
  since: number;
  states: TimerState[];
  at: number;
}
type NotifiedMap = Record<string, NotifiedRecord>;

export const notifiedItem = storage.defineItem<NotifiedMap>('session:timing.notified', { fallback: {} });
export const savedTracksItem = storage.defineItem<Record<string, ConversationTrack[]>>('session:timing.tracks', { fallback: {} });

export const BADGE_COLOURS: Record<TimerState, string> = {
  late: '#C62828',
  soon: '#9A6700',
  ok: '#1E7E34',
  paused: '#5F6368',
  closed: '#5F6368',
};
const NOTIFICATION_PREFIX = 'inbox-pilot-timer';
const FORGET_AFTER_MS = 8 * 86_400_000;

const pageKey = (pageId: string | null) => pageId ?? '-';

/**
 * From this many warnings due in one update, one grouped warning is raised instead of one each: an inbox
 * opened in the morning with nine customers already past the target gave nine desktop warnings at once.
 */
export const GROUP_FROM = 3;
const GROUP = 'group';

export function notificationId(tabId: number, state: TimerState | typeof GROUP, conversation: string): string {
  return `${NOTIFICATION_PREFIX}|${tabId}|${state}|${encodeURIComponent(conversation)}`;
}

/** The tab a warning belongs to, and its conversation (null for a grouped warning: it only brings the inbox forward). */
export function parseNotificationId(id: string): { tabId: number; conversation: string | null } | null {
  const parts = id.split('|');
  if (parts.length !== 4 || parts[0] !== NOTIFICATION_PREFIX) return null;
  const tabId = Number(parts[1]);
  if (!Number.isInteger(tabId)) return null;
  if (parts[2] === GROUP) return { tabId, conversation: null };
  try {
    return { tabId, conversation: decodeURIComponent(parts[3]!) };
  } catch {
    return null;
  }
}

/** The toolbar API: `action` in MV3, `browserAction` in Firefox MV2. */
function toolbar(): typeof browser.action | undefined {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

export async function setBadge(tabId: number, items: readonly AlertItem[]): Promise<void> {
  const api = toolbar();
  if (!api) return;
  // Closed conversations (past 7 days, 24 hours on WhatsApp) can no longer be answered: not counted as waiting.
  const open = items.filter((i) => i.state !== 'closed');
  const worst = worstState(open);
  await api.setBadgeText({ tabId, text: open.length === 0 ? '' : open.length > 99 ? '99+' : String(open.length) });
  if (worst) await api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
}

// One update at a time: two quick updates must not both see "not yet notified".
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function uiLocaleForBackground() {
  const general = await generalSettings.getValue().catch(() => null);
  return resolveLocale(general?.language ?? 'auto', typeof navigator !== 'undefined' ? navigator.language : 'en');
}

/** Applies one tab's waiting list: badge, then any warning not raised yet. Returns the number raised. */
export function handleAlertsUpdate(
  tabId: number,
  data: { pageId: string | null; openNow: boolean; items: AlertItem[] },
  now = Date.now(),
): Promise<number> {
  return serially(async () => {
    const items = Array.isArray(data.items) ? data.items.filter((i) => i && typeof i.key === 'string') : [];
    await setBadge(tabId, items).catch(() => undefined); // a closed tab must not stop the warnings
    const settings = await timingSettings.getValue();
    const notified = { ...(await notifiedItem.getValue()) };
    let raised = 0;
    let changed = false;
    for (const [k, rec] of Object.entries(notified)) {
      if (now - rec.at > FORGET_AFTER_MS) {
        delete notified[k];
        changed = true;
      }
    }
    const quiet = settings.notifications.quietOutsideHours && !data.openNow;
    const locale = settings.notifications.enabled && !quiet ? await uiLocaleForBackground() : 'en';
    // The warnings due now, each with the record it will leave (raised below, alone or grouped).
    const due: Array<{ item: AlertItem & { state: 'soon' | 'late' }; id: string; rec: NotifiedRecord | undefined }> = [];
    for (const item of items) {
      if (item.state !== 'soon' && item.state !== 'late') continue;
      const id = `${pageKey(data.pageId)}|${item.key}`;
      // Warned under an older key (the row key before the conversation was first opened): same conversation.
      const aliasId = (item.aliases ?? []).map((a) => `${pageKey(data.pageId)}|${a}`).find((a) => notified[a]);
      let rec = notified[id] ?? (aliasId ? notified[aliasId] : undefined);
      // A reply after the wait we warned about ended that episode: this is a new one.
      if (rec && item.lastReplyAt !== null && item.lastReplyAt >= rec.since) rec = undefined;
      if (rec && !notified[id]) {
        notified[id] = rec; // carry the record over to the current key
        changed = true;
      }
      if (rec?.states.includes(item.state)) continue;
      if (!settings.notifications.enabled || quiet) continue; // not marked: it may be raised once allowed
      due.push({ item: item as AlertItem & { state: 'soon' | 'late' }, id, rec });
    }
    const mark = ({ item, id, rec }: (typeof due)[number]) => {
      // Going straight to late: the "soon" warning is moot, never raise it afterwards.
      const states: TimerState[] = item.state === 'late' ? ['soon', 'late'] : [...(rec?.states ?? []), 'soon'];
      notified[id] = { since: item.waitingSince, states: [...new Set(states)], at: now };
      changed = true;
    };
    const show = async (notification: string, text: { title: string; message: string }, late: boolean) => {
      try {
        await browser.notifications.create(notification, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...text, priority: late ? 2 : 1 });
        return true;
      } catch (error) {
        console.warn('[Inbox Pilot] notification failed', error);
        return false;
      }
    };
    if (due.length >= GROUP_FROM) {
      // Late ones first, then the longest waiting: the names shown are the most urgent.
      due.sort((a, b) => (a.item.state === b.item.state ? a.item.waitingSince - b.item.waitingSince : a.item.state === 'late' ? -1 : 1));
      const late = due.some((d) => d.item.state === 'late');
      // One grouped warning per tab: a later group replaces the earlier one rather than piling up.
      if (await show(notificationId(tabId, GROUP, ''), groupNotificationText(due.map((d) => d.item), locale), late)) {
        raised++;
        due.forEach(mark);
      }
    } else {
      for (const d of due) {
        if (!(await show(notificationId(tabId, d.item.state, d.item.key), notificationText(d.item, d.item.state, now, locale), d.item.state === 'late'))) continue;
        raised++;
        mark(d);
      }
    }
    if (changed) await notifiedItem.setValue(notified);
    return raised;
  });
}

/** A warning was clicked: bring its inbox tab forward and open the conversation there. */
export async function handleNotificationClick(id: string): Promise<boolean> {
  const target = parseNotificationId(id);
  if (!target) return false;
  await browser.notifications.clear(id).catch(() => undefined);
  try {
    const tab = await browser.tabs.get(target.tabId);
    if (!tab) return false;
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    await browser.tabs.update(target.tabId, { active: true });
    if (target.conversation === null) return true; // a grouped warning: the inbox, its sidebar lists them all
    const reply = await sendToTab(target.tabId, 'inbox:open-conversation', { conversation: target.conversation });
    return reply.opened;
  } catch {
    return false; // the tab is gone or its page changed: nothing to open
  }
}

function sanitizeTracks(tracks: unknown): ConversationTrack[] {
  if (!Array.isArray(tracks)) return [];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const prec = (v: unknown) => (v === 'approximate' ? 'approximate' : 'exact') as ConversationTrack['waitingPrecision'];
  return tracks
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null && typeof (t as { key?: unknown }).key === 'string')
    .slice(0, MAX_TRACKS)
    .map((t) => ({
      // Field by field: nothing else (no message text) gets stored.
      key: String(t.key).slice(0, 200),
      pageId: typeof t.pageId === 'string' ? t.pageId.slice(0, 64) : null,
      customerName: typeof t.customerName === 'string' ? t.customerName.slice(0, 200) : null,
      waitingSince: num(t.waitingSince),
      waitingLatest: num(t.waitingLatest),
      waitingPrecision: prec(t.waitingPrecision),
      lastCustomerAt: num(t.lastCustomerAt),
      lastCustomerPrecision: prec(t.lastCustomerPrecision),
      lastReplyAt: num(t.lastReplyAt),
      seenAt: num(t.seenAt) ?? 0,
      ...(typeof t.aliasOf === 'string' ? { aliasOf: t.aliasOf.slice(0, 200) } : {}),
      ...(Array.isArray(t.aliases) ? { aliases: t.aliases.filter((a): a is string => typeof a === 'string').slice(0, 10).map((a) => a.slice(0, 200)) } : {}),
    }));
}

export function registerTimersBackground(): void {
  onMessages({
    'alerts:update': async (data, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { notified: 0 };
      return { notified: await handleAlertsUpdate(tabId, data) };
    },
    'timers:save': (data) =>
      serially(async () => {
        const all = { ...(await savedTracksItem.getValue()) };
        const tracks = sanitizeTracks(data.tracks);
        all[pageKey(data.pageId)] = tracks;
        await savedTracksItem.setValue(all);
        return { saved: tracks.length };
      }),
    'timers:restore': async (data) => ({ tracks: sanitizeTracks((await savedTracksItem.getValue())[pageKey(data.pageId)]) }),
  });
  browser.notifications?.onClicked.addListener((id: string) => void handleNotificationClick(id));
}


import { businessMillis, isOpenAt, nextClosing, nextOpening, type Schedule } from './business-hours';
import { effectiveSchedule, type TimingSettings } from './settings';
import type { AlertItem, ConversationTrack, TimerState, TimerView, TrackerState } from './types';
import type { Channel } from '../inbox/types';

/**
 * From the tracker's memory, the settings and `now`: every conversation
 * waiting for a reply, with its clock, state and messaging windows. Pure.
 */

export const MESSAGING_WINDOW_MS = 24 * 3_600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * How long after the customer's last message an agent can still write freely: the 7-day human-agent
 * window on Messenger and Instagram (HUMAN_AGENT tag), but only the 24-hour customer service window
 * on WhatsApp, where later messages must be approved templates. A conversation whose channel the
 * page has not told yet (a row never opened on the "All" tab) gets Messenger's.
 */
export function replyWindowMs(channel: Channel | null | undefined): number {
  return channel === 'whatsapp' ? MESSAGING_WINDOW_MS : HUMAN_AGENT_WINDOW_MS;
}
/** The sidebar shows the window left under this. */
export const WINDOW_SHOWN_UNDER_MS = 3 * 3_600_000;

export interface TimerOptions {
  now: number;
  targetMinutes: number;
  settings: Pick<TimingSettings, 'warningLeadMinutes' | 'businessHours' | 'timeBasis'>;
  /** Only this Page's conversations (null/undefined = all). */
  pageId?: string | null;
}

/** `ok` / `soon` / `late`, or `paused` while the business is closed (business time only). */
export function stateFor(leftMs: number, leadMs: number, countingBusinessTime: boolean, openNow: boolean): TimerState {
  if (leftMs <= 0) return 'late';
  if (countingBusinessTime && !openNow) return 'paused';
  return leftMs <= leadMs ? 'soon' : 'ok';
}

const STATE_RANK: Record<TimerState, number> = { late: 0, soon: 1, ok: 2, paused: 3, closed: 4 };

/**
 * Most urgent first: late (most overdue first), soon, ok, paused, then closed; by time left within each.
 * Time left is compared as one instant for every view of a list, whatever its `at` (views kept by a
 * TimerMemo are older): when it runs out, for a counting view; the time left itself when nothing
 * counts. Within a state, the views all count or all do not (`counting` depends only on the state and
 * the schedule).
 */
export function byUrgency(a: TimerView, b: TimerView): number {
  // Inline, no helper call: it runs a few hundred times per state change with 200 rows, mostly not optimized.
  return (
    STATE_RANK[a.state] - STATE_RANK[b.state] ||
    (a.counting ? a.at + a.leftMs : a.leftMs) - (b.counting ? b.at + b.leftMs : b.leftMs) ||
    a.waitingSince - b.waitingSince ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * The waiting conversations, oldest wait first. Computed when the tracker
 * changes (not on every tick): that order is already the urgency order,
 * since the counted time can only be larger for an older wait.
 */
export function waitingTracks(tracks: TrackerState): ConversationTrack[] {
  const out: ConversationTrack[] = [];
  for (const key in tracks) if (tracks[key]!.waitingSince !== null) out.push(tracks[key]!);
  return out.sort((a, b) => a.waitingSince! - b.waitingSince! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What computeTimers may keep between two calls (createTimerMemo): each view
 * with the first instant it can read differently, by track object (the
 * tracker replaces a track when it changes). A view kept is the same object,
 * its figures still at its own `at` (advance() moves them on): consumers that
 * compare views by identity (the ticker, the row shapes) then skip it. Any
 * change of the options recomputes every view.
 */
export interface TimerMemo {
  basis: string;
  kept: WeakMap<ConversationTrack, { view: TimerView; until: number }>;
  /** After a call: the first instant any view of its list can read differently (viewChangeAt), without the schedule's edges. */
  changeAt: number;
}

export const createTimerMemo = (): TimerMemo => ({ basis: '', kept: new WeakMap(), changeAt: Number.POSITIVE_INFINITY });

export function computeTimers(tracks: TrackerState | readonly ConversationTrack[], opts: TimerOptions, memo?: TimerMemo): TimerView[] {
  const schedule: Schedule | null = effectiveSchedule(opts.settings);
  const openNow = isOpenAt(opts.now, schedule);
  const targetMs = Math.max(0, opts.targetMinutes) * 60_000;
  const leadMs = Math.max(0, opts.settings.warningLeadMinutes) * 60_000;
  if (memo) {
    // Everything a view depends on besides its track and the clock (the schedule's edges flip openNow).
    const basis = `${targetMs}|${leadMs}|${openNow}|${opts.pageId ?? ''}|${schedule ? JSON.stringify(schedule) : ''}`;
    if (basis !== memo.basis) memo.kept = new WeakMap();
    memo.basis = basis;
    memo.changeAt = Number.POSITIVE_INFINITY;
  }
  const out: TimerView[] = [];
  const list = Array.isArray(tracks) ? (tracks as readonly ConversationTrack[]) : waitingTracks(tracks as TrackerState);
  for (const t of list) {
    if (t.waitingSince === null) continue;
    if (opts.pageId && t.pageId && t.pageId !== opts.pageId) continue;
    const kept = memo?.kept.get(t);
    if (kept && opts.now >= kept.view.at && opts.now < kept.until) {
      if (kept.until < memo!.changeAt) memo!.changeAt = kept.until;
      out.push(kept.view);
      continue;
    }
    const view = timerView(t, opts.now, targetMs, leadMs, schedule, openNow);
    if (memo) {
      const until = viewChangeAt(view, leadMs);
      memo.kept.set(t, { view, until });
      if (until < memo.changeAt) memo.changeAt = until;
    }
    out.push(view);
  }
  // Nearly free on the presorted list (TimSort), and keeps the order right for any input.
  return out.sort(byUrgency);
}

function timerView(t: ConversationTrack, now: number, targetMs: number, leadMs: number, schedule: Schedule | null, openNow: boolean): TimerView {
  const waitingSince = t.waitingSince!;
  const lastCustomer = t.lastCustomerAt ?? waitingSince;
  const replyWindow = replyWindowMs(t.channel);
  const closesAt = lastCustomer + replyWindow;
  // Past the last window in which an agent can write (7 days, 24 hours on WhatsApp) nobody can
  // answer any more: still listed ("closed"), but its clock stops where the window closed, so it is
  // never late against the target.
  const closed = now >= closesAt;
  const countedUntil = closed ? Math.max(waitingSince, closesAt) : now;
  const elapsedWallMs = Math.max(0, now - waitingSince);
  const countedWallMs = Math.max(0, countedUntil - waitingSince);
  const elapsedBusinessMs = schedule ? businessMillis(waitingSince, countedUntil, schedule) : countedWallMs;
  const countedMs = schedule ? elapsedBusinessMs : countedWallMs;
  const leftMs = targetMs - countedMs;
  const windowLeftMs = lastCustomer + MESSAGING_WINDOW_MS - now;
  const view: TimerView = {
    key: t.key,
    customerName: t.customerName,
    ...(t.channel ? { channel: t.channel } : {}),
    waitingSince,
    lastReplyAt: t.lastReplyAt,
    at: now,
    counting: !closed && (schedule === null || openNow),
    precision: t.waitingPrecision,
    elapsedWallMs,
    elapsedBusinessMs,
    countedMs,
    targetMs,
    leftMs,
    state: closed ? 'closed' : stateFor(leftMs, leadMs, schedule !== null, openNow),
    windowLeftMs,
    // The human-agent window is the last one wherever there is one (replyWindowMs).
    humanAgentLeftMs: replyWindow === HUMAN_AGENT_WINDOW_MS ? closesAt - now : null,
    windowPrecision: t.lastCustomerAt === null ? 'approximate' : t.lastCustomerPrecision,
  };
  // Set after (not spread in): a spread costs a runtime call per row, and this runs on every state change.
  if (t.aliases?.length) view.aliases = t.aliases;
  return view;
}

/**
 * The first instant after `v.at` at which this view's own state or window
 * notice can change (+Infinity: never): the warning lead, the target, the
 * 24-hour window's last hours and its end, the 7-day window's end. The
 * schedule's edges are the list's (nextChangeAt).
 */
export function viewChangeAt(v: TimerView, leadMs: number): number {
  let next = Number.POSITIVE_INFINITY;
  // While closed, nothing counts: the next change is the opening (nextChangeAt).
  if (v.state !== 'late' && v.counting) next = sooner(next, v.at, v.leftMs - leadMs, v.leftMs);
  if (v.windowLeftMs !== null) next = sooner(next, v.at, v.windowLeftMs - WINDOW_SHOWN_UNDER_MS, v.windowLeftMs);
  if (v.humanAgentLeftMs !== null) next = sooner(next, v.at, v.humanAgentLeftMs, v.humanAgentLeftMs);
  return next;
}

/** The earliest of `next` and the instants `at + dt` still ahead of `at` (no closure: it runs per view). */
function sooner(next: number, at: number, dt1: number, dt2: number): number {
  if (dt1 > 0 && at + dt1 < next) next = at + dt1;
  if (dt2 > 0 && at + dt2 < next) next = at + dt2;
  return next;
}

/**
 * The earliest instant at which any state, window notice or the list itself
 * can change: until then the views stay as they are and only the ticking
 * figures move (cheap on every tick). A lower bound in wall time: business
 * time never runs faster than the wall clock, so waking early only costs a
 * recomputation that finds nothing new and plans the next one.
 */
export function nextChangeAt(views: readonly TimerView[], now: number, leadMs: number, schedule: Schedule | null): number {
  let next = Number.POSITIVE_INFINITY;
  for (const v of views) next = Math.min(next, viewChangeAt(v, leadMs));
  return Math.min(next, scheduleEdgeAfter(now, schedule));
}

/** The schedule's next opening or closing after `now` (+Infinity: no schedule, or no edge ahead). */
export function scheduleEdgeAfter(now: number, schedule: Schedule | null): number {
  if (!schedule) return Number.POSITIVE_INFINITY;
  const edge = isOpenAt(now, schedule) ? nextClosing(now, schedule) : nextOpening(now, schedule);
  return edge !== null && edge > now ? edge : Number.POSITIVE_INFINITY;
}

/** A view's figures at `now` (>= v.at), without recomputing the list. */
export function advance(v: TimerView, now: number): { elapsedWallMs: number; leftMs: number; windowLeftMs: number | null; humanAgentLeftMs: number | null } {
  const dt = Math.max(0, now - v.at);
  return {
    elapsedWallMs: v.elapsedWallMs + dt,
    leftMs: v.counting ? v.leftMs - dt : v.leftMs,
    windowLeftMs: v.windowLeftMs === null ? null : v.windowLeftMs - dt,
    humanAgentLeftMs: v.humanAgentLeftMs === null ? null : v.humanAgentLeftMs - dt,
  };
}

/** `closed.after`: the window that ended last (the 24-hour one where no human-agent window follows: WhatsApp). */
export type WindowNotice = { kind: 'messaging' | 'human-agent'; leftMs: number } | { kind: 'closed'; after: 'messaging' | 'human-agent' };

/**
 * Which messaging window to show for a row, if any: the 24-hour window in its
 * last 3 hours; once it has closed, the human-agent reply time left, all the
 * way to 7 days (that is what an agent can still do); then "closed". Without a
 * human-agent window (WhatsApp), "closed" as soon as the 24 hours are over.
 */
export function windowNotice(v: Pick<TimerView, 'windowLeftMs' | 'humanAgentLeftMs'>): WindowNotice | null {
  if (v.windowLeftMs !== null && v.windowLeftMs > 0) {
    return v.windowLeftMs < WINDOW_SHOWN_UNDER_MS ? { kind: 'messaging', leftMs: v.windowLeftMs } : null;
  }
  if (v.humanAgentLeftMs === null) return v.windowLeftMs === null ? null : { kind: 'closed', after: 'messaging' };
  return v.humanAgentLeftMs > 0 ? { kind: 'human-agent', leftMs: v.humanAgentLeftMs } : { kind: 'closed', after: 'human-agent' };
}

/** The worst state of a list, for the badge colour. */
export function worstState(views: ReadonlyArray<Pick<TimerView, 'state'>>): TimerState | null {
  let worst: TimerState | null = null;
  for (const v of views) if (worst === null || STATE_RANK[v.state] < STATE_RANK[worst]) worst = v.state;
  return worst;
}

/** What the background hears of a list, with the time left at `now` (a kept view's figures are older). */
export function toAlertItems(views: readonly TimerView[], now?: number): AlertItem[] {
  return views.map((v) => {
    const item: AlertItem = {
      key: v.key,
      customerName: v.customerName,
      waitingSince: v.waitingSince,
      lastReplyAt: v.lastReplyAt,
      state: v.state,
      leftMs: now === undefined ? v.leftMs : advance(v, now).leftMs,
      precision: v.precision,
    };
    if (v.aliases) item.aliases = v.aliases;
    return item;
  });
}

/**
 * Whether the background must hear about this list: true when something it
 * acts on changed (not on every tick). Allocation-free: runs every second.
 */
export function alertsChanged(previous: readonly AlertItem[] | null, views: readonly TimerView[]): boolean {
  if (!previous || previous.length !== views.length) return true;
  for (let i = 0; i < views.length; i++) {
    const a = previous[i]!;
    const v = views[i]!;
    if (a.key !== v.key || a.state !== v.state || a.waitingSince !== v.waitingSince || a.lastReplyAt !== v.lastReplyAt || a.customerName !== v.customerName) return true;
  }
  return false;
}

/** Changes only when something the background acts on changes (not on every tick). */
export function alertSignature(items: readonly AlertItem[], openNow: boolean): string {
  return `${openNow ? 1 : 0}|` + items.map((i) => `${i.key}:${i.state}:${i.waitingSince}:${i.lastReplyAt ?? ''}:${i.customerName ?? ''}`).join('|');
}

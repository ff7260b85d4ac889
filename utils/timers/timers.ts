import { businessMillis, isOpenAt, nextClosing, nextOpening, type Schedule } from './business-hours';
import { effectiveSchedule, type TimingSettings } from './settings';
import type { AlertItem, ConversationTrack, TimerState, TimerView, TrackerState } from './types';

/**
 * From the tracker's memory, the settings and `now`: every conversation
 * waiting for a reply, with its clock, state and messaging windows. Pure.
 */

export const MESSAGING_WINDOW_MS = 24 * 3_600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;
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

/** Most urgent first: late (most overdue first), soon, ok, paused, then closed; by time left within each. */
export function byUrgency(a: TimerView, b: TimerView): number {
  return STATE_RANK[a.state] - STATE_RANK[b.state] || a.leftMs - b.leftMs || a.waitingSince - b.waitingSince || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
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

export function computeTimers(tracks: TrackerState | readonly ConversationTrack[], opts: TimerOptions): TimerView[] {
  const schedule: Schedule | null = effectiveSchedule(opts.settings);
  const openNow = isOpenAt(opts.now, schedule);
  const targetMs = Math.max(0, opts.targetMinutes) * 60_000;
  const leadMs = Math.max(0, opts.settings.warningLeadMinutes) * 60_000;
  const out: TimerView[] = [];
  const list = Array.isArray(tracks) ? (tracks as readonly ConversationTrack[]) : waitingTracks(tracks as TrackerState);
  for (const t of list) {
    if (t.waitingSince === null) continue;
    if (opts.pageId && t.pageId && t.pageId !== opts.pageId) continue;
    const lastCustomer = t.lastCustomerAt ?? t.waitingSince;
    const closesAt = lastCustomer + HUMAN_AGENT_WINDOW_MS;
    // Past the 7-day human-agent window nobody can answer any more: still listed ("closed"),
    // but its clock stops where the window closed, so it is never late against the target.
    const closed = opts.now >= closesAt;
    const countedUntil = closed ? Math.max(t.waitingSince, closesAt) : opts.now;
    const elapsedWallMs = Math.max(0, opts.now - t.waitingSince);
    const countedWallMs = Math.max(0, countedUntil - t.waitingSince);
    const elapsedBusinessMs = schedule ? businessMillis(t.waitingSince, countedUntil, schedule) : countedWallMs;
    const countedMs = schedule ? elapsedBusinessMs : countedWallMs;
    const leftMs = targetMs - countedMs;
    const windowLeftMs = lastCustomer + MESSAGING_WINDOW_MS - opts.now;
    const view: TimerView = {
      key: t.key,
      customerName: t.customerName,
      ...(t.channel ? { channel: t.channel } : {}),
      waitingSince: t.waitingSince,
      lastReplyAt: t.lastReplyAt,
      at: opts.now,
      counting: !closed && (schedule === null || openNow),
      precision: t.waitingPrecision,
      elapsedWallMs,
      elapsedBusinessMs,
      countedMs,
      targetMs,
      leftMs,
      state: closed ? 'closed' : stateFor(leftMs, leadMs, schedule !== null, openNow),
      windowLeftMs,
      humanAgentLeftMs: lastCustomer + HUMAN_AGENT_WINDOW_MS - opts.now,
      windowPrecision: t.lastCustomerAt === null ? 'approximate' : t.lastCustomerPrecision,
    };
    // Set after (not spread in): a spread costs a runtime call per row, and this runs on every state change.
    if (t.aliases?.length) view.aliases = t.aliases;
    out.push(view);
  }
  // Nearly free on the presorted list (TimSort), and keeps the order right for any input.
  return out.sort(byUrgency);
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
  const within = (dt: number | null) => {
    if (dt !== null && dt > 0 && now + dt < next) next = now + dt;
  };
  for (const v of views) {
    // While closed, nothing counts: the next change is the opening (below).
    if (v.state !== 'late' && v.counting) {
      within(v.leftMs - leadMs);
      within(v.leftMs);
    }
    if (v.windowLeftMs !== null) {
      within(v.windowLeftMs - WINDOW_SHOWN_UNDER_MS);
      within(v.windowLeftMs);
    }
    if (v.humanAgentLeftMs !== null) within(v.humanAgentLeftMs);
  }
  if (schedule) {
    const edge = isOpenAt(now, schedule) ? nextClosing(now, schedule) : nextOpening(now, schedule);
    within(edge === null ? null : edge - now);
  }
  return next;
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

export type WindowNotice = { kind: 'messaging' | 'human-agent'; leftMs: number } | { kind: 'closed' };

/**
 * Which messaging window to show for a row, if any: the 24-hour window in its
 * last 3 hours; once it has closed, the human-agent reply time left, all the
 * way to 7 days (that is what an agent can still do); then "closed".
 */
export function windowNotice(v: Pick<TimerView, 'windowLeftMs' | 'humanAgentLeftMs'>): WindowNotice | null {
  if (v.windowLeftMs !== null && v.windowLeftMs > 0) {
    return v.windowLeftMs < WINDOW_SHOWN_UNDER_MS ? { kind: 'messaging', leftMs: v.windowLeftMs } : null;
  }
  if (v.humanAgentLeftMs === null) return null;
  return v.humanAgentLeftMs > 0 ? { kind: 'human-agent', leftMs: v.humanAgentLeftMs } : { kind: 'closed' };
}

/** The worst state of a list, for the badge colour. */
export function worstState(views: ReadonlyArray<Pick<TimerView, 'state'>>): TimerState | null {
  let worst: TimerState | null = null;
  for (const v of views) if (worst === null || STATE_RANK[v.state] < STATE_RANK[worst]) worst = v.state;
  return worst;
}

export function toAlertItems(views: readonly TimerView[]): AlertItem[] {
  return views.map((v) => {
    const item: AlertItem = {
      key: v.key,
      customerName: v.customerName,
      waitingSince: v.waitingSince,
      lastReplyAt: v.lastReplyAt,
      state: v.state,
      leftMs: v.leftMs,
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

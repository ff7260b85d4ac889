import type { Channel, InboxEvent, InboxSnapshot, Precision, TimeRange } from '../inbox/types';
import type { ConversationTrack, TrackerState } from './types';

/**
 * The per-conversation memory of the timers: a reducer over the adapter's
 * events and snapshots. Pure: every function returns the same object when
 * nothing changed, so signals built on it do not fire needlessly.
 *
 * Rules (helpdesk "first response time"):
 * - the clock starts at the customer's FIRST unanswered message: later
 *   messages of a burst do not move it;
 * - a reply by ANY agent (or the Page) stops it;
 * - a customer message after that reply starts a new wait;
 * - a message older than the latest known reply is history, not a new wait.
 */

/** A time range narrower than this is a machine timestamp, not a coarse token. */
const EXACT_WIDTH_MS = 1_000;
/** Forget conversations not seen for longer than the human-agent window plus a day. */
export const FORGET_AFTER_MS = 8 * 86_400_000;
/** Cap on remembered conversations (waiting ones are always kept). */
export const MAX_TRACKS = 500;

export const emptyTracker: TrackerState = Object.freeze({});

function blank(key: string, pageId: string | null, seenAt: number): ConversationTrack {
  return {
    key,
    pageId,
    customerName: null,
    waitingSince: null,
    waitingLatest: null,
    waitingPrecision: 'exact',
    lastCustomerAt: null,
    lastCustomerPrecision: 'exact',
    lastReplyAt: null,
    seenAt,
  };
}

const rangePrecision = (r: TimeRange): Precision => (r.end - r.start <= EXACT_WIDTH_MS ? 'exact' : 'approximate');

function sameTrack(a: ConversationTrack, b: ConversationTrack): boolean {
  return (
    a.customerName === b.customerName &&
    a.pageId === b.pageId &&
    a.waitingSince === b.waitingSince &&
    a.waitingLatest === b.waitingLatest &&
    a.waitingPrecision === b.waitingPrecision &&
    a.lastCustomerAt === b.lastCustomerAt &&
    a.lastCustomerPrecision === b.lastCustomerPrecision &&
    a.lastReplyAt === b.lastReplyAt &&
    (a.channel ?? null) === (b.channel ?? null)
  );
}

/** A customer message sent in [at, latest]. */
function customerMessage(t: ConversationTrack, at: number, latest: number, precision: Precision): ConversationTrack {
  // History: sent before the latest reply we know of.
  if (t.lastReplyAt !== null && latest <= t.lastReplyAt) return t;
  // The token straddles our reply: the message came after it.
  const start = t.lastReplyAt !== null && at <= t.lastReplyAt ? t.lastReplyAt + 1 : at;
  const next = { ...t };
  if (next.lastCustomerAt === null || start > next.lastCustomerAt) {
    next.lastCustomerAt = start;
    next.lastCustomerPrecision = precision;
  } else if (start === next.lastCustomerAt && precision === 'exact') next.lastCustomerPrecision = 'exact';

  if (next.waitingSince === null || start < next.waitingSince) {
    // A new wait, or an earlier message of the same burst seen late.
    const sameMessageCoarser = next.waitingSince !== null && next.waitingPrecision === 'exact' && precision === 'approximate' && (next.waitingSince ?? 0) <= latest;
    if (!sameMessageCoarser) {
      next.waitingSince = start;
      next.waitingLatest = precision === 'exact' ? start : Math.max(start, latest);
      next.waitingPrecision = precision;
    }
  } else if (
    precision === 'exact' &&
    next.waitingPrecision === 'approximate' &&
    next.waitingLatest !== null &&
    start <= next.waitingLatest
  ) {
    // An exact time inside the coarse range we had: the same message, now known precisely.
    next.waitingSince = start;
    next.waitingLatest = start;
    next.waitingPrecision = 'exact';
  }
  return next;
}

/** A reply (any agent, any tool) at or after `at`. */
function reply(t: ConversationTrack, at: number): ConversationTrack {
  const next = { ...t };
  if (next.lastReplyAt === null || at > next.lastReplyAt) next.lastReplyAt = at;
  if (next.waitingSince !== null && at >= next.waitingSince) {
    next.waitingSince = null;
    next.waitingLatest = null;
    next.waitingPrecision = 'exact';
  }
  return next;
}

/** The key a conversation is tracked under now (following an `r:…` row key to its `selected_item_id`). */
export function resolveKey(state: TrackerState, key: string): string {
  return state[key]?.aliasOf ?? key;
}

/** Joins what was tracked under a conversation's row key into its id, leaving a pointer behind. */
export function linkKeys(state: TrackerState, id: string, rowKey: string | undefined): TrackerState {
  if (!rowKey || rowKey === id) return state;
  const from = state[rowKey];
  if (!from || from.aliasOf !== undefined) return state;
  const into = state[id];
  const merged = into ? mergeTracks(into, from) : { ...from, key: id };
  merged.aliases = [...new Set([...(into?.aliases ?? []), ...(from.aliases ?? []), rowKey])];
  const pointer: ConversationTrack = { ...blank(rowKey, from.pageId, from.seenAt), aliasOf: id };
  return { ...state, [id]: merged, [rowKey]: pointer };
}

function mergeTracks(a: ConversationTrack, b: ConversationTrack): ConversationTrack {
  const out: ConversationTrack = { ...a, customerName: a.customerName ?? b.customerName, pageId: a.pageId ?? b.pageId, seenAt: Math.max(a.seenAt, b.seenAt) };
  const channel = a.channel ?? b.channel;
  if (channel) out.channel = channel;
  if (b.lastReplyAt !== null && (out.lastReplyAt === null || b.lastReplyAt > out.lastReplyAt)) out.lastReplyAt = b.lastReplyAt;
  if (b.lastCustomerAt !== null && (out.lastCustomerAt === null || b.lastCustomerAt > out.lastCustomerAt)) {
    out.lastCustomerAt = b.lastCustomerAt;
    out.lastCustomerPrecision = b.lastCustomerPrecision;
  }
  if (b.waitingSince !== null && (out.waitingSince === null || b.waitingSince < out.waitingSince)) {
    out.waitingSince = b.waitingSince;
    out.waitingLatest = b.waitingLatest;
    out.waitingPrecision = b.waitingPrecision;
  }
  // A reply after the start of the wait, seen under either key, answered it.
  if (out.waitingSince !== null && out.lastReplyAt !== null && out.lastReplyAt >= out.waitingSince) {
    out.waitingSince = null;
    out.waitingLatest = null;
    out.waitingPrecision = 'exact';
  }
  return out;
}

function put(state: TrackerState, before: ConversationTrack | undefined, after: ConversationTrack): TrackerState {
  if (before && sameTrack(before, after)) return state;
  return { ...state, [after.key]: after };
}

function withName(t: ConversationTrack, name: string | null | undefined, pageId: string | null | undefined, channel?: Channel | null): ConversationTrack {
  const customerName = name ?? t.customerName;
  const page = pageId ?? t.pageId;
  // A conversation keeps its channel once the page told it (a later read from the `all` tab does not know it).
  const ch = channel ?? t.channel ?? null;
  if (customerName === t.customerName && page === t.pageId && ch === (t.channel ?? null)) return t;
  return { ...t, customerName, pageId: page, ...(ch ? { channel: ch } : {}) };
}

export function applyEvent(state: TrackerState, event: InboxEvent): TrackerState {
  state = linkKeys(state, event.conversation, event.rowKey);
  const key = resolveKey(state, event.conversation);
  const before = state[key];
  let t = withName(before ?? blank(key, event.pageId, event.at), event.customerName, event.pageId, event.channel);
  if (event.kind === 'customer-message') {
    // An interval that precedes a later message ends, for the timers, before that message's second: its exact
    // time is then never taken for this message (the timer counts from the start either way).
    const end = event.precedes !== undefined ? Math.min(event.atLatest ?? event.at, event.precedes - 1) : (event.atLatest ?? event.at);
    const latest = event.precision === 'approximate' ? Math.max(event.at, end) : event.at;
    t = customerMessage(t, event.at, latest, event.precision);
  } else if (event.kind === 'reply-sent') {
    t = reply(t, event.at);
  } else if (!before && !event.customerName) {
    return state; // opening an unknown conversation teaches nothing
  }
  if (t === before) return state;
  return put(state, before, { ...t, seenAt: Math.max(t.seenAt, event.at) });
}

/** What the list rows and the open thread say. */
export function applySnapshot(state: TrackerState, snap: InboxSnapshot): TrackerState {
  let out = state;
  const pageId = snap.page.assetId;
  // The open thread says more than its row (automated replies, whole bursts): it decides for that conversation.
  const threadKey = snap.open && snap.health.found.thread ? snap.open.key : null;
  for (const row of snap.conversations) {
    out = linkKeys(out, row.key, row.rowKey);
    if (threadKey !== null && row.key === threadKey) continue;
    const key = resolveKey(out, row.key);
    const before = out[key];
    let t = withName(before ?? blank(key, pageId, snap.takenAt), row.customerName, pageId, row.channel);
    if (row.lastFrom === 'customer' && row.lastAt) {
      t = customerMessage(t, row.lastAt.start, row.lastAt.end, rangePrecision(row.lastAt));
    } else if (row.lastFrom === 'page') {
      // The Page wrote last: answered, unless the row predates a customer message we saw live.
      const stops = t.waitingSince !== null && (row.lastAt === null || row.lastAt.end >= t.waitingSince);
      if (stops) t = reply(t, row.lastAt ? Math.max(row.lastAt.start, t.waitingSince ?? 0) : (t.waitingSince ?? snap.takenAt));
      else if (row.lastAt && t.waitingSince === null) t = reply(t, row.lastAt.start);
    }
    if (!before && t.waitingSince === null && t.lastReplyAt === null) continue; // nothing worth remembering
    out = put(out, before, t === before ? t : { ...t, seenAt: snap.takenAt });
  }
  if (snap.open) out = applyOpenThread(out, snap, pageId);
  return out;
}

function applyOpenThread(state: TrackerState, snap: InboxSnapshot, pageId: string | null): TrackerState {
  const open = snap.open!;
  // Automated replies (instant replies, away messages) are not answers: Meta does not count them either.
  const messages = open.messages.filter((m) => m.side !== 'system' && !(m.side === 'page' && m.automated));
  const last = messages[messages.length - 1];
  if (!last) return state;
  const key = resolveKey(state, open.key);
  const before = state[key];
  let t = withName(before ?? blank(key, pageId, snap.takenAt), open.customerName, pageId, open.channel);
  if (last.side === 'page') {
    if (t.waitingSince !== null) {
      // Thread times come from separators above the bubble: a lower bound. The page wrote last, so it answered.
      t = reply(t, Math.max(last.at?.start ?? 0, t.waitingSince));
    } else if (last.at) t = reply(t, last.at.start);
  } else {
    let firstOfRun = messages.length - 1;
    while (firstOfRun > 0 && messages[firstOfRun - 1]!.side === 'customer') firstOfRun--;
    const first = messages[firstOfRun]!;
    if (first.at) {
      const latest = last.at ? Math.max(last.at.end, first.at.end) : first.at.end;
      // Separator times are coarse for the bubbles under them: approximate.
      t = customerMessage(t, first.at.start, latest, 'approximate');
    }
  }
  return put(state, before, t === before ? t : { ...t, seenAt: snap.takenAt });
}

/** Adds saved tracks for conversations not known yet (what is known now is fresher). */
export function restoreTracks(state: TrackerState, saved: readonly ConversationTrack[]): TrackerState {
  let out = state;
  for (const t of saved) {
    if (!t || typeof t.key !== 'string' || out[t.key]) continue;
    out = { ...out, [t.key]: t };
  }
  return out;
}

/** Drops conversations unseen for 8 days, and the oldest answered ones beyond MAX_TRACKS. */
export function pruneTracks(state: TrackerState, now: number): TrackerState {
  const keys = Object.keys(state);
  const fresh = keys.filter((k) => now - state[k]!.seenAt <= FORGET_AFTER_MS);
  let kept = fresh;
  if (fresh.length > MAX_TRACKS) {
    const waiting = fresh.filter((k) => state[k]!.waitingSince !== null);
    const answered = fresh
      .filter((k) => state[k]!.waitingSince === null)
      .sort((a, b) => state[b]!.seenAt - state[a]!.seenAt)
      .slice(0, Math.max(0, MAX_TRACKS - waiting.length));
    kept = [...waiting, ...answered];
  }
  if (kept.length === keys.length) return state;
  const out: Record<string, ConversationTrack> = {};
  for (const k of kept) out[k] = state[k]!;
  return out;
}

/**
 * The names the tracker knows for these conversations right now (an alias
 * leads to the conversation it became). At most 100 asked, 200 characters
 * each: the answer goes to the popup and is only shown.
 */
export function customerNames(tracks: TrackerState, conversations: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of conversations.slice(0, 100)) {
    if (typeof key !== 'string') continue;
    let track = Object.hasOwn(tracks, key) ? tracks[key] : undefined;
    if (track?.aliasOf && Object.hasOwn(tracks, track.aliasOf)) track = tracks[track.aliasOf];
    const name = track?.customerName?.trim();
    if (name) out[key] = name.slice(0, 200);
  }
  return out;
}

import type { InboxEvent } from '../inbox/types';
import { MAX_WAITING, pairingKey, responseId, UNKNOWN_AGENT, type PendingRecord, type ResponseRecord } from './types';

/**
 * Pairs customer messages with the replies that answered them, pure.
 *
 * Per conversation we keep the first unanswered customer message and the
 * latest reply. A customer message after the latest reply opens (or, if
 * earlier, moves back) the pending one; the first reply at or after a pending
 * message closes it into a response, whoever the agent. Anything at or before
 * the latest reply was already answered and is ignored, which is what makes
 * resends, re-renders and a second tab harmless.
 */
export interface PairingConfig {
  /** Business milliseconds between two instants (the configured schedule). */
  businessMillis(start: number, end: number): number;
  targetSeconds: number;
  useBusinessTime: boolean;
  /** Agent to credit for this browser's own replies when the page shows no `Sent by` label. */
  selfAgent: string;
}

export type PairingTrace = { what: string; id: string; conv: string; at: number } & Record<string, unknown>;

export function emptyPending(pageId: string, conversation: string): PendingRecord {
  return { key: pairingKey(pageId, conversation), pageId, conversation, waiting: [], lastReplyAt: null, updatedAt: 0 };
}

/** Events in the order they happened; a customer message and a reply at the same instant: the message first. */
export function chronological(events: readonly InboxEvent[]): InboxEvent[] {
  const rank = (e: InboxEvent) => (e.kind === 'customer-message' ? 0 : e.kind === 'reply-sent' ? 1 : 2);
  return [...events].sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

/**
 * Applies events to the pairing states (mutated; missing ones created) and
 * returns the responses they complete and the keys of the states changed.
 */
export function applyEvents(
  states: Map<string, PendingRecord>,
  events: readonly InboxEvent[],
  config: PairingConfig,
  now: number,
  /** Debug only (issue 16's trace): what became of each event, with ids and times. */
  trace?: (entry: PairingTrace) => void,
): { responses: ResponseRecord[]; changed: Set<string> } {
  const responses: ResponseRecord[] = [];
  const changed = new Set<string>();
  for (const e of chronological(events)) {
    if (e.kind === 'conversation-opened') continue;
    const note = (what: string, data: Record<string, unknown> = {}) => trace?.({ what, id: e.id, conv: e.conversation, at: e.at, ...data });
    const pageId = e.pageId ?? '';
    const keys = pairingKeysOf(e);
    const s = joinStates(states, keys, pageId, e.conversation);
    if (e.kind === 'customer-message') {
      const item = customerItem(e, s.lastReplyAt, s.lastReplyKey);
      if (!item) {
        note('answered-already', { lastReplyAt: s.lastReplyAt });
        continue;
      }
      const before = s.waiting;
      s.waiting = addCustomerMessage(s.waiting, item);
      note(s.waiting === before ? 'waiting-held' : 'waiting', { waitAt: item.at, first: s.waiting[0]?.at ?? null, lastReplyAt: s.lastReplyAt });
    } else {
      if (s.answered && e.id === s.answered.replyId && !e.history) {
        // The very reply that completed the latest response, reported again: its credit may be corrected.
        const corrected = correctCredit(s.answered.record, e, config);
        note(corrected ? 'credit-corrected' : 'same-reply-again');
        if (corrected) {
          responses.push(corrected);
          s.answered = { replyId: e.id, record: corrected };
          s.updatedAt = now;
          for (const k of keys) changed.add(k);
        }
        continue;
      }
      if (s.lastReplyAt !== null && e.at <= s.lastReplyAt) {
        note('reply-not-after-last', { lastReplyAt: s.lastReplyAt, history: e.history ?? false });
        continue; // seen already
      }
      if (e.history) {
        // The thread showed an earlier answer (issue 16): waits up to it are answered, no response is timed.
        note('history-closes', { closed: s.waiting.filter((w) => w.at <= e.at).map((w) => w.at) });
        s.waiting = s.waiting.filter((w) => w.at > e.at);
        setLastReply(s, e);
        s.updatedAt = now;
        for (const k of keys) changed.add(k);
        continue;
      }
      // The reply answers every message before it; the time counts from the first (a burst is one response).
      const first = s.waiting[0];
      if (first && first.at <= e.at) {
        const responseSeconds = Math.round((e.at - first.at) / 1000);
        const businessResponseSeconds = Math.round(config.businessMillis(first.at, e.at) / 1000);
        const judged = config.useBusinessTime ? businessResponseSeconds : responseSeconds;
        const agent = (e.agent ?? '').trim() || (e.via === 'this-browser' ? config.selfAgent : UNKNOWN_AGENT);
        const conversation = bestConversation(s.conversation, e.conversation);
        const record: ResponseRecord = {
          id: nextResponseId(s, responseId(pageId, conversation, first.at), e.at),
          pageId,
          conversation,
          customerAt: first.at,
          ...customerInterval(first, e.at),
          repliedAt: e.at,
          agent,
          responseSeconds,
          businessResponseSeconds,
          withinTarget: judged <= config.targetSeconds,
          source: e.via,
          precision: e.precision === 'approximate' || first.precision === 'approximate' ? 'approximate' : 'exact',
        };
        responses.push(record);
        s.answered = { replyId: e.id, record };
        note('response', { record: record.id, customerAt: record.customerAt, via: e.via, answered: s.waiting.filter((w) => w.at <= e.at).length });
      } else note('reply-nothing-waiting', { first: first?.at ?? null });
      s.waiting = s.waiting.filter((w) => w.at > e.at);
      setLastReply(s, e);
    }
    s.conversation = bestConversation(s.conversation, e.conversation);
    s.updatedAt = now;
    for (const k of keys) changed.add(k);
  }
  return { responses, changed };
}

/**
 * A response's id names its customer message's second. A wait that starts just after the reply that completed the
 * state's previous response (an interval moved after it: a burst the thread shows below that reply) can share that
 * response's second: under one id, the store kept the earlier record and dropped this one (issue 16, stop 22). Such a
 * response gains its reply's second, as a second own record does in a merge (merge.ts's ownRecordId).
 */
function nextResponseId(s: PendingRecord, id: string, repliedAt: number): string {
  const previous = s.answered?.record;
  return previous && previous.id === id && previous.repliedAt !== repliedAt ? `${id}|${Math.floor(repliedAt / 1000)}` : id;
}

/** The latest reply of a state, and its message (the part of its id that names the message) for `follows`. */
function setLastReply(s: PendingRecord, e: InboxEvent) {
  s.lastReplyAt = e.at;
  const key = replyKey(e.id);
  if (key) s.lastReplyKey = key;
  else delete s.lastReplyKey;
}

/** `rs:<hash>` (a reply seen or sent) and `rh:<hash>` (the thread's earlier answer) name a message by the same hash; a list-only `rh` does not. */
function replyKey(id: string): string | undefined {
  const m = /^r[sh]:(.+)$/.exec(id);
  return m ? m[1] : undefined;
}

/**
 * A second report of the reply that completed a response (the same event id: the same message, so
 * never a colleague's reply matched by time) corrects who gets the credit, or returns null:
 * - this browser sent it (`this-browser`) and the record was another tab's `observed` copy, credited to
 *   the label it read: the record becomes this browser's own, credited as this browser credits its sends
 *   (so one agent is not split between "Marie" and "Marie Dupont");
 * - the record has no agent (the reply's `Sent by` label rendered after the tracker stopped waiting for
 *   it) and the report names one: that label.
 * The times stay those of the first report.
 */
function correctCredit(record: ResponseRecord, e: Extract<InboxEvent, { kind: 'reply-sent' }>, config: PairingConfig): ResponseRecord | null {
  const label = (e.agent ?? '').trim();
  if (e.via === 'this-browser' && record.source === 'observed') return { ...record, source: 'this-browser', agent: label || config.selfAgent };
  if (record.agent === UNKNOWN_AGENT && label) return { ...record, agent: label };
  return null;
}

/** An approximate customer time's interval end, which the reply bounds (the message came before it). */
function customerInterval(first: Waiting, repliedAt: number): Pick<ResponseRecord, 'customerLatest'> {
  if (first.precision !== 'approximate') return {};
  return { customerLatest: Math.max(first.at, Math.min(first.atLatest ?? first.at, repliedAt)) };
}

/** A never-opened conversation is keyed `r:…` by the adapter; its `selected_item_id` is the better name once known. */
function bestConversation(a: string, b: string): string {
  return a.startsWith('r:') && !b.startsWith('r:') ? b : a;
}

/**
 * The keys an event's state lives under: its conversation key and, when the
 * adapter gives one, its row key — the same before the first opening (list
 * events, keyed `r:…`) and after it (thread events, keyed by id).
 */
export function pairingKeysOf(e: Pick<InboxEvent, 'pageId' | 'conversation' | 'rowKey'>): string[] {
  const pageId = e.pageId ?? '';
  const keys = [pairingKey(pageId, e.conversation)];
  if (e.rowKey && e.rowKey !== e.conversation) keys.push(pairingKey(pageId, e.rowKey));
  return keys;
}

/**
 * One state for all the keys (merging what each held): the latest reply wins,
 * and the earliest customer message after it stays the unanswered one. The
 * same object is set under every key, so it is saved under each.
 */
function joinStates(states: Map<string, PendingRecord>, keys: string[], pageId: string, conversation: string): PendingRecord {
  const found = [...new Set(keys.map((k) => states.get(k)).filter((s): s is PendingRecord => s !== undefined))];
  let s: PendingRecord;
  if (found.length === 0) s = emptyPending(pageId, conversation);
  else if (found.length === 1) s = found[0]!;
  else {
    s = { ...found[0]! };
    for (const other of found.slice(1)) {
      if (other.lastReplyAt !== null && (s.lastReplyAt === null || other.lastReplyAt > s.lastReplyAt)) {
        s.lastReplyAt = other.lastReplyAt;
        if (other.lastReplyKey) s.lastReplyKey = other.lastReplyKey;
        else delete s.lastReplyKey;
      }
      s.conversation = bestConversation(s.conversation, other.conversation);
    }
    let waiting: PendingRecord['waiting'] = [];
    for (const w of found.flatMap((x) => x.waiting)) {
      if ((s.lastReplyAt === null || w.at > s.lastReplyAt) && !waiting.some((x) => x.at === w.at)) waiting = insertWaiting(waiting, w);
    }
    s.waiting = waiting;
  }
  for (const k of keys) states.set(k, s);
  return s;
}

/** Inserted in time order; beyond MAX_WAITING the latest are dropped (only the first one is ever measured). */
function insertWaiting(list: PendingRecord['waiting'], item: PendingRecord['waiting'][number]): PendingRecord['waiting'] {
  const out = [...list, item].sort((a, b) => a.at - b.at);
  return out.slice(0, MAX_WAITING);
}

type Waiting = PendingRecord['waiting'][number];

/**
 * The waiting entry for a customer message, or null when it was answered
 * already. An approximate time (a coarse `2h` row token) whose interval
 * reaches past the latest reply is a message after that reply: it starts
 * just after it.
 */
function customerItem(e: Extract<InboxEvent, { kind: 'customer-message' }>, lastReplyAt: number | null, lastReplyKey?: string): Waiting | null {
  // The thread shows it right after the latest reply: it came after that reply, whatever the two times say (its own
  // is to the second, the reply's is when it was seen or sent). Issue 16: a customer writing in the second of a reply.
  // The reply is named by its bubble's key, or by the key its send was predicted to get (reported before its bubble rendered).
  const follows = lastReplyKey !== undefined && (e.follows === lastReplyKey || e.followsPredicted === lastReplyKey);
  if (follows && lastReplyAt !== null && e.at <= lastReplyAt) {
    return e.precision === 'approximate' ? { at: lastReplyAt + 1, precision: 'approximate', atLatest: Math.max(lastReplyAt + 1, e.atLatest ?? e.at), ...precedesOf(e) } : { at: lastReplyAt + 1, precision: 'exact' };
  }
  const latest = e.precision === 'approximate' ? Math.max(e.at, e.atLatest ?? e.at) : e.at;
  if (lastReplyAt !== null && latest <= lastReplyAt) return null;
  if (e.precision === 'approximate') {
    const at = lastReplyAt !== null && e.at <= lastReplyAt ? lastReplyAt + 1 : e.at;
    return { at, precision: 'approximate', atLatest: latest, ...precedesOf(e) };
  }
  return { at: e.at, precision: 'exact' };
}

const precedesOf = (e: { precedes?: number }) => (e.precedes !== undefined ? { precedes: e.precedes } : {});

/**
 * Adds a customer message unless it is one we hold: an approximate interval
 * holding a known message is that message (a row token seen after the live
 * bubble, or by a reloaded tab); an exact time inside an approximate
 * interval replaces it.
 */
function addCustomerMessage(list: Waiting[], item: Waiting): Waiting[] {
  // A time from `precedes` on is the later message the interval's owner was written before, not that owner.
  const within = (t: number, w: Waiting) => t >= w.at && t <= (w.atLatest ?? w.at) && !(w.precedes !== undefined && t >= w.precedes);
  if (list.some((w) => w.at === item.at)) return list;
  if (item.precision === 'approximate' && list.some((w) => within(w.at, item) || (w.precision === 'approximate' && within(item.at, w)))) return list;
  if (item.precision === 'exact') {
    const i = list.findIndex((w) => w.precision === 'approximate' && within(item.at, w));
    if (i >= 0) return insertWaiting(list.filter((_, k) => k !== i), item);
  }
  return insertWaiting(list, item);
}

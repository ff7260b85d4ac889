import { hash, messageKey, textHash } from './keys';
import { normalizedLabels, normalizeLabel } from './labels';
import { traceConv, traceEvent, traceRow, traceThread, type TraceEntry, type Tracer } from './trace';
import type { Channel, ConversationRow, InboxEvent, InboxSnapshot, OpenConversation, ThreadMessage, TimeRange } from './types';

type CustomerEvent = Extract<InboxEvent, { kind: 'customer-message' }>;

/**
 * Turns successive snapshots into domain events. Pure state machine (no DOM,
 * no timers): the live source feeds it snapshots, send intents and clock
 * ticks. Choices, and why:
 *
 * - History already on the page when it loads (or when a thread opens) is
 *   never reported as live. Rows first seen with the customer as last writer
 *   give an *approximate* customer-message (time = the interval of the row's
 *   token): it tells stats/timers about messages that arrived while nobody
 *   watched. Messages seen arriving are *exact* (time = first mutation).
 * - Ids: thread events hash conversation + message key (section minute, side,
 *   text hash, occurrence; see keys.ts), so two tabs showing the same thread
 *   agree and a re-render changes nothing. List-only events hash
 *   conversation + preview hash + a 5-minute bucket of the time (two tabs
 *   agree except across a bucket boundary; documented limitation). When the
 *   conversation is open in this tab, only the thread reports it.
 * - A reply typed here (Enter/Send, then the composer empties) waits for its
 *   bubble so its id is the bubble's id, the one other tabs compute from the
 *   thread. No bubble within SEND_WAIT_MS: it is reported with a predicted key
 *   (the key the bubble will get: last date section, same-text occurrence).
 * - Agents reply and switch conversation at once; under load the page may
 *   show the next conversation before any snapshot showed the bubble or the
 *   emptied composer. So a send is also confirmed by the live source at the
 *   moment the composer empties (`noteComposerEmptied`) or by its row's
 *   preview showing the sent text; leaving the conversation reports its
 *   confirmed sends at once, with the predicted key. A page message that
 *   only the list saw (the thread was left before it rendered in a snapshot)
 *   is reported from the row of the conversation just left, with the key
 *   its bubble would have, the agent unknown.
 * - Page messages labelled with an automated sender are not replies (Meta
 *   excludes them from response time too).
 */

export const SEND_WAIT_MS = 3000;
/** A new page message without its `Sent by` label yet waits this long for it. */
export const LABEL_WAIT_MS = 2500;
/** A page message reported without its label is credited again if the label renders within this long (issue 16). */
export const LATE_LABEL_MS = 60_000;
/** Messages appearing this soon after a thread opens are its history still rendering. */
export const SETTLE_MS = 1500;
/** More new messages than this at once is history loading (scroll up, re-fetch), not live traffic. */
export const HISTORY_CHUNK = 5;
/** A row of a conversation left this recently that changes to a page message is a reply the thread missed. */
export const LEFT_WINDOW_MS = 5000;
const LIST_BUCKET_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const MAX_REMEMBERED = 5000;

interface PendingSend {
  conversation: string;
  customerName: string | null;
  textHash: string;
  predictedKey: string;
  at: number;
  agent: string | null;
  confirmed: boolean;
  /** The conversation's row signature when the send was noted (a row showing the sent text only confirms it once it changed). */
  rowSig: string | undefined;
  /** The key of the bubble that turned out to be this send. */
  renderedAs?: string;
}

/** A customer message seen while a send of this tab, at or after its time, had no bubble yet: the page's order decides. */
interface OrderWait {
  event: Extract<InboxEvent, { kind: 'customer-message' }>;
  key: string;
  send: PendingSend;
}

interface HeldMessage {
  conversation: string;
  customerName: string | null;
  key: string;
  seenAt: number;
  /**
   * A reply only the row showed (missedReply): the id it was reported with, its text hash and the thread's keys
   * then. Its bubble's key may not be the predicted one (2026 bubbles are keyed by Meta's message id): the first
   * new page bubble with that text is it.
   */
  fromRow?: { id: string; textHash: string; before: Set<string> };
}

export interface TrackerOptions {
  /** The agent using this browser (general settings), read when a send happens. */
  agentName: () => string | null;
}

export class EventTracker {
  private rows = new Map<string, string>();
  /** Per row showing the Page's message last, dated to the second (data-utime): that second's start. */
  private pageSeconds = new Map<string, number>();
  private listReady = false;
  /** `behind`: opened on a thread not yet showing the customer message its row already dated (see behindRow). */
  private thread: { key: string; known: Set<string>; openedAt: number; renderedAtOpen?: boolean; behind?: boolean } | null = null;
  private pending: PendingSend[] = [];
  private held = new Map<string, HeldMessage>();
  /** Customer messages waiting for the bubble of a send of this tab, to know which came first (see holdForOrder). */
  private ordered: OrderWait[] = [];
  /** Page messages reported without a `Sent by` label after LABEL_WAIT_MS, by `conversation|key`: a label that renders later credits them. */
  private unlabelled = new Map<string, HeldMessage>();
  /** Reports of the same reply again, with its late label: they pass the once-per-id rule (the pairing corrects the record). */
  private relabelled: InboxEvent[] = [];
  private emitted = new Set<string>();
  private last: InboxSnapshot | null = null;
  /** The latest reply reported per conversation: a customer message the page shows after it was written after it. */
  private replied = new Map<string, number>();
  /** The thread left most recently (its last messages, to predict the key of a reply only its row showed). */
  private left: { key: string; messages: ThreadMessage[]; at: number } | null = null;

  constructor(private readonly options: TrackerOptions) {}

  /** Debug only (issue 16): every decision, with ids, sides and times (see trace.ts). Null: nothing is collected. */
  tracer: Tracer | null = null;
  private clock = 0;
  private lastThreadSig = '';
  private trace(what: string, conv: string | null, data: Record<string, unknown> = {}) {
    if (!this.tracer) return;
    const entry: TraceEntry = { t: this.clock, what, ...(conv !== null ? { conv: traceConv(conv) } : {}), ...data };
    this.tracer(entry);
  }
  private traceSnapshot(snap: InboxSnapshot, observedAt: number) {
    if (!this.tracer || !snap.open) return;
    const messages = traceThread(snap.open);
    const sig = `${snap.open.key}|${JSON.stringify(messages)}|${snap.health.found.thread}`;
    if (sig === this.lastThreadSig) return;
    this.lastThreadSig = sig;
    this.trace('thread', snap.open.key, { observedAt, found: snap.health.found.thread, messages });
  }

  /** Events for a new snapshot. `observedAt`: when the first mutation of this batch happened. */
  update(snap: InboxSnapshot, observedAt: number, now: number): InboxEvent[] {
    const out: InboxEvent[] = [];
    this.clock = now;
    this.traceSnapshot(snap, observedAt);
    const previousOpen = this.last?.open ?? null;
    this.last = snap;
    const pageId = snap.page.assetId;
    this.confirmSends(snap);
    this.noteLeaving(snap, previousOpen, now, out);
    this.updateThread(snap, observedAt, now, out);
    this.updateList(snap, observedAt, out);
    this.updatePending(now, out);
    this.releaseOrdered(snap.open, out);
    for (const row of snap.conversations) if (row.rowKey) this.rowKeys.set(row.key, row.rowKey);
    this.learnChannels(snap);
    const again = this.relabelled.splice(0).map((e) => this.finish(e, pageId));
    for (const e of again) this.trace('emit-relabelled', e.conversation, traceEvent(e));
    return [...this.dedupe(out.map((e) => this.finish(e, pageId))), ...again];
  }

  /** Row keys by conversation key, so every event can carry the key that survives the first opening. */
  private rowKeys = new Map<string, string>();

  /** Channels by conversation key, from the open thread and from rows of a channel tab. */
  private channels = new Map<string, Channel>();

  private learnChannels(snap: InboxSnapshot) {
    for (const row of snap.conversations) if (row.channel) this.channels.set(row.key, row.channel);
    if (snap.open?.channel) this.channels.set(snap.open.key, snap.open.channel);
    if (this.channels.size > MAX_REMEMBERED) this.channels.delete(this.channels.keys().next().value!);
  }

  private finish(e: InboxEvent, pageId: string | null): InboxEvent {
    const rowKey = e.rowKey ?? this.rowKeys.get(e.conversation);
    if (this.rowKeys.size > MAX_REMEMBERED) this.rowKeys.delete(this.rowKeys.keys().next().value!);
    const channel = e.channel ?? this.channels.get(e.conversation);
    return { ...e, pageId, ...(rowKey ? { rowKey } : {}), ...(channel ? { channel } : {}) };
  }

  /** Clock tick without DOM change: flushes replies whose bubble or label never came. */
  tick(now: number): InboxEvent[] {
    if (!this.last) return [];
    this.clock = now;
    const out: InboxEvent[] = [];
    this.confirmSends(this.last);
    this.updatePending(now, out);
    this.releaseOrdered(this.last.open, out);
    return this.dedupe(out.map((e) => this.finish(e, this.last!.page.assetId)));
  }

  /** Whether ticks are still needed. */
  get busy(): boolean {
    return this.pending.length > 0 || this.held.size > 0 || this.ordered.length > 0;
  }

  /**
   * The agent pressed Enter or Send while the composer held `text` (the text itself is hashed, not kept).
   * `open`: the conversation on the page at that moment, read then by the live source (the last
   * snapshot may be a batch behind, e.g. right after a switch); defaults to the last snapshot's.
   */
  noteSendIntent(text: string, at: number, open: OpenConversation | null = this.last?.open ?? null): void {
    if (!open || !text.trim()) return;
    this.trace('send', open.key, { at });
    this.pending.push({
      conversation: open.key,
      customerName: open.customerName,
      textHash: textHash(text),
      predictedKey: predictPageKey(open.messages, text),
      at,
      agent: this.options.agentName()?.trim() || null,
      confirmed: false,
      rowSig: this.rows.get(open.key),
    });
  }

  /**
   * The composer of `conversation` emptied after a send intent (seen by the live source when it
   * happened, not at the next batch): the pending sends of that conversation were sent.
   */
  noteComposerEmptied(conversation: string): void {
    this.trace('composer-emptied', conversation);
    for (const p of this.pending) if (p.conversation === conversation) p.confirmed = true;
  }

  /**
   * The page is going away (tab closed, reload, navigation): a confirmed send still waiting for its
   * bubble's final id would die with this page, so it is reported now, keyed as its bubble will be
   * (another tab or a later read computes the same id: it counts once).
   */
  leaving(): InboxEvent[] {
    const out: InboxEvent[] = [];
    // Only sends already confirmed (the live source checks the composer itself just before): the last
    // snapshot may be a frame older than the text typed, and an unsent draft is no reply.
    for (const p of [...this.pending]) {
      this.pending.splice(this.pending.indexOf(p), 1);
      if (p.confirmed) out.push(this.predictedReply(p));
    }
    this.releaseOrdered(null, out);
    return this.dedupe(out.map((e) => this.finish(e, this.last?.page.assetId ?? null)));
  }

  // ---------------------------------------------------------------- thread

  /**
   * The open conversation changed (or closed): its confirmed sends go out now with their predicted
   * key, since their bubble will never be seen arriving here; its last messages are kept briefly
   * to key a reply that only its row shows.
   */
  private noteLeaving(snap: InboxSnapshot, previous: OpenConversation | null, now: number, out: InboxEvent[]) {
    const thread = this.thread;
    if (!thread) return;
    const open = snap.open;
    if (open && open.key === thread.key) return;
    if (open && !snap.health.found.thread) return; // thread area not readable in this batch: not a switch
    this.left = { key: thread.key, messages: previous?.key === thread.key ? previous.messages : [], at: now };
    for (const p of [...this.pending]) {
      if (p.conversation !== thread.key || !p.confirmed) continue;
      this.pending.splice(this.pending.indexOf(p), 1);
      out.push(this.predictedReply(p));
    }
  }

  private updateThread(snap: InboxSnapshot, observedAt: number, now: number, out: InboxEvent[]) {
    const open = snap.open;
    if (!open || !snap.health.found.thread) {
      if (!open) this.thread = null;
      return;
    }
    this.relabel(open, now);
    if (!this.thread || this.thread.key !== open.key) {
      this.thread = { key: open.key, known: new Set(open.messages.map((m) => m.key)), openedAt: now, renderedAtOpen: open.messages.length > 0 };
      out.push({
        kind: 'conversation-opened',
        id: `co:${hash(`${open.key}|${Math.floor(observedAt / 60_000)}`)}`,
        pageId: null,
        conversation: open.key,
        customerName: open.customerName,
        at: observedAt,
      });
      // A thread still drawing behind its row is read once it shows that message (or has had time to settle).
      const behind = behindRow(snap, open, observedAt);
      this.trace('open', open.key, { rendered: open.messages.length > 0, behind });
      if (behind) this.thread.behind = true;
      else this.fromThreadOnOpen(snap, open, now, out);
      return;
    }
    const t = this.thread;
    if (t.behind) {
      for (const m of open.messages) t.known.add(m.key);
      if (behindRow(snap, open, observedAt) && now - t.openedAt < SETTLE_MS) return void this.trace('behind-wait', open.key);
      t.behind = false;
      this.trace('behind-read', open.key);
      this.fromThreadOnOpen(snap, open, now, out);
      return;
    }
    if (!t.renderedAtOpen && open.messages.length > 0 && now - t.openedAt < SETTLE_MS) {
      // A thread empty when opened draws its history now: read it as a thread just opened (its unanswered
      // customer messages dated from the thread or the row, its last Page message closing older waits).
      // Discarded as "still loading", a customer message and a reply drawn in this first second were lost
      // (issue 16); what is appended after this is live.
      t.renderedAtOpen = true;
      for (const m of open.messages) t.known.add(m.key);
      this.trace('drawn-after-empty-open', open.key, { behind: behindRow(snap, open, observedAt) });
      if (behindRow(snap, open, observedAt)) t.behind = true;
      else this.fromThreadOnOpen(snap, open, now, out);
      return;
    }
    let lastKnown = -1;
    open.messages.forEach((m, i) => t.known.has(m.key) && (lastKnown = i));
    const fresh = open.messages.filter((m, i) => !t.known.has(m.key) && i > lastKnown);
    // While the thread settles, messages appended after a thread that had already rendered are live
    // (a customer writing in the first second); a thread that was empty when opened is still loading.
    const settling = now - t.openedAt < SETTLE_MS;
    const live = fresh.length <= HISTORY_CHUNK && (!settling || t.renderedAtOpen);
    // A bubble of this browser's send confirmed late (Meta paints it with a temporary id) can land above a
    // customer message that arrived meanwhile: it is that send, reported now with its own time, not 3 s later
    // (after a colleague's reply, a late reply would be taken as already counted).
    const above = open.messages.filter((m, i) => !t.known.has(m.key) && i < lastKnown && m.side === 'page' && !m.automated);
    for (const m of open.messages) t.known.add(m.key);
    if (fresh.length && !live) this.trace('not-live', open.key, { fresh: fresh.length, settling, renderedAtOpen: t.renderedAtOpen ?? null });
    if (live) {
      for (const m of above) {
        const mine = this.takePending(open.key, m, true);
        if (mine) out.push(this.ownReply(open.key, open.customerName, m, mine));
      }
      const written = this.writtenAt(snap, open, observedAt);
      // Delivered late (the row's data-utime is older than this batch): the customer messages of the batch
      // before the one the row dates were written before it, when exactly the page does not tell.
      const late = written !== null && written.at < observedAt - 1000;
      const lastPage = fresh.findLastIndex((m) => m.side === 'page');
      let replyAt: number | null = null; // the last page message of this batch: what follows it came after it
      for (const [i, m] of fresh.entries()) {
        let at = m === written?.message ? written.at : observedAt;
        if (m.side === 'customer' && replyAt !== null && at <= replyAt) at = replyAt + 1;
        if (m.side === 'customer' && late && i > lastPage && m !== written!.message && m.at) {
          const start = Math.max(m.at.start, replyAt !== null ? replyAt + 1 : m.at.start);
          const id = `cm:${hash(`${open.key}|${m.key}`)}`;
          out.push({ kind: 'customer-message', id, pageId: null, conversation: open.key, customerName: open.customerName, at: start, atLatest: Math.max(start, written!.at - 1), precision: 'approximate', ...this.follows(open, open.messages.indexOf(m)) });
          continue;
        }
        if (m.side === 'customer' && this.holdForOrder(open, m, at, now)) continue;
        const reply = this.onNewMessage(open.key, open.customerName, m, at, out, m.side === 'customer' ? this.follows(open, open.messages.indexOf(m)) : {});
        if (reply !== null) replyAt = reply;
      }
    }
    // Held page messages whose label has rendered since.
    for (const h of [...this.held.values()]) {
      if (h.conversation !== open.key) continue;
      const m = open.messages.find((x) => x.key === h.key);
      if (m?.agent) {
        this.held.delete(`${h.conversation}|${h.key}`);
        if (!m.automated) out.push(this.observedReply(h.conversation, h.customerName, m, h.seenAt));
      }
    }
  }

  /**
   * Replies already reported without a label, whose label rendered late (a busy page, the label moving down
   * from the same agent's previous bubble, or a reply only the row showed while the thread was away): the
   * same report again (same id and time), with the label. Checked whenever the thread is read, opening included.
   */
  private relabel(open: OpenConversation, now: number) {
    for (const [k, h] of [...this.unlabelled]) {
      if (now - h.seenAt > LATE_LABEL_MS) this.unlabelled.delete(k);
      else if (h.conversation === open.key) {
        const row = h.fromRow;
        const m = open.messages.find((x) => x.key === h.key) ?? (row ? open.messages.find((x) => x.side === 'page' && !row.before.has(x.key) && textHash(x.text) === row.textHash) : undefined);
        if (!m?.agent) continue;
        this.unlabelled.delete(k);
        if (!m.automated) this.relabelled.push({ ...this.observedReply(h.conversation, h.customerName, m, h.seenAt), ...(row ? { id: row.id } : {}) });
      }
    }
  }

  private rememberUnlabelled(h: HeldMessage) {
    this.unlabelled.set(`${h.conversation}|${h.key}`, h);
    if (this.unlabelled.size > MAX_REMEMBERED) this.unlabelled.delete(this.unlabelled.keys().next().value!);
  }

  /**
   * Issue 16: a thread just opened tells when its unanswered customer messages were written. The
   * first customer message after the last (human) Page message gets its time from the thread (its
   * date separator or bare clock), else from its row's token or data-utime, never from the moment
   * the conversation was opened. Its id is the one a tab that saw it arrive computes, so the
   * background keeps one. When the thread shows the Page answered before (a colleague, a phone, a
   * tab that was closed), that answer is reported too, so the response is measured from the first
   * customer message after it, not from an older, already answered one.
   */
  private fromThreadOnOpen(snap: InboxSnapshot, open: OpenConversation, now: number, out: InboxEvent[]) {
    const messages = open.messages.filter((m) => m.side !== 'system' && !(m.side === 'page' && m.automated));
    let i = messages.length;
    while (i > 0 && messages[i - 1]!.side === 'customer') i--;
    const lastPage = i > 0 ? messages[i - 1]! : null;
    const first = i < messages.length ? messages[i]! : null;
    const row = rowOf(snap, open);
    const rowTime = row?.lastFrom === 'customer' ? row.lastAt : null;
    // The row's data-utime is the time of the last message, to the second: the first one's too when it is the only one.
    const exact = first !== null && i === messages.length - 1 && rowTime !== null && rowTime.end - rowTime.start <= 1000;
    let firstAt = !first ? null : exact ? this.afterReplies(open.key, rowTime!.start, rowTime, now) : (first.at?.start ?? rowTime?.start ?? null);
    // The thread shows it below the Page's last message, so after every reply of this conversation this tab reported
    // (each is that message or above it): an approximate time that starts before the latest of them starts after it
    // (issue 16, stop 22: a reply sent, the conversation left, the customer writing in the reply's second; the reply's
    // key was its send's prediction, not the bubble's, so `follows` could not name it to the worker).
    const replied = lastPage && !exact ? this.latestReply(open.key) : -Infinity;
    const moved = firstAt !== null && firstAt <= replied;
    if (moved) firstAt = Math.min(replied + 1, now);
    const base = { pageId: null, conversation: open.key, customerName: open.customerName, ...(open.channel ? { channel: open.channel } : {}) };
    if (lastPage) {
      // Not a response (its own time is not known well enough): it closes every wait before the first customer message after it.
      // Nothing after it: it was written by the time of its own section (or its row's data-utime), not
      // "now". A customer message that reaches the thread later may have been written before this
      // opening (Meta delivers late): closing waits up to `now` would swallow it and its response.
      const pageRow = row?.lastFrom === 'page' ? row.lastAt : null;
      // A row dating a customer message the thread does not show yet: the Page's message came before that one.
      const until = first ? (firstAt !== null ? firstAt - 1 : null) : Math.min(now, pageRow?.end ?? lastPage.at?.end ?? now, rowTime ? rowTime.start - 1 : Infinity);
      if (until !== null) {
        out.push({ ...base, kind: 'reply-sent', id: `rh:${hash(`${open.key}|${lastPage.key}`)}`, at: until, agent: lastPage.agent, via: 'observed', precision: 'approximate', history: true });
      }
    }
    if (!first || firstAt === null) return;
    const id = `cm:${hash(`${open.key}|${first.key}`)}`;
    const after = this.follows(open, open.messages.indexOf(first));
    if (exact) {
      out.push({ ...base, kind: 'customer-message', id, at: firstAt, precision: 'exact', ...after });
      return;
    }
    // Several unanswered messages and a row dated to the second: that second is the last one's, and the first was
    // written before the last one, up to the end of that second (stop 22: a burst within one second; ending the
    // interval before the second left the truth outside). `precedes` tells the background that a time from that
    // second on is the last message, so it keeps the two apart.
    const rowSecond = i < messages.length - 1 && rowTime !== null && rowTime.end - rowTime.start <= 1000 ? rowTime : null;
    let latest = rowSecond ? Math.min(now, rowSecond.end - 1) : Math.min(now, Math.max(first.at?.end ?? firstAt, rowTime?.end ?? firstAt));
    latest = Math.max(firstAt, latest);
    const precedes = rowSecond && rowSecond.start > firstAt ? { precedes: rowSecond.start } : {};
    out.push({ ...base, kind: 'customer-message', id, at: firstAt, atLatest: latest, precision: 'approximate', ...after, ...precedes });
  }

  /**
   * A customer message can reach the open thread well after it was written (a conversation opened
   * by its URL loads its latest messages late; Meta delivers in bursts). When the thread's last
   * message is the customer's and its row shows that very message with a data-utime (to the
   * second), that is when it was written: never the later moment it rendered here.
   */
  private writtenAt(snap: InboxSnapshot, open: OpenConversation, observedAt: number): { message: ThreadMessage; at: number } | null {
    const last = open.messages.filter((m) => m.side !== 'system').at(-1);
    if (!last || last.side !== 'customer' || !snap.health.found.list) return null;
    const row = rowOf(snap, open);
    const t = row?.lastFrom === 'customer' ? row.lastAt : null;
    if (!t || t.end - t.start > 1000 || t.start >= observedAt) return null;
    // The row must show this message, not an older one it has not replaced yet.
    const preview = normalizeLabel(row!.preview);
    const text = normalizeLabel(last.text);
    if (!preview || !text || !(text === preview || text.startsWith(preview.replace(/…$/, '')))) return null;
    return { message: last, at: Math.min(this.afterReplies(open.key, t.start, t, observedAt), observedAt) };
  }

  /** Reports a new thread message; for a page message, returns the time given to it (null otherwise). */
  private onNewMessage(conversation: string, customerName: string | null, m: ThreadMessage, at: number, out: InboxEvent[], after: Pick<CustomerEvent, 'follows' | 'followsPredicted'> = {}): number | null {
    if (m.side === 'customer') {
      out.push({ kind: 'customer-message', id: `cm:${hash(`${conversation}|${m.key}`)}`, pageId: null, conversation, customerName, at, precision: 'exact', ...after });
      return null;
    }
    if (m.side !== 'page' || m.automated) return null;
    const mine = this.takePending(conversation, m);
    if (mine) {
      out.push(this.ownReply(conversation, customerName, m, mine));
      return mine.at;
    } else if (m.agent) {
      out.push(this.observedReply(conversation, customerName, m, at));
    } else {
      this.held.set(`${conversation}|${m.key}`, { conversation, customerName, key: m.key, seenAt: at });
    }
    return at;
  }

  private ownReply(conversation: string, customerName: string | null, m: ThreadMessage, mine: PendingSend): InboxEvent {
    return { kind: 'reply-sent', id: `rs:${hash(`${conversation}|${m.key}`)}`, pageId: null, conversation, customerName, at: mine.at, agent: mine.agent, via: 'this-browser', precision: 'exact' };
  }

  private observedReply(conversation: string, customerName: string | null, m: ThreadMessage, at: number): InboxEvent {
    return {
      kind: 'reply-sent',
      id: `rs:${hash(`${conversation}|${m.key}`)}`,
      pageId: null,
      conversation,
      customerName,
      at,
      agent: m.agent,
      via: 'observed',
      precision: 'exact',
    };
  }

  /** The pending send this new page bubble is: same text first, else the oldest pending send of the conversation. */
  private takePending(conversation: string, m: ThreadMessage, sameTextOnly = false): PendingSend | null {
    const candidates = this.pending.filter((p) => p.conversation === conversation);
    const agent = this.options.agentName()?.trim().toLowerCase();
    const match =
      candidates.find((p) => p.textHash === textHash(m.text)) ??
      (sameTextOnly ? undefined : candidates.find((p) => p.confirmed && (!m.agent || m.agent.trim().toLowerCase() === agent)));
    if (!match) return null;
    this.pending.splice(this.pending.indexOf(match), 1);
    match.renderedAs = m.key;
    return match;
  }

  // ---------------------------------------------------------------- list

  private updateList(snap: InboxSnapshot, observedAt: number, out: InboxEvent[]) {
    if (!snap.health.found.list) return;
    const first = !this.listReady;
    this.listReady = true;
    const openKey = snap.open && snap.health.found.thread ? snap.open.key : null;
    const openRowKey = openKey !== null ? snap.open!.rowKey : undefined;
    for (const row of snap.conversations) {
      const sig = rowSig(row);
      const prev = this.rows.get(row.key) ?? (row.rowKey ? this.rows.get(row.rowKey) : undefined);
      this.rows.set(row.key, sig);
      if (prev === sig) continue;
      // A row first drawn in this batch is still keyed by name (`r:…`): its stable key names it the open one's.
      const isOpenHere = openKey !== null && (row.key === openKey || row.selected || (openRowKey !== undefined && row.rowKey === openRowKey));
      if (this.tracer && !first) this.trace('row', row.key, { ...traceRow(row), observedAt, isOpenHere, firstSight: prev === undefined });
      if (row.lastFrom === 'page') {
        if (row.lastAt && row.lastAt.end - row.lastAt.start <= 1000) this.pageSeconds.set(row.key, row.lastAt.start);
        if (prev !== undefined && !first && !isOpenHere && !this.missedReply(row, observedAt, out)) {
          // A conversation not open here now ends with the Page's message: someone answered (a colleague, a phone).
          // Who, and whether by a person, the list cannot tell: it closes the waits before it without timing a
          // response, so a later reply here is not measured from a message already answered.
          const t = row.lastAt;
          const at = t && t.end - t.start <= 1000 && t.start < observedAt ? t.start : observedAt;
          out.push({ kind: 'reply-sent', id: `rh:${hash(`${row.key}|list|${sig}|${listMoment(row, at)}`)}`, pageId: null, conversation: row.key, ...(row.rowKey ? { rowKey: row.rowKey } : {}), customerName: row.customerName, at, agent: null, via: 'observed', precision: 'approximate', history: true });
        }
        continue;
      }
      if (row.lastFrom !== 'customer') continue;
      if (prev === undefined || first) {
        // First sight (page load, scrolled into view, or a brand-new conversation).
        const recent = !first && row.lastAt !== null && row.lastAt.end >= observedAt - 2 * 60_000 && !tokenBefore(row, observedAt);
        // The conversation open here is timed by its thread (fromThreadOnOpen), which knows better than its row.
        if (recent && !isOpenHere) out.push(this.listEvent(row, sig, this.afterReplies(row.key, writtenBy(row, observedAt), row.lastAt, observedAt)));
        else if (row.lastAt && !isOpenHere) out.push(this.approximate(row, sig));
      } else if (!isOpenHere) {
        // The row's last message changed and the customer wrote it.
        const stale = row.lastAt !== null && (row.lastAt.end < observedAt - 3 * 60_000 || tokenBefore(row, observedAt));
        out.push(stale ? this.approximate(row, sig) : this.afterRowPage(row, prev, this.listEvent(row, sig, this.afterReplies(row.key, writtenBy(row, observedAt), row.lastAt, observedAt)), observedAt));
      }
    }
    if (this.rows.size > MAX_REMEMBERED) this.rows.delete(this.rows.keys().next().value!);
    if (this.pageSeconds.size > MAX_REMEMBERED) this.pageSeconds.delete(this.pageSeconds.keys().next().value!);
  }

  /**
   * The row turned from a Page message to a customer message, both dated to the same second, and no reply this tab
   * knows placed it (a reply sent from another tab, before a reload, or a colleague's): the customer wrote after that
   * Page message, somewhere in that second. Dated to the second's start, the worker took it for a message that reply
   * answered (issue 16, stop 22): it is an interval over the second (up to the moment seen), which the worker starts
   * after the latest reply it knows. Known to the second only, it is not made exact.
   */
  private afterRowPage(row: ConversationRow, prev: string, event: InboxEvent, observedAt: number): InboxEvent {
    const t = row.lastAt;
    if (event.kind !== 'customer-message' || !t || t.end - t.start > 1000 || event.at !== t.start) return event;
    if (!prev.startsWith('page|') || this.pageSeconds.get(row.key) !== t.start) return event;
    return { ...event, precision: 'approximate', atLatest: Math.max(event.at, Math.min(t.end - 1, observedAt)) };
  }

  /**
   * The row of the conversation just left now ends with a page message the thread never showed
   * in a snapshot (it rendered and the agent moved on within one batch). A send of this browser
   * with that text is reported by its pending entry instead.
   */
  /** Whether the row is the conversation just left (then handled here, reported or not). */
  private missedReply(row: ConversationRow, at: number, out: InboxEvent[]): boolean {
    const left = this.left;
    if (!left || left.key !== row.key || at - left.at > LEFT_WINDOW_MS) return false;
    const text = previewText(row.preview);
    const h = textHash(text);
    if (this.pending.some((p) => p.conversation === row.key && p.textHash === h)) return true;
    const lastSeen = left.messages.filter((m) => m.side !== 'system').at(-1);
    if (lastSeen?.side === 'page' && textHash(lastSeen.text) === h) return true; // the thread saw it before the row changed
    // The thread showed the customer writing this very text ("You: …" typed by the customer): the thread beats the preview.
    if (lastSeen?.side === 'customer' && normalizeLabel(lastSeen.text) === normalizeLabel(row.preview)) return true;
    // Its `Sent by` label is not in the row: if the thread shows it later (the agent comes back), it credits the reply.
    const key = predictPageKey(left.messages, text);
    const id = `rs:${hash(`${row.key}|${key}`)}`;
    // This tab's own send, reported on leaving with the same predicted key: that reply, already reported. Remembered
    // as a colleague's row-only reply, its label read later re-reported it at the moment the row changed, a reply after
    // the send that answered a customer writing in between (issue 16, stop 22).
    if (this.emitted.has(id) || out.some((e) => e.id === id)) return true;
    this.rememberUnlabelled({ conversation: row.key, customerName: row.customerName, key, seenAt: at, fromRow: { id, textHash: h, before: new Set(left.messages.map((m) => m.key)) } });
    out.push({
      kind: 'reply-sent',
      id,
      pageId: null,
      conversation: row.key,
      customerName: row.customerName,
      at,
      agent: null,
      via: 'observed',
      precision: 'exact',
    });
    return true;
  }

  private listEvent(row: ConversationRow, sig: string, at: number): InboxEvent {
    return {
      kind: 'customer-message',
      id: `cm:${hash(`${row.key}|list|${sig}|${listMoment(row, at)}`)}`,
      pageId: null,
      conversation: row.key,
      ...(row.rowKey ? { rowKey: row.rowKey } : {}),
      customerName: row.customerName,
      at,
      precision: 'exact',
    };
  }

  private approximate(row: ConversationRow, sig: string): InboxEvent {
    const at = row.lastAt!;
    return {
      kind: 'customer-message',
      id: `cm~${hash(`${row.key}|${sig}|${Math.floor(at.start / DAY_MS)}`)}`,
      pageId: null,
      conversation: row.key,
      ...(row.rowKey ? { rowKey: row.rowKey } : {}),
      customerName: row.customerName,
      at: at.start,
      atLatest: at.end,
      precision: 'approximate',
    };
  }

  // ---------------------------------------------------------------- pending sends and labels

  /**
   * A send is real once the composer of its conversation is empty (Meta clears it when the message
   * leaves), or once its row's preview changed to the sent text (`You: …`).
   */
  private confirmSends(snap: InboxSnapshot) {
    for (const p of this.pending) {
      if (p.confirmed) continue;
      if (snap.open?.key === p.conversation && snap.composer.found && snap.composer.text.trim() === '') p.confirmed = true;
      else if (snap.health.found.list) {
        const row = snap.conversations.find((r) => r.key === p.conversation);
        if (row && row.lastFrom === 'page' && textHash(previewText(row.preview)) === p.textHash && rowSig(row) !== p.rowSig) p.confirmed = true;
      }
    }
  }

  private updatePending(now: number, out: InboxEvent[]) {
    for (const p of [...this.pending]) {
      if (now - p.at < SEND_WAIT_MS) continue;
      this.pending.splice(this.pending.indexOf(p), 1);
      if (!p.confirmed) {
        this.trace('send-unconfirmed', p.conversation, { at: p.at });
        continue; // the composer never emptied: nothing was sent
      }
      out.push(this.predictedReply(p));
    }
    for (const h of [...this.held.values()]) {
      if (now - h.seenAt < LABEL_WAIT_MS) continue;
      this.held.delete(`${h.conversation}|${h.key}`);
      this.rememberUnlabelled(h);
      out.push({
        kind: 'reply-sent',
        id: `rs:${hash(`${h.conversation}|${h.key}`)}`,
        pageId: null,
        conversation: h.conversation,
        customerName: h.customerName,
        at: h.seenAt,
        agent: null,
        via: 'observed',
        precision: 'exact',
      });
    }
  }

  /** A send of this browser whose bubble was not seen, keyed as its bubble will be. */
  private predictedReply(p: PendingSend): InboxEvent {
    return {
      kind: 'reply-sent',
      id: `rs:${hash(`${p.conversation}|${p.predictedKey}`)}`,
      pageId: null,
      conversation: p.conversation,
      customerName: p.customerName,
      at: p.at,
      agent: p.agent,
      via: 'this-browser',
      precision: 'exact',
    };
  }

  /**
   * A customer message dated by a data-utime is known to the second only, and the page's order says it came
   * after the conversation's replies it already shows (it is the row's last message, or below them in the
   * thread): it is placed after the latest reply reported or held for its label, even when that reply was
   * timed when it was seen, after the message's second (issue 16: a customer writing 0.08 s after a reply
   * was read as answered by it). Never after `cap`, the moment the message was seen. A send of this browser
   * whose bubble has not rendered yet counts only inside the message's second (the page shows no order yet).
   */
  private afterReplies(conversation: string, at: number, range: TimeRange | null, cap: number): number {
    if (!range || range.end - range.start > 1000) return at;
    const shown = this.latestReply(conversation);
    let sent = -Infinity;
    for (const p of this.pending) if (p.conversation === conversation && p.confirmed) sent = Math.max(sent, p.at);
    const floor = Math.max(shown, sent >= at && sent < range.end - 1 ? sent : -Infinity);
    return floor >= at ? Math.max(at, Math.min(floor + 1, cap)) : at;
  }

  /**
   * A customer message appears while a confirmed send of this tab, made before this read and at or after the time the
   * message would get, has no bubble yet (Meta paints it with a temporary id): which came first, only the bubble's
   * place will tell. The batch's time is its first mutation, often the send's own (the composer emptied): a customer
   * writing 0.03 s after the send was timed before it and taken as answered by it (issue 16, stop 22). Held until the
   * bubble renders (then placed by it), or the send is reported without it (then as it was).
   */
  private holdForOrder(open: OpenConversation, m: ThreadMessage, at: number, now: number): boolean {
    const send = this.pending.find((p) => p.conversation === open.key && p.confirmed && p.at >= at && p.at <= now);
    if (!send) return false;
    const event: OrderWait['event'] = { kind: 'customer-message', id: `cm:${hash(`${open.key}|${m.key}`)}`, pageId: null, conversation: open.key, customerName: open.customerName, at, precision: 'exact', ...this.follows(open, open.messages.indexOf(m)) };
    this.ordered.push({ event, key: m.key, send });
    this.trace('order-wait', open.key, { id: event.id, at, sendAt: send.at });
    return true;
  }

  /** Held customer messages whose send is no longer pending: after its bubble when the thread shows them below it. */
  private releaseOrdered(open: OpenConversation | null, out: InboxEvent[]) {
    for (const w of [...this.ordered]) {
      if (this.pending.includes(w.send)) continue;
      this.ordered.splice(this.ordered.indexOf(w), 1);
      const messages = open?.key === w.event.conversation ? open.messages : [];
      const bubble = w.send.renderedAs !== undefined ? messages.findIndex((x) => x.key === w.send.renderedAs) : -1;
      const below = bubble >= 0 && messages.findIndex((x) => x.key === w.key) > bubble;
      out.push(below ? { ...w.event, at: Math.max(w.event.at, w.send.at + 1) } : w.event);
    }
  }

  /** The latest reply of the conversation this tab reported, or holds for its label (-Infinity: none). */
  private latestReply(conversation: string): number {
    let shown = this.replied.get(conversation) ?? -Infinity;
    for (const h of this.held.values()) if (h.conversation === conversation) shown = Math.max(shown, h.seenAt);
    return shown;
  }

  /**
   * The message key hash (a reply event's id without its prefix) of the nearest human Page message above `index`, if
   * any; and, when that bubble is keyed by Meta's message id, the hash of the key a tab that sent it and did not see
   * its bubble reported it under (`predictPageKey` over the messages above it: its send's predicted key). A reply sent
   * right before the agent left the conversation, or before a reload, carries that predicted key (issue 16, stop 22).
   */
  private follows(open: OpenConversation, index: number): Pick<CustomerEvent, 'follows' | 'followsPredicted'> {
    for (let i = index - 1; i >= 0; i--) {
      const m = open.messages[i]!;
      if (m.side !== 'page' || m.automated) continue;
      const predicted = predictPageKey(open.messages.slice(0, i), m.text);
      return { follows: hash(`${open.key}|${m.key}`), ...(predicted !== m.key ? { followsPredicted: hash(`${open.key}|${predicted}`) } : {}) };
    }
    return {};
  }

  private dedupe(events: InboxEvent[]): InboxEvent[] {
    const out: InboxEvent[] = [];
    for (const e of events) {
      if (this.emitted.has(e.id)) {
        this.trace('dup', e.conversation, { id: e.id, kind: e.kind, at: e.at });
        continue;
      }
      this.trace('emit', e.conversation, traceEvent(e));
      if (e.kind === 'reply-sent' && !e.history && e.at > (this.replied.get(e.conversation) ?? -Infinity)) {
        this.replied.delete(e.conversation);
        this.replied.set(e.conversation, e.at);
        if (this.replied.size > MAX_REMEMBERED) this.replied.delete(this.replied.keys().next().value!);
      }
      this.emitted.add(e.id);
      if (this.emitted.size > MAX_REMEMBERED) this.emitted.delete(this.emitted.values().next().value!);
      out.push(e);
    }
    return out;
  }
}

/** The list row of the open conversation: by key, else by its stable row key. */
function rowOf(snap: InboxSnapshot, open: OpenConversation): ConversationRow | undefined {
  return snap.conversations.find((r) => r.key === open.key || (open.rowKey !== undefined && r.rowKey === open.rowKey));
}

/**
 * The open thread is behind its row: the row shows a customer message it dates before this moment, while the
 * thread's last message is still the Page's (a thread drawn in steps, a second tab). That message is not
 * arriving now: read as live, it would be timed from the opening, and the Page's message above it would
 * close every wait up to now (issue 16, two tabs of one browser).
 */
function behindRow(snap: InboxSnapshot, open: OpenConversation, observedAt: number): boolean {
  const row = rowOf(snap, open);
  if (row?.lastFrom !== 'customer' || !row.lastAt || row.lastAt.end >= observedAt - 1000) return false;
  const last = open.messages.filter((m) => m.side !== 'system').at(-1);
  return last?.side === 'page';
}

/** A row's time token ("1m", "10:01") is its last message's time to the minute at best: this far before now, the row says it is older. */
const TOKEN_SLACK_MS = 30_000;

/**
 * The row's time token (not a data-utime) ends well before now: its message was written earlier than
 * the moment the row changed or was first drawn here (a message delivered late, a tab catching up), so
 * that moment is not its time. It is timed from the token, as an interval (issue 16: a row without
 * data-utime that turned to a customer message written 90 s earlier was recorded `exact` at the change).
 */
function tokenBefore(row: ConversationRow, observedAt: number): boolean {
  const t = row.lastAt;
  return t !== null && t.end - t.start > 1000 && t.end < observedAt - TOKEN_SLACK_MS;
}

/**
 * When the customer message a row shows was written: its data-utime (to the second) when the row has one
 * and it is earlier than the moment the row changed here (Meta delivered it late, or the row was drawn
 * late), else that moment.
 */
function writtenBy(row: ConversationRow, observedAt: number): number {
  const t = row.lastAt;
  return t && t.end - t.start <= 1000 && t.start < observedAt ? t.start : observedAt;
}

/** The row signature the list compares (who wrote last + preview hash). */
/**
 * What tells two messages of one row (customer messages, or Page replies seen only in the list) apart in their
 * event id, stable across re-reads and tabs: the
 * row's own second when it dates the message to the second (data-utime), else a 5-minute bucket of the time.
 * Without the second, a customer who sent the same text again within 5 minutes, after a reply ("Hello?"),
 * got the first message's id: dropped as already reported, and the reply that followed was timed from nothing
 * (issue 16's accuracy bench, one miss in each phase).
 */
function listMoment(row: ConversationRow, at: number): string {
  const range = row.lastAt;
  return range && range.end - range.start <= 1000 ? `s${range.start}` : String(Math.floor(at / LIST_BUCKET_MS));
}

function rowSig(row: ConversationRow): string {
  return `${row.lastFrom}|${textHash(row.preview)}`;
}

/** A page row's preview without its `You:` prefix: the text of the last page message. */
function previewText(preview: string): string {
  const normalized = normalizeLabel(preview);
  const prefix = normalizedLabels('youPrefix').find((p) => normalized.startsWith(p));
  if (!prefix) return preview;
  // The prefix is matched normalized; cut as many leading words from the raw text.
  const words = prefix.split(' ').length;
  return preview.trim().split(/\s+/).slice(words).join(' ');
}

/**
 * The key a new page message with `text` gets at the end of a thread (snapshot.ts's readMessages):
 * the section of the last message, and the count of page messages with the same text in it.
 */
export function predictPageKey(messages: readonly ThreadMessage[], text: string): string {
  const section = messages.length ? (messages[messages.length - 1]!.at?.start ?? null) : null;
  const h = textHash(text);
  const same = messages.filter((m) => m.side === 'page' && (m.at?.start ?? null) === section && textHash(m.text) === h).length;
  return messageKey(section, 'page', text, same);
}

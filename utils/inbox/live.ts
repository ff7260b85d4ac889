import { signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { insertIntoComposer } from './composer';
import { safeClick } from './click';
import { closestKind, findAll, findFirst, findLive, stillMatches } from './dom';
import { EventTracker, SEND_WAIT_MS } from './events';
import { createBatchedObserver, type Batch } from './observer';
import {
  health,
  readComposer,
  readList,
  readPageName,
  readRow,
  readThread,
  snapshotContext,
  type KnownParts,
  type RowItemsCache,
  type RowReadCache,
  type SnapshotOptions,
} from './snapshot';
import { sameHealth, sameSnapshot } from './same';
import { traceConv, type TraceEntry } from './trace';
import { normalizeLabel } from './labels';
import type { ConversationRow, InboxEvent, InboxSnapshot, InboxSource, InsertResult, OpenConversation } from './types';
import { inboxUrlIds } from './url';
import { createEventFeed } from './event-feed';
import { createLocationWatcher, locationWatcher, type LocationWatcher } from '../lifecycle/location';

/**
 * The live adapter: one batched observer rooted at the inbox's main region,
 * a snapshot signal kept current by re-reading only the parts a batch
 * touched, and domain events from utils/inbox/events.ts. Every entry point
 * catches its errors: nothing may throw into Meta's page.
 */
export interface InboxSourceOptions {
  /** The agent using this browser (general settings' agentName); read when a reply is sent here. */
  agentName?: () => string | null;
  timeZone?: string;
  /** Test seams. */
  doc?: Document;
  now?: () => number;
  /**
   * Benchmark seam: how long each batch took (ms), how many mutation records it held, and how long
   * the page's own pending style/layout took when flushed first (the page pays that in its next frame
   * anyway; it is measured apart so the adapter's own cost is visible).
   */
  onBatchTimed?: (ms: number, records: number, pageLayoutMs: number) => void;
  /** Test seam: the URL watcher (default: the content script's one, utils/lifecycle/location.ts). */
  location?: LocationWatcher;
}

/** What of the content-script context the source uses (a fake one in tests). */
export type LiveContext = Pick<ContentScriptContext, 'signal' | 'onInvalidated'> & Partial<Pick<ContentScriptContext, 'addEventListener'>>;

/**
 * Batches are at least this far apart (observer.ts, minGapMs): under Meta's re-render bursts the rows
 * are read once per stretch instead of once per frame. A batch's events take the time of its first
 * record, so a time seen arriving moves by at most the gap, and a timer shows a change at most this
 * much later. The composer's changes are never held (draft checks, a reply edited and sent at once).
 * 200 ms, not 100 (issue 14): in the 500-row mutation burst, half the batches and the extension's script
 * time 24 -> 16 to 19 ms a burst (scripts/bench/extension-cost.mjs); a timer or a stats time moving by
 * up to 0.2 s is not visible in whole minutes.
 */
export const BATCH_GAP_MS = 200;
const RECENT_MAX = 100;
const TRACE_MAX = 50_000;
const THREADS_REMEMBERED = 500;
/**
 * The last events this content script emitted (ids, kinds, times, agent;
 * never text). For tests and debugging: the e2e spec reads it from the
 * extension's isolated world through DevTools protocol; the page cannot see
 * isolated-world globals.
 */
export const recentEvents: InboxEvent[] = [];

export function createInboxSource(ctx: LiveContext, options: InboxSourceOptions = {}): InboxSource {
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  const now = options.now ?? (() => Date.now());
  const knownIds = new Map<string, string>();
  const snapOptions: SnapshotOptions = { timeZone: options.timeZone, knownIds, partHints: new Map() };
  /**
   * Message rows already read, for the batches only (readAll in `process`): a row stays cached until a
   * mutation record touches it or a node inside it. Other reads (send intent, insertion) run between
   * batches, before the records of the current task are delivered, and read the page afresh.
   */
  let rowItems: RowItemsCache = new WeakMap();
  /** List rows already read, for the batches only, on the same terms as `rowItems`. */
  let rowReads: RowReadCache = new WeakMap();
  const batchOptions = (thread: boolean, list: boolean): SnapshotOptions => ({
    ...snapOptions,
    rowItems: thread ? rowItems : undefined,
    rowReads: list ? rowReads : undefined,
  });
  /** Drops the cached rows holding a mutated node (each ancestor once per batch). */
  function forgetMutated(batch: Batch) {
    if (batch.overflow) {
      rowItems = new WeakMap();
      rowReads = new WeakMap();
      return;
    }
    // A class or inline font changed on the list or above its rows restyles rows it holds (bold
    // is inherited): no record comes from inside those rows, so every list row is read again.
    const list = parts.list;
    if (list && batch.restyled.some((el) => el.contains(list) || (list.contains(el) && !insideCachedRow(el, list)))) rowReads = new WeakMap();
    const seen = new Set<Node>();
    for (const target of batch.targets) {
      let n: Node | null = target;
      while (n && !seen.has(n)) {
        seen.add(n);
        if (n.nodeType === 1) {
          rowItems.delete(n as Element);
          rowReads.delete(n as Element);
        }
        n = n.parentNode;
      }
    }
  }
  /**
   * A row that left the list (or the thread) sends no record for what changes in it while it is out of
   * the page (the observer no longer sees it): its cached reading is forgotten, so a row put back later
   * is read again.
   */
  function forgetRowsThatLeft(cache: WeakMap<Element, unknown>, before: Element[] | undefined, after: Element[] | undefined) {
    if (!before?.length) return;
    const kept = new Set(after);
    for (const el of before) if (!kept.has(el)) cache.delete(el);
  }
  function insideCachedRow(el: Element, list: Element): boolean {
    for (let n: Element | null = el; n && n !== list; n = n.parentElement) if (rowReads.has(n)) return true;
    return false;
  }
  const agentName = options.agentName ?? (() => null);
  const tracker = new EventTracker({ agentName });
  const tracer: { log: TraceEntry[] | null } = { log: null };
  /** This source's events: replayed to late subscribers (bounded), who dedupe by id. */
  const feed = createEventFeed<InboxEvent>();

  const url = () => win.location.href;
  let lastUrl = url();
  let parts = { list: null as Element | null, thread: [] as Element[], composer: null as Element | null };
  interface Reading {
    snapshot: InboxSnapshot;
    list: ReturnType<typeof readList>;
    thread: ReturnType<typeof readThread>;
    composer: ReturnType<typeof readComposer>;
    /** The channel tabs as this reading found them (SnapshotOptions.known). */
    tab: NonNullable<KnownParts['tab']>;
  }
  /**
   * The last message each thread showed when it was read (by conversation key and row key). The list
   * alone cannot tell a customer who wrote "You: …" from the Page's reply: once the thread was read,
   * a row whose preview is the text of the thread's last customer message is the customer's.
   */
  // Declared before the first read below (safeReadAll), which uses it.
  const threadLast = new Map<string, { side: string; text: string }>();
  function rememberThread(open: OpenConversation | null) {
    const last = open?.messages.filter((m) => m.side !== 'system').at(-1);
    if (!open || !last) return;
    const entry = { side: last.side, text: normalizeLabel(last.text) };
    for (const k of [open.key, open.rowKey]) {
      if (k === undefined) continue;
      threadLast.delete(k);
      threadLast.set(k, entry);
    }
    while (threadLast.size > THREADS_REMEMBERED) threadLast.delete(threadLast.keys().next().value!);
  }
  function threadBeatsPreview(row: ConversationRow): ConversationRow {
    if (row.lastFrom !== 'page') return row;
    const last = threadLast.get(row.key) ?? (row.rowKey ? threadLast.get(row.rowKey) : undefined);
    return last?.side === 'customer' && last.text !== '' && last.text === normalizeLabel(row.preview) ? { ...row, lastFrom: 'customer' } : row;
  }

  let current: Reading = safeReadAll(now());
  const snapshot = signal<InboxSnapshot>(current.snapshot);

  function readAll(at: number, previous?: Reading, dirty?: { list: boolean; thread: boolean; composer: boolean }, readOptions: SnapshotOptions = snapOptions): Reading {
    const c = snapshotContext(doc, url(), at, readOptions);
    // No `dirty`: something outside the known parts changed, re-read everything.
    const full = !previous || !dirty;
    let list = full || dirty.list ? readList(c) : previous.list;
    if (previous && list !== previous.list) forgetRowsThatLeft(rowReads, previous.list.rowEls, list.rowEls);
    for (const row of list.conversations) if (row.selected && c.selectedId && row.rowKey) knownIds.set(row.rowKey, c.selectedId);
    // A list change alone re-reads the thread's header and its row (which row is open), not its messages.
    const thread = full || dirty.thread ? readThread(c, list.conversations) : dirty.list ? readThread(c, list.conversations, previous.thread) : previous.thread;
    if (previous && thread !== previous.thread) forgetRowsThatLeft(rowItems, previous.thread.rowEls, thread.rowEls);
    // 2026 rows are never marked selected: the open conversation's id (URL or channel tab) names its row.
    const opened = thread.open;
    if (opened?.id && opened.rowKey && knownIds.get(opened.rowKey) !== opened.id) {
      knownIds.set(opened.rowKey, opened.id);
      // The list was read before the thread named the row: give that row its id now, not at the
      // next list change, so one conversation never stands under two keys (two timers).
      const conversations = list.conversations.map((r) => (r.rowKey === opened.rowKey && !r.id ? { ...r, key: opened.id!, id: opened.id } : r));
      list = { ...list, conversations };
    }
    rememberThread(thread.open);
    const conversations = list.conversations.map(threadBeatsPreview);
    const composer = full || dirty.composer ? readComposer(doc) : previous.composer;
    const pageName = full ? readPageName(doc, snapOptions.partHints) : previous.snapshot.page.name;
    const snap: InboxSnapshot = {
      url: c.url,
      takenAt: at,
      locale: c.locale,
      page: { assetId: inboxUrlIds(c.url).assetId, name: pageName },
      conversations,
      open: thread.open,
      composer: composer.state,
      health: health(list, thread, composer),
    };
    return { snapshot: snap, list, thread, composer, tab: { value: c.tab, els: c.tabEls } };
  }

  /**
   * The first read must not fail the sidebar: an unreadable page is an unrecognized one. It fills the
   * row caches: the observer starts in this same task, so every later change to a row sends a record
   * (the first batch no longer reads every row of the thread afresh).
   */
  function safeReadAll(at: number): Reading {
    try {
      return readAll(at, undefined, undefined, batchOptions(true, true));
    } catch (error) {
      console.warn('[Inbox Pilot] could not read the inbox', error);
      const thread = { found: false, header: false, via: -1, headerVia: -1, open: null };
      const composer = { state: { found: false, enabled: false, text: '', kind: null }, el: null, via: -1, value: null };
      const list = { found: false, via: -1, rowVia: -1, titleVia: -1, conversations: [], problems: [] };
      const snap: InboxSnapshot = {
        url: url(),
        takenAt: at,
        locale: null,
        page: { assetId: inboxUrlIds(url()).assetId, name: null },
        conversations: [],
        open: null,
        composer: composer.state,
        health: health(list, thread, composer),
      };
      return { snapshot: snap, list, thread, composer, tab: { value: { selectedItemId: null, channel: null, listChannel: null }, els: [] } };
    }
  }

  /** The parts the last reading found (by the same queries: the page is not walked again for them). */
  function rememberParts() {
    parts = { list: current.list.el ?? null, thread: current.thread.parts ?? [], composer: current.composer.el };
  }

  /** Which parts a batch touched; null when something else changed (re-read everything). */
  function classify(batch: Batch): { list: boolean; thread: boolean; composer: boolean } | null {
    if (batch.overflow || batch.forced || url() !== lastUrl) return null;
    const dirty = { list: false, thread: false, composer: false };
    for (const t of batch.targets) {
      // A node no longer in the page (a ticker added and removed, a replaced row): what changed inside it
      // is gone, and its removal sent a record of its own, on the parent it left.
      if (!t.isConnected) continue;
      if (parts.composer?.contains(t)) dirty.composer = true;
      else if (parts.list?.contains(t)) dirty.list = true;
      else if (parts.thread.some((p) => p.contains(t))) dirty.thread = true;
      else return null;
    }
    return dirty;
  }

  /**
   * For a batch whose records all fell inside the parts (classify): the parts the last reading found that
   * this one need not search the page for again (SnapshotOptions.known). A part is vouched for while it is
   * under the observed root (its removal or a change of its own attributes sends a record), still matched
   * by the same alternative and by no earlier one, and was found alone (not chosen among copies). The
   * channel tabs, when every one is under the root and outside the parts: a change to one sends a record
   * outside the parts, which makes a full reading.
   */
  function knownParts(root: Node): KnownParts {
    const read = current;
    const vouch = (el: Element | null | undefined, kind: 'list' | 'header' | 'messageList', via: number, several: boolean | undefined) =>
      el && !several && root.contains(el) && stillMatches(el, kind, via) ? { value: el, via } : undefined;
    const known: KnownParts = {
      list: vouch(read.list.el, 'list', read.list.via, read.list.several),
      header: vouch(read.thread.headerEl, 'header', read.thread.headerVia, read.thread.several?.header),
      messageList: vouch(read.thread.messageList, 'messageList', read.thread.via, read.thread.several?.messageList),
    };
    const inPart = (el: Element) => !!parts.list?.contains(el) || parts.thread.some((p) => p.contains(el)) || !!parts.composer?.contains(el);
    const tabs = read.tab.els;
    if (tabs.length > 0 && tabs.every((t) => root.contains(t) && !inPart(t))) known.tab = read.tab;
    return known;
  }

  function emit(events: InboxEvent[]) {
    for (const e of events) {
      recentEvents.push(e);
      if (recentEvents.length > RECENT_MAX) recentEvents.shift();
      feed.emit(e);
    }
  }

  /** Publishes a new snapshot; a subscriber's error is logged here and never reaches the reading or the events. */
  function publish(next: InboxSnapshot) {
    const previous = snapshot.peek();
    if (sameSnapshot(previous, next)) return;
    // The same health object while it says the same: what reads only the health (the sidebar, the timers'
    // notice) is not re-rendered by each new message (issue 14).
    if (sameHealth(previous.health, next.health)) next = { ...next, health: previous.health };
    try {
      snapshot.value = next;
    } catch (error) {
      console.warn('[Inbox Pilot] a snapshot subscriber failed', error);
    }
  }

  function process(batch: Batch) {
    let pageLayoutMs = 0;
    if (options.onBatchTimed) {
      const t = performance.now();
      doc.body?.getBoundingClientRect();
      pageLayoutMs = performance.now() - t;
    }
    const started = options.onBatchTimed ? performance.now() : 0;
    try {
      const at = now();
      const dirty = classify(batch);
      forgetMutated(batch);
      // Rows outside the observed root send no records: the caches serve only the parts the observer sees.
      const root = observer.root;
      const watched = root !== null && parts.thread.length > 0 && parts.thread.every((p) => root.contains(p));
      const listWatched = root !== null && parts.list !== null && root.contains(parts.list);
      const known = dirty && root ? knownParts(root) : undefined;
      current = readAll(at, current, dirty ?? undefined, { ...batchOptions(watched, listWatched), known });
      if (!dirty) {
        lastUrl = url();
        observer.reroot();
        // A new root: what changed while it was not observed sent no records.
        if (observer.root !== root) {
          rowItems = new WeakMap();
          rowReads = new WeakMap();
        }
      }
      rememberParts();
      // Events first, then the snapshot (issue 12): a consumer that throws while the new snapshot is
      // published (a feature's effect) must never stop customer-message and reply events.
      emit(tracker.update(current.snapshot, batch.firstAt, at));
      if (tracker.busy) scheduleTick();
      publish(current.snapshot);
    } catch (error) {
      console.warn('[Inbox Pilot] could not read the inbox', error);
    }
    options.onBatchTimed?.(performance.now() - started, batch.records, pageLayoutMs);
  }

  let tickTimer: ReturnType<typeof setTimeout> | null = null;
  function scheduleTick() {
    if (tickTimer !== null) return;
    tickTimer = setTimeout(() => {
      tickTimer = null;
      try {
        emit(tracker.tick(now()));
        if (tracker.busy) scheduleTick();
      } catch (error) {
        console.warn('[Inbox Pilot] inbox tick failed', error);
      }
    }, 500);
  }

  /**
   * The narrowest stable ancestor of the inbox parts: Meta's main region, else the body. Called right after
   * a full reading (the first one, or a batch's that re-reads everything) in the same task: the list,
   * message list and composer it found are the page's, so the page is not walked again for them.
   */
  function observerRoot(): Node {
    const read = current;
    const anchor =
      read.list.el !== undefined
        ? (read.list.el ?? read.thread.messageList ?? read.composer.el)
        : (findLive(doc, 'list').value ?? findLive(doc, 'messageList').value ?? findFirst(doc, 'composer').value);
    return (anchor && closestKind(anchor, 'main')) ?? doc.body ?? doc.documentElement;
  }

  /**
   * A send noted and not yet confirmed: the composer of that page (URL) must empty. Checked when the
   * page mutates, i.e. when it happens, because the agent may open another conversation before
   * the next batch reads the page (under load a batch can come hundreds of ms late).
   */
  let awaitingSend: { url: string; conversation: string; until: number } | null = null;
  function checkSent() {
    const a = awaitingSend;
    if (!a) return;
    if (now() > a.until || url() !== a.url) {
      awaitingSend = null; // another conversation now: the batch, the row preview or the timeout decides
      return;
    }
    const composer = readComposer(doc).state;
    if (composer.found && composer.text.trim() === '') {
      awaitingSend = null;
      tracker.noteComposerEmptied(a.conversation);
    }
  }

  const observer = createBatchedObserver({
    win,
    root: observerRoot,
    onBatch: process,
    onRecords: () => awaitingSend && checkSent(),
    now,
    minGapMs: BATCH_GAP_MS,
    // The composer's changes are read at once: a reply edited and sent within the gap is still seen as edited.
    urgent: (target) => !!parts.composer?.contains(target),
  });
  try {
    rememberParts();
    emit(tracker.update(current.snapshot, now(), now()));
  } catch (error) {
    console.warn('[Inbox Pilot] could not read the inbox', error);
  }

  // SPA navigation: one URL watcher for the content script (Navigation API events in Chromium, a 1-s
  // check elsewhere) and the observer's own watch on its root leaving the page. Nothing runs on a timer
  // while nothing changes (issue 14's idle cost). An unrecognized page observed from the body needs no
  // check either: whatever renders there later sends records, and the batch re-reads everything.
  const location = options.location ?? (win === window ? locationWatcher() : createLocationWatcher(win));
  location.subscribe(ctx.signal, () => observer.request());

  // Replies sent from this browser: Enter (not Shift+Enter, not while composing) or a click on Send, with text in the composer.
  const onSendIntent = (target: EventTarget | null, via: 'enter' | 'click') => {
    try {
      if (!(target instanceof win.Element)) return;
      if (via === 'click') {
        // Most clicks are not on Send: rule them out before reading anything.
        const button = closestKind(target, 'button');
        if (!button || !findAll(doc, 'sendButton').value.includes(button)) return;
      }
      const composer = readComposer(doc);
      if (!composer.el || !composer.state.text.trim()) return;
      if (via === 'enter' && !composer.el.contains(target)) return;
      // The last keys may not be read yet (their batch waits for the next frame, and Enter can come first):
      // read the page now, before it sends, so that what follows the composer (a saved reply's edit, the
      // draft checks) sees the text that is sent.
      if (composer.state.text !== current.snapshot.composer.text) observer.flush();
      // The conversation on the page now: the last snapshot may still show the previous one.
      const open = readThread(snapshotContext(doc, url(), now(), snapOptions), current.snapshot.conversations).open;
      tracker.noteSendIntent(composer.state.text, now(), open);
      if (open) awaitingSend = { url: url(), conversation: open.key, until: now() + SEND_WAIT_MS };
      scheduleTick();
    } catch (error) {
      console.warn('[Inbox Pilot] could not follow a send', error);
    }
  };
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) onSendIntent(e.target, 'enter');
    },
    { capture: true, signal: ctx.signal },
  );
  doc.addEventListener('click', (e) => onSendIntent(e.target, 'click'), { capture: true, signal: ctx.signal });

  // The page is going away: a send confirmed but still waiting for its bubble's final id (the 2026 inbox
  // draws a `pending.<n>` bubble first) is reported now, before the stats sender saves its outbox on the
  // same event (capture: at the window, capture listeners run before the sender's).
  const onPageHide = () => {
    try {
      checkSent();
      emit(tracker.leaving());
    } catch (error) {
      console.warn('[Inbox Pilot] could not report the last sends', error);
    }
  };
  win.addEventListener('pagehide', onPageHide, { capture: true, signal: ctx.signal });

  ctx.onInvalidated(() => {
    observer.disconnect();
    if (tickTimer !== null) clearTimeout(tickTimer);
    feed.clear();
  });

  const source: InboxSource = {
    snapshot,
    onEvent: (listener) => feed.subscribe(listener),
    openConversation(key) {
      try {
        const c = snapshotContext(doc, url(), now(), snapOptions);
        const list = findLive(doc, 'list').value;
        if (!list) return false;
        for (const row of findAll(list, 'row').value) {
          const r = readRow(row, c);
          if (r.key !== key && r.rowKey !== key && r.id !== key) continue;
          // The title, never the row's action grid ("Done" would remove it from Meta's metrics): safeClick refuses those.
          if (!safeClick(findFirst(row, 'rowTitle').value ?? row)) return false;
          observer.request();
          return true;
        }
        return false;
      } catch (error) {
        console.warn('[Inbox Pilot] could not open a conversation', error);
        return false;
      }
    },
    async insertText(text, opts = {}): Promise<InsertResult> {
      try {
        const expected = opts.conversation ?? null;
        const before = current.snapshot.open;
        const expectedName = expected !== null && before?.key === expected ? before.customerName : null;
        const stillExpected = () => {
          if (expected === null) return true;
          const fresh = readThread(snapshotContext(doc, url(), now(), snapOptions), current.snapshot.conversations).open;
          return !!fresh && fresh.key === expected && (expectedName === null || fresh.customerName === expectedName);
        };
        const result = await insertIntoComposer(doc, text, { replaceAll: opts.replaceAll, stillExpected });
        observer.request();
        return result;
      } catch (error) {
        console.warn('[Inbox Pilot] could not insert text', error);
        return { ok: false, reason: 'rejected' };
      }
    },
  };

  // Reachable only from this extension's isolated world (DevTools, the e2e spec): never from the page.
  (globalThis as Record<string, unknown>).__inboxPilotDebug = {
    events: () => recentEvents.map((e) => ({ ...e })),
    /**
     * Issue 16's per-event trace (ids, sides, times; never text): off until switched on here, bounded.
     * `trace(true)` starts it (and records the current thread), `trace()` reads it, `trace(false)` stops and clears it.
     */
    trace: (on?: boolean) => {
      if (on === true && !tracer.log) {
        tracer.log = [];
        tracker.tracer = (entry) => {
          tracer.log!.push(entry);
          if (tracer.log!.length > TRACE_MAX) tracer.log!.shift();
        };
        tracker.tracer({ t: now(), what: 'trace-on', ...(current.snapshot.open ? { conv: traceConv(current.snapshot.open.key) } : {}) });
      } else if (on === false) {
        tracer.log = null;
        tracker.tracer = null;
      }
      return tracer.log ? [...tracer.log] : null;
    },
    snapshot: () => snapshot.peek(),
    insertText: (text: string, opts?: { conversation?: string | null; replaceAll?: boolean }) => source.insertText(text, opts),
  };
  return source;
}

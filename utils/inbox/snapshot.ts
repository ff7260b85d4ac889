import { LANGUAGES, labelsFor, normalizedLabels, normalizeLabel } from './labels';
import { alternativeCss, anyMatch, cssOf as cssOfAlternative, findAll, findFirst, findFirstOf, findLive, firstOfAlternative, isKind, type Found, type PartHints } from './dom';
import { wallTime, zonedDayRange } from '../time/zone';
import { SELECTORS } from './selectors';
import { messageKey, midKey, rowKey, hash } from './keys';
import { isBareClock, looksLikeTimeToken, parseTimeToken, utimeInterval } from './time-token';
import { inboxUrlIds, linkIds, pathChannel, tabChannel } from './url';
import type {
  Channel,
  ComposerState,
  ConversationRow,
  InboxHealth,
  InboxLocale,
  InboxSnapshot,
  MessageSide,
  OpenConversation,
  ThreadMessage,
  TimeRange,
} from './types';

/**
 * The inbox page as plain data. Pure: reads the document, writes nothing,
 * keeps no node. Split in parts (list, thread, composer) so the live source
 * can re-read only the part a mutation touched.
 */
export interface SnapshotOptions {
  /** IANA zone the page shows times in (default: the browser's). */
  timeZone?: string;
  /** Row keys (name + avatar) already tied to a `selected_item_id` (the live source learns them). */
  knownIds?: ReadonlyMap<string, string>;
  /**
   * What each 2026 message row (`data-message-id`) was read as, kept by the live source between
   * batches and invalidated by the mutation records (live.ts): rows that did not change are not
   * re-read. Checked against the row's message id and the thread's marker mode on every use.
   */
  rowItems?: RowItemsCache;
  /**
   * What each list row's own subtree was read as (name, avatar, time, preview, bold, selection), kept
   * by the live source between batches and invalidated by the mutation records (live.ts) that touch
   * the row: text, children, and the attributes that carry its state (class and inline font-weight
   * for the bold of unread rows, img src and alt for the avatar, href, aria-selected/current).
   */
  rowReads?: RowReadCache;
  /** Which alternative found the message list (and the Page name, readPageName) on this page last time (dom.ts, PartHints); kept by the live source. */
  partHints?: PartHints;
  /**
   * Parts the live source vouches for, so this reading does not search the page for them again (each
   * search of a part is a walk of the whole page). Given only for a batch whose mutation records all fell
   * inside the parts the last reading found (anything else makes a full reading), for parts still in the
   * page under the observed root, still matched by the alternative that found them, and found alone: such
   * a part is what the search would find again. `tab`: the channel tabs' reading, for tabs under the
   * observed root and outside the parts (any change to them makes a full reading) on an unchanged URL.
   */
  known?: KnownParts;
}

/** See SnapshotOptions.known. */
export interface KnownParts {
  list?: Found<Element>;
  header?: Found<Element>;
  messageList?: Found<Element>;
  tab?: { value: ChannelTabs; els: Element[] };
}

/** A message row's reading (its message and avatar items); see SnapshotOptions.rowItems. */
export type RowItemsCache = WeakMap<Element, { mid: string | null; items: Item[] }>;

interface Ctx {
  doc: Document;
  url: string;
  now: number;
  /** undefined: the browser's own zone. */
  tz: string | undefined;
  locale: InboxLocale | null;
  /** `selected_item_id` of the URL. */
  selectedId: string | null;
  /** The conversation the page shows by its channel tabs (2026: the URL often drops the id). */
  tab: ChannelTabs;
  /** The channel tab elements read for `tab` (the live source checks they stay outside what a batch re-reads). */
  tabEls: Element[];
  knownIds: ReadonlyMap<string, string>;
  rowItems: RowItemsCache | null;
  rowReads: RowReadCache | null;
  partHints: PartHints | undefined;
  known: KnownParts | undefined;
}

type ChannelTabs = { selectedItemId: string | null; channel: Channel | null; listChannel: Channel | null };

const textOf = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const range = (r: { start: Date; end: Date } | null): TimeRange | null => (r ? { start: r.start.getTime(), end: r.end.getTime() } : null);

/** The page's interface language: `<html lang>`, else the language of a label found on the page. */
export function detectLocale(doc: Document): InboxLocale | null {
  const own = labelsFor(doc.documentElement.getAttribute('lang'));
  if (own && (own.lang === 'en' || own.lang === 'fr')) return own.lang;
  const title = normalizeLabel(doc.title);
  for (const l of LANGUAGES) {
    if (l.inboxList.some((label) => title.includes(normalizeLabel(label)))) return l.lang as InboxLocale;
  }
  return null;
}

function makeCtx(doc: Document, url: string, now: number, options: SnapshotOptions): Ctx {
  const known = options.known?.tab;
  const tabEls = known ? known.els : findAll(doc, 'channelTab').value;
  return {
    doc,
    url,
    now,
    // No zone set: the browser's own, through Date (zone.ts), never Intl: the first DateTimeFormat of a
    // content script cost 13 ms of its start-up (issue 14), and the runtime's zone is the one Date uses.
    tz: options.timeZone,
    locale: detectLocale(doc),
    selectedId: inboxUrlIds(url).selectedItemId,
    tab: known ? known.value : readChannelTabs(tabEls, url),
    tabEls,
    knownIds: options.knownIds ?? new Map(),
    rowItems: options.rowItems ?? null,
    rowReads: options.rowReads ?? null,
    partHints: options.partHints,
    known: options.known,
  };
}

/**
 * The channel tabs (2026): the one shown (`aria-current="page"`) keeps in its href the
 * `selected_item_id` of the conversation open in it. On `all` its href has no `thread_type`: the
 * channel is that of another tab whose href holds the same id. `listChannel`: the channel every row
 * of the list belongs to (a channel tab is shown), null on `all`.
 */
function readChannelTabs(tabs: Element[], url: string): ChannelTabs {
  const urlIds = linkIds(url);
  const current = tabs.find((t) => t.getAttribute('aria-current') === 'page') ?? null;
  const shown = current ? linkIds(current.getAttribute('href')) : { selectedItemId: null, channel: null };
  // The list's channel comes from the tab shown or the URL's path, never from the URL's thread_type:
  // opening a WhatsApp conversation from the "all" tab puts WA_MESSAGE in the URL, not every row in WhatsApp.
  const listChannel = current ? tabChannel(current.getAttribute('data-surface')) : pathChannel(url);
  const id = urlIds.selectedItemId ?? shown.selectedItemId;
  let channel = urlIds.channel ?? shown.channel ?? listChannel;
  if (!channel && id) {
    for (const t of tabs) {
      const other = linkIds(t.getAttribute('href'));
      if (other.selectedItemId === id && other.channel) channel = other.channel;
    }
  }
  return { selectedItemId: shown.selectedItemId, channel, listChannel };
}

// ------------------------------------------------------------------ list

/** Rows inside the list's visible area; every row when the page has no layout (tests) or is hidden, or the list is virtualized. */
const VIRTUALIZED_MAX = 40;
function visibleRows(list: Element, rows: Element[]): Element[] {
  // A virtualized list mounts only what is (nearly) visible: no layout read needed.
  if (rows.length <= VIRTUALIZED_MAX) return rows;
  const box = (findFirst(list, 'listViewport').value ?? list).getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return rows;
  const out = rows.filter((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
  });
  return out;
}

function selectedIdFromHref(row: Element): string | null {
  const link = isKind(row, 'rowLink') ? row : findFirst(row, 'rowLink').value;
  return linkIds(link?.getAttribute('href')).selectedItemId;
}

function isSelectedRow(row: Element): boolean {
  return isKind(row, 'rowSelected') || anyMatch(row, 'rowSelected');
}

/** Who wrote a row's last message, from its preview: `You: …` / `You sent a photo.` is the Page; a reaction or a removal is nobody's new message. */
export function previewAuthor(preview: string): ConversationRow['lastFrom'] {
  if (!preview) return 'unknown';
  const t = normalizeLabel(preview);
  if (normalizedLabels('youPrefix').some((p) => t.startsWith(p))) return 'page';
  if (normalizedLabels('youSentPreview').some((p) => t.startsWith(p))) return 'page';
  if (normalizedLabels('notAMessagePreview').some((p) => ` ${t} `.includes(` ${p} `))) return 'unknown';
  return 'customer';
}

function nameOf(el: Element | null): string | null {
  if (!el) return null;
  const name = el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : textOf(el);
  return name || null;
}

/** What a list row's subtree says on its own, before the page's context (clock, URL, known ids) is applied. */
export interface RowRead {
  customerName: string | null;
  avatarSrc: string | null | undefined;
  /** The time element's data-utime and text (null: no time element). */
  utime: string | null;
  timeText: string | null;
  preview: string;
  unread: boolean;
  selected: boolean;
  hrefId: string | null;
  /** rowKey(name, avatar, preview), and whether the preview starts with "You: ". */
  basis: string;
  youPrefixed: boolean;
}
/** List rows already read, by row node; see SnapshotOptions.rowReads. */
export type RowReadCache = WeakMap<Element, RowRead>;

/** Reads one list row's subtree (the costly part of readRow: selector walks and the computed bold). */
export function readRowSubtree(row: Element): RowRead {
  const titleEl = findFirst(row, 'rowTitle').value;
  const customerName = nameOf(titleEl);
  const avatarSrc = findFirst(row, 'avatar').value?.getAttribute('src');
  const timeEl = findFirst(row, 'rowTime').value;
  const actions = normalizedLabels('rowActions');
  const timeText = timeEl ? textOf(timeEl) : null;
  // The first text of any alternative that is not the name, the time or an action label.
  let preview = '';
  const isPreview = (el: Element) => {
    const t = textOf(el);
    return t && t !== customerName && t !== timeText && !actions.includes(normalizeLabel(t)) && !looksLikeTimeToken(t) ? t : null;
  };
  for (const alt of SELECTORS.rowPreview) {
    const t = firstOfAlternative(row, alt, isPreview);
    if (t) {
      preview = t;
      break;
    }
  }
  return {
    customerName,
    avatarSrc,
    utime: timeEl?.getAttribute('data-utime') ?? null,
    timeText,
    preview,
    unread: anyMatch(row, 'rowUnread'),
    selected: isSelectedRow(row),
    hrefId: selectedIdFromHref(row),
    basis: rowKey(customerName, avatarSrc, preview),
    youPrefixed: normalizedLabels('youPrefix').some((p) => normalizeLabel(preview).startsWith(p)),
  };
}

export function readRow(row: Element, c: Ctx): ConversationRow {
  let read = c.rowReads?.get(row);
  if (!read) {
    read = readRowSubtree(row);
    c.rowReads?.set(row, read);
  }
  const { customerName, preview, unread, selected, basis } = read;
  let lastAt: TimeRange | null = null;
  if (read.timeText !== null) {
    lastAt = range(utimeInterval(read.utime)) ?? range(parseTimeToken(read.timeText, c.now, c.locale, c.tz));
  }
  // The Page writing marks its conversation read: an unread row reading "You: …" is a customer who
  // typed those words (the thread, once read, decides; live.ts). "You sent a photo." is left as it is.
  const lastFrom = unread && read.youPrefixed ? 'customer' : previewAuthor(preview);
  const openId = c.selectedId ?? c.tab.selectedItemId;
  const id = read.hrefId ?? (selected && openId ? openId : null) ?? c.knownIds.get(basis) ?? null;
  return { key: id ?? basis, id, customerName, preview, lastFrom, lastAt, unread, selected, rowKey: basis, channel: c.tab.listChannel };
}

export interface ListReading {
  found: boolean;
  /** The list element read (the live source routes mutation records by it). */
  el?: Element | null;
  via: number;
  /** Its alternative matched several elements (findLive chose the live one). */
  several?: boolean;
  rowVia: number;
  titleVia: number;
  conversations: ConversationRow[];
  /** The row elements read, in order (the live source forgets the cached reading of a row that left). */
  rowEls?: Element[];
  problems: string[];
}

/**
 * The visible rows. A list whose rows carry no customer name is not recognized: it is most likely
 * something else matched by a fallback (the 2026 action grid was one), not an inbox of nameless customers.
 */
export function readList(c: Ctx): ListReading {
  const list: Found<Element | null> = c.known?.list ?? findLive(c.doc, 'list');
  if (!list.value) return { found: false, via: -1, rowVia: -1, titleVia: -1, conversations: [], problems: [] };
  const rows = findAll(list.value, 'row');
  const seen = new Set<string>();
  const conversations: ConversationRow[] = [];
  let titleVia = -1;
  let nameless = 0;
  const rowEls = visibleRows(list.value, rows.value);
  for (const row of rowEls) {
    if (titleVia < 0) titleVia = findFirst(row, 'rowTitle').via;
    const r = readRow(row, c);
    if (!r.customerName) {
      nameless++;
      continue;
    }
    if (seen.has(r.key)) continue; // overscan duplicates, nested matches
    seen.add(r.key);
    conversations.push(r);
  }
  const problems = nameless > 0 ? [`${nameless} list row(s) without a customer name`] : [];
  // Action grids with no row around them: the rows changed shape, this is not an empty inbox.
  const orphanActions = rows.value.length === 0 && findFirst(list.value, 'actionControl').via === 0;
  if (orphanActions) problems.push('row actions without rows');
  const found = !orphanActions && (conversations.length > 0 || nameless === 0);
  return { found, el: list.value, via: list.via, ...(list.several ? { several: true } : {}), rowVia: rows.via, titleVia, conversations, rowEls, problems };
}

// ------------------------------------------------------------------ thread

type Item =
  /** `marked`: a 2026 message row (`data-message-id`) opening with the Page's hidden "You sent" marker, or not. */
  | { type: 'message'; el: Element; text: string; mid?: string; marked?: boolean; attachment?: boolean }
  | { type: 'label'; el: Element; agent: string }
  | { type: 'separator'; el: Element; raw: string }
  | { type: 'system'; el: Element; text: string }
  | { type: 'avatar'; el: Element };

/** Rows of the thread read at most (plus back to the start of their date section): enough for every consumer, bounded cost. */
export const THREAD_TAIL_ROWS = 60;
/** Longest agent name kept from a `Sent by` label; longer ones are cut (never dropped: the reply still counts). */
export const AGENT_NAME_MAX = 100;

function isSeparatorRow(row: Element): boolean {
  // A row holding a role=separator (alternative 0; the text alternative is the test below, on the row's whole text).
  if (isKind(row, 'separator') || findFirstOf(row, 'separator', 0) !== null) return true;
  const raw = textOf(row);
  return raw.length > 0 && raw.length <= 40 && /\d/.test(raw) && looksLikeTimeToken(raw);
}

/**
 * The thread's rows to read: the children of the element holding every bubble,
 * the last THREAD_TAIL_ROWS of them, extended back to a date separator so the
 * occurrence counts of message keys stay complete for each section.
 */
function threadWindow(list: Element, first: Element | null): { roots: Element[]; includeRoots: boolean; omitted: boolean } {
  if (!first) return { roots: [list], includeRoots: false, omitted: false };
  // The deepest last descendant is in the last row: the rows' parent holds both (no need to collect every bubble).
  let last: Element = list;
  while (last.lastElementChild) last = last.lastElementChild;
  const parent = commonAncestor(first, last, list);
  const rows = parent.children;
  // One bubble only: the last descendant is inside it, read the whole list.
  if (parent === first) return { roots: [list], includeRoots: false, omitted: false };
  if (rows.length <= THREAD_TAIL_ROWS) return { roots: [parent], includeRoots: false, omitted: false };
  let start = rows.length - THREAD_TAIL_ROWS;
  const floor = Math.max(0, start - 300);
  while (start > floor && !isSeparatorRow(rows[start]!)) start--;
  const roots: Element[] = [];
  for (let i = start; i < rows.length; i++) roots.push(rows[i]!);
  return { roots, includeRoots: true, omitted: start > 0 };
}

/**
 * A 2026 message row (`data-message-id`): its bubble text ('' for an attachment or a removed
 * message) and whether it opens with the Page's hidden "You sent" (its side, see sides()).
 */
function messageRowItem(row: Element): Item | null {
  const mid = row.getAttribute('data-message-id') ?? '';
  // An optimistic bubble (`pending.<n>`) is not a message yet: Meta may drop it, and it gets its real id within a second.
  if (!mid || mid.startsWith('pending')) return null;
  const bubble = findFirst(row, 'messageText').value;
  const marked = findFirst(row, 'pageMarker').value !== null;
  const attachment = !bubble && findFirst(row, 'attachment').value !== null;
  return { type: 'message', el: row, text: bubble ? textOf(bubble) : '', mid, marked, ...(attachment ? { attachment } : {}) };
}

/** One pass over (the tail of) the thread in document order: messages, separators, `Sent by` labels, system rows, avatars. */
function threadItems(list: Element, cache: RowItemsCache | null = null): { items: Item[]; omitted: boolean; markers: boolean; rowEls: Element[] } {
  const rowsById = findFirst(list, 'messageRow').value;
  const textAlt = findFirst(list, 'messageText').via;
  const bubbleCss = SELECTORS.messageText[textAlt] ? textAlt : -1;
  const isBubble = (el: Element) => bubbleCss >= 0 && matchesAlternative(el, 'messageText', bubbleCss);
  const items: Item[] = [];
  /** The message rows read (by id), cached or not: the live source forgets the cached ones that left. */
  const rowEls: Element[] = [];
  const window_ = threadWindow(list, rowsById ?? findFirst(list, 'messageText').value);
  // The composer is only inside the thread area in the last-resort alternative (the whole detail pane).
  // Only the window's rows are visited: an editor elsewhere in the list never is, so they alone are
  // searched (the tail's 60 rows, not the whole thread of hundreds, on every read of it).
  const editorInside = window_.roots.some((r) => (window_.includeRoots && isKind(r, 'editor')) || findFirst(r, 'editor').value !== null);
  // Returns true when `el` was taken whole (its descendants are not visited).
  const visit = (el: Element): boolean => {
    if (editorInside && isKind(el, 'editor')) return true;
    if (rowsById && isKind(el, 'messageRow')) {
      rowEls.push(el);
      const mid = el.getAttribute('data-message-id');
      const known = cache?.get(el);
      if (known && known.mid === mid) {
        items.push(...known.items);
        return true;
      }
      const rowItems: Item[] = [];
      const item = messageRowItem(el);
      if (item) rowItems.push(item);
      // The customer's avatar sits in the row of the last message of a run.
      const avatar = findFirst(el, 'avatar').value;
      if (avatar) rowItems.push({ type: 'avatar', el: avatar });
      cache?.set(el, { mid, items: rowItems });
      items.push(...rowItems);
      return true;
    }
    if (el.tagName === 'IMG') {
      if (isKind(el, 'avatar')) items.push({ type: 'avatar', el });
      return false;
    }
    const bubble = isBubble(el);
    // A bubble is a message whatever it says: a reply reading "Sent by email." is not a `Sent by` label
    // (taken for one, the reply vanished from the thread and the conversation stayed waiting).
    if (!bubble && isKind(el, 'agentLabel')) {
      const raw = textOf(el);
      const t = normalizeLabel(raw);
      const prefix = normalizedLabels('sentByPrefix').find((p) => t.startsWith(p))!;
      items.push({ type: 'label', el, agent: raw.slice(prefix.length).trim().slice(0, AGENT_NAME_MAX) });
      return true;
    }
    const separatorRole = !bubble && el.childElementCount > 0 && isKind(el, 'separator');
    if (!bubble && !separatorRole && el.childElementCount > 0) return false;
    const raw = textOf(el);
    if (!raw) return false;
    if (!bubble && isKind(el, 'systemRow')) items.push({ type: 'system', el, text: raw });
    else if (!bubble && isKind(el, 'separator')) items.push({ type: 'separator', el, raw });
    else if (bubble) items.push({ type: 'message', el, text: raw });
    // Anything else ("is typing…", "Seen", reactions) is not a message.
    return true;
  };
  // Document order; the subtree of an element taken whole is skipped (not walked and tested node by node).
  const walk = (root: Element) => {
    let el: Element | null = root.firstElementChild;
    while (el) {
      if (!visit(el) && el.firstElementChild) {
        el = el.firstElementChild;
        continue;
      }
      while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
      if (!el || el === root) return;
      el = el.nextElementSibling;
    }
  };
  for (const root of window_.roots) {
    if (window_.includeRoots && visit(root)) continue;
    walk(root);
  }
  // Whether the thread has "You sent" markers at all (without any, in a language the label tables lack,
  // structure decides the sides): the rows just read usually say so; else the whole list is searched.
  const markers =
    rowsById !== null && (items.some((i) => i.type === 'message' && i.marked) || findFirst(list, 'pageMarker').value !== null);
  return { items, omitted: window_.omitted, markers, rowEls };
}

/** Whether `el` is matched by alternative `index` of `kind`. */
function matchesAlternative(el: Element, kind: 'messageText', index: number): boolean {
  const alt = SELECTORS[kind][index]!;
  return el.matches(cssOfAlternative(alt)) && (!alt.test || alt.test(el));
}

/**
 * Sides from structure: a message whose row holds an avatar is the customer's,
 * and so are the rows before it in the same run (Meta shows the avatar on the
 * last bubble of a customer group); a run closed by a `Sent by` label is the
 * Page's. Runs closed by a separator, a system row or the end are unsure:
 * layout decides them (left/right) when the browser has one, else the Page.
 * Layout is read only for those, so a batch rarely forces a layout.
 * Messages whose row says its side (2026 `You sent` marker) keep it.
 */
function sides(list: Element, items: Item[], markers: boolean): Map<Element, MessageSide> {
  const out = new Map<Element, MessageSide>();
  const all = items.map((i) => i.el);
  if (!all.length) return out;
  let lca = commonAncestor(all[0]!, all[all.length - 1]!, list);
  // A thread of one message: every item is inside its row, whose parent is the one holding rows.
  const oneRow = items.filter((i) => i.type === 'message').length === 1 && items.every((i) => i.type === 'message' || i.type === 'avatar');
  if (oneRow && lca !== list && lca.parentElement) lca = lca.parentElement;
  const groupOf = (el: Element) => {
    let g: Element = el;
    while (g.parentElement && g.parentElement !== lca && g !== lca) g = g.parentElement;
    return g;
  };
  const avatarGroups = new Set(items.filter((i) => i.type === 'avatar').map((i) => groupOf(i.el)));
  const unsure: Element[] = [];
  let pending: Element[] = [];
  const settle = (side: MessageSide | null) => {
    for (const el of pending) side ? out.set(el, side) : unsure.push(el);
    pending = [];
  };
  for (const item of items) {
    if (item.type === 'message') {
      // A Page row opens with a hidden "You sent"; without it, the customer's.
      if (markers && item.marked !== undefined) {
        out.set(item.el, item.marked ? 'page' : 'customer');
        continue;
      }
      pending.push(item.el);
      if (avatarGroups.has(groupOf(item.el))) settle('customer');
    } else if (item.type === 'label') settle('page');
    else if (item.type === 'separator' || item.type === 'system') settle(null);
  }
  settle(null);
  if (unsure.length) {
    const layout = sidesFromLayout(list, unsure);
    for (const el of unsure) out.set(el, layout?.get(el) ?? 'page');
  }
  return out;
}

/** Left/right from layout when the browser has one; null in layout-less documents (happy-dom) or hidden threads. */
function sidesFromLayout(list: Element, messages: Element[]): Map<Element, MessageSide> | null {
  const box = list.getBoundingClientRect();
  if (box.width === 0) return null;
  const rtl = (list.ownerDocument.documentElement.getAttribute('dir') ?? '').toLowerCase() === 'rtl';
  const mid = box.left + box.width / 2;
  const out = new Map<Element, MessageSide>();
  for (const el of messages) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) return null;
    const right = (r.left + r.right) / 2 > mid;
    out.set(el, right !== rtl ? 'page' : 'customer');
  }
  return out;
}

function commonAncestor(a: Element, b: Element, fallback: Element): Element {
  let x: Element | null = a;
  while (x && !x.contains(b)) x = x.parentElement;
  return x ?? fallback;
}

/**
 * A separator's time. A bare clock ("1:58 PM" after a gap on the same day) belongs to the day of the
 * separator above it, not to today.
 */
function separatorTime(raw: string, section: TimeRange | null, c: Ctx): TimeRange | null {
  if (section && isBareClock(raw)) {
    const day = wallTime(section.start, c.tz);
    const endOfDay = zonedDayRange({ year: day.year, month: day.month, day: day.day }, c.tz).end - 1;
    return range(parseTimeToken(raw, endOfDay, c.locale, c.tz));
  }
  return range(parseTimeToken(raw, c.now, c.locale, c.tz));
}

export function readMessages(list: Element, c: Ctx): { messages: ThreadMessage[]; omitted: boolean; rowEls: Element[] } {
  const { items, omitted, markers, rowEls } = threadItems(list, c.rowItems);
  const sideOf = sides(list, items, markers);
  const automated = normalizedLabels('automatedAgents');
  const messages: ThreadMessage[] = [];
  const occurrences = new Map<string, number>();
  let section: TimeRange | null = null;
  let group: ThreadMessage[] = [];
  for (const item of items) {
    if (item.type === 'separator') {
      section = separatorTime(item.raw, section, c);
      group = [];
    } else if (item.type === 'system') {
      messages.push(makeMessage('system', item.text));
      group = [];
    } else if (item.type === 'label') {
      const isAuto = automated.includes(normalizeLabel(item.agent));
      for (const m of group) {
        m.agent = item.agent;
        if (isAuto) m.automated = true;
      }
      group = [];
    } else if (item.type === 'message') {
      const side = sideOf.get(item.el) ?? 'page';
      const m = makeMessage(side, item.text, item.mid);
      if (item.attachment) m.attachment = true;
      messages.push(m);
      if (side === 'page') group.push(m);
      else group = [];
    }
  }
  return { messages, omitted, rowEls };

  function makeMessage(side: MessageSide, text: string, mid?: string): ThreadMessage {
    if (mid) return { key: midKey(mid), side, agent: null, text, at: section, automated: false };
    const sectionMinute = section ? section.start : null;
    const base = messageKey(sectionMinute, side, text, 0).replace(/\.0$/, '');
    const n = occurrences.get(base) ?? 0;
    occurrences.set(base, n + 1);
    return { key: `${base}.${n}`, side, agent: null, text, at: section, automated: false };
  }
}

/** The channel of the open conversation: URL / tabs first, then the header's channel name, then the composer's placeholder. */
function openChannel(c: Ctx, header: Element | null): Channel | null {
  if (c.tab.channel) return c.tab.channel;
  const named = header ? textOf(findFirst(header, 'headerChannel').value).toLowerCase() : '';
  if (named === 'messenger' || named === 'instagram' || named === 'whatsapp') return named;
  const composer = findFirst(c.doc, 'composer').value;
  const placeholder = normalizeLabel(composer?.getAttribute('aria-placeholder') ?? composer?.getAttribute('placeholder') ?? composer?.getAttribute('aria-label') ?? '');
  for (const ch of ['messenger', 'instagram', 'whatsapp'] as const) if (placeholder.includes(ch)) return ch;
  return null;
}

export interface ThreadReading {
  found: boolean;
  /** The header and message list elements read (the live source routes mutation records by them). */
  parts?: Element[];
  /** The message list element read. */
  messageList?: Element | null;
  /** The message rows it holds that were read (by id; none in a layout without ids), for the live source's cache. */
  rowEls?: Element[];
  /** The header element read. */
  headerEl?: Element | null;
  /** Which of them was chosen among several matches of their alternative (findLive). */
  several?: { header: boolean; messageList: boolean };
  header: boolean;
  via: number;
  headerVia: number;
  open: OpenConversation | null;
}

/**
 * The open conversation as the page shows it. `unchanged`: the last reading of the thread, when no
 * mutation record fell inside the thread since (the live source knows): its messages are taken again if
 * the message list is the same element, and only what depends on the list's rows (which row is open, its
 * key) is read afresh. A list re-rendered by every new message elsewhere no longer re-reads the thread.
 */
export function readThread(c: Ctx, rows: ConversationRow[], unchanged?: ThreadReading): ThreadReading {
  const header: Found<Element | null> = c.known?.header ?? findLive(c.doc, 'header');
  // 2026: the pagelet alternative misses and the label one matches; the hint saves that miss's walk.
  const list: Found<Element | null> = c.known?.messageList ?? findLive(c.doc, 'messageList', c.partHints);
  if (!header.value && !list.value && !c.selectedId) return { found: false, header: false, via: -1, headerVia: -1, open: null };
  let customerName: string | null = null;
  if (header.value) {
    const nameEl = isKind(header.value, 'headerName') ? header.value : findFirst(header.value, 'headerName').value;
    customerName = nameOf(nameEl);
  }
  const selectedRow = rows.find((r) => r.selected) ?? (customerName ? rows.find((r) => r.customerName === customerName) : undefined);
  customerName ??= selectedRow?.customerName ?? null;
  // The channel tab's selection counts only when a conversation is on screen: the tab keeps it after the pane is emptied.
  const id = c.selectedId ?? (customerName ? c.tab.selectedItemId : null);
  const key = id ?? selectedRow?.key ?? (customerName ? `h:${hash(normalizeLabel(customerName))}` : 'unknown');
  const kept = unchanged?.open && list.value && unchanged.messageList === list.value ? unchanged.open : null;
  const { messages, omitted, rowEls } = kept
    ? { messages: kept.messages, omitted: kept.earlierOmitted === true, rowEls: unchanged!.rowEls }
    : list.value
      ? readMessages(list.value, c)
      : { messages: [], omitted: false, rowEls: undefined };
  // An empty detail pane ("Select a conversation") is a thread area with no conversation open.
  const open: OpenConversation | null =
    id || customerName || messages.length
      ? {
          id,
          key,
          customerName,
          channel: openChannel(c, header.value),
          ...(selectedRow?.rowKey ? { rowKey: selectedRow.rowKey } : {}),
          messages,
          ...(omitted ? { earlierOmitted: true } : {}),
        }
      : null;
  const parts = [header.value, list.value].filter((e): e is Element => e !== null);
  return {
    found: list.value !== null,
    parts,
    messageList: list.value,
    ...(rowEls?.length ? { rowEls } : {}),
    headerEl: header.value,
    ...(header.several || list.several ? { several: { header: !!header.several, messageList: !!list.several } } : {}),
    header: header.value !== null,
    via: list.via,
    headerVia: header.via,
    open,
  };
}

// ------------------------------------------------------------------ composer

/** The composer's text: textarea value, or paragraphs of a contenteditable joined by newlines (zero-width characters dropped). */
export function composerText(el: Element): string {
  if (el.tagName === 'TEXTAREA') return (el as HTMLTextAreaElement).value;
  const blocks = [...el.children].filter((ch) => /^(P|DIV)$/.test(ch.tagName));
  const raw = blocks.length ? blocks.map((b) => blockText(b)).join('\n') : (el.textContent ?? '');
  return raw.replace(/[\u200b\ufeff]/g, '');
}
function blockText(b: Element): string {
  // Draft.js nests blocks: div[data-contents] > div[data-block] > ...
  const inner = [...b.children].filter((ch) => ch.hasAttribute('data-block') || ch.hasAttribute('data-contents'));
  if (inner.length) return inner.map(blockText).join('\n');
  return b.textContent ?? '';
}

export function composerKind(el: Element): ComposerState['kind'] {
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (el.classList.contains('public-DraftEditor-content') || findFirst(el, 'draftContents').value) return 'draftjs';
  return 'contenteditable';
}

export function composerEnabled(el: Element): boolean {
  if (el.getAttribute('aria-disabled') === 'true') return false;
  if (el.tagName === 'TEXTAREA') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

export function readComposer(doc: Document): { state: ComposerState; el: Element | null; via: number; value: Element | null } {
  const { value: el, via } = findFirst(doc, 'composer');
  if (!el) return { state: { found: false, enabled: false, text: '', kind: null }, el: null, via, value: null };
  return { state: { found: true, enabled: composerEnabled(el), text: composerText(el), kind: composerKind(el) }, el, via, value: el };
}

// ------------------------------------------------------------------ page and health

/** The Page's name; `hints`: the live source's (in the sim the heading alternative misses: a walk of the page). */
export function readPageName(doc: Document, hints?: PartHints): string | null {
  return nameOf(findFirst(doc, 'pageName', hints).value);
}

export function health(list: ListReading, thread: ThreadReading, composer: Found<Element | null>): InboxHealth {
  const found = { list: list.found, thread: thread.found || thread.header, composer: composer.value !== null };
  const missing: InboxHealth['missing'] = [];
  if (!found.list) missing.push('list');
  if (thread.open && !thread.found) missing.push('thread');
  if (found.thread && !found.composer) missing.push('composer');
  return {
    found,
    missing,
    recognized: found.list || found.thread,
    via: {
      list: alternativeCss('list', list.via),
      row: alternativeCss('row', list.rowVia),
      rowTitle: alternativeCss('rowTitle', list.titleVia),
      header: alternativeCss('header', thread.headerVia),
      messageList: alternativeCss('messageList', thread.via),
      composer: alternativeCss('composer', composer.via),
    },
    ...(list.problems.length ? { problems: list.problems } : {}),
  };
}

/** A snapshot of the whole page. */
export function takeSnapshot(doc: Document, url: string, now: number, options: SnapshotOptions = {}): InboxSnapshot {
  const c = makeCtx(doc, url, now, options);
  const list = readList(c);
  const thread = readThread(c, list.conversations);
  const composer = readComposer(doc);
  return {
    url,
    takenAt: now,
    locale: c.locale,
    page: { assetId: inboxUrlIds(url).assetId, name: readPageName(doc) },
    conversations: list.conversations,
    open: thread.open,
    composer: composer.state,
    health: health(list, thread, composer),
  };
}

export { makeCtx as snapshotContext, isKind };
export type { Ctx as SnapshotContext };

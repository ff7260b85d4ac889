import { LANGUAGES, labelsFor, normalizedLabels, normalizeLabel } from './labels';
import { findAll, findFirst, isKind, matchAlternative } from './dom';
import { isAgentLabelText, isSystemText, isTransientText, SELECTORS } from './selectors';
import { messageKey, rowKey, hash } from './keys';
import { looksLikeTimeToken, parseTimeToken, utimeInterval } from './time-token';
import { inboxUrlIds } from './url';
import type {
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
}

interface Ctx {
  doc: Document;
  url: string;
  now: number;
  tz: string;
  locale: InboxLocale | null;
  selectedId: string | null;
  knownIds: ReadonlyMap<string, string>;
}

/** The browser's zone; asked of Intl once a minute at most (creating a DateTimeFormat is slow). */
let zoneCache: { zone: string; at: number } | null = null;
export const defaultTimeZone = (): string => {
  const now = Date.now();
  if (zoneCache && now - zoneCache.at < 60_000) return zoneCache.zone;
  let zone = 'UTC';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    // keep UTC
  }
  zoneCache = { zone, at: now };
  return zone;
};

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
  return {
    doc,
    url,
    now,
    tz: options.timeZone ?? defaultTimeZone(),
    locale: detectLocale(doc),
    selectedId: inboxUrlIds(url).selectedItemId,
    knownIds: options.knownIds ?? new Map(),
  };
}

// ------------------------------------------------------------------ list

/** Rows inside the list's visible area; every row when the page has no layout (tests) or is hidden, or the list is virtualized. */
const VIRTUALIZED_MAX = 40;
function visibleRows(list: Element, rows: Element[]): Element[] {
  // A virtualized list mounts only what is (nearly) visible: no layout read needed.
  if (rows.length <= VIRTUALIZED_MAX) return rows;
  const box = (list.querySelector('[role="list"]') ?? list).getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return rows;
  const out = rows.filter((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
  });
  return out;
}

function selectedIdFromHref(row: Element): string | null {
  const link = row.matches('a[href*="selected_item_id"]') ? row : row.querySelector('a[href*="selected_item_id"]');
  const href = link?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, 'https://business.facebook.com/').searchParams.get('selected_item_id');
  } catch {
    return null;
  }
}

function isSelectedRow(row: Element): boolean {
  const sel = '[aria-selected="true"], [aria-current="page"], [aria-current="true"]';
  return row.matches(sel) || row.querySelector(sel) !== null;
}

function nameOf(el: Element | null): string | null {
  if (!el) return null;
  const name = el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : textOf(el);
  return name || null;
}

export function readRow(row: Element, c: Ctx): ConversationRow {
  const titleEl = findFirst(row, 'rowTitle').value;
  const customerName = nameOf(titleEl);
  const avatarSrc = row.querySelector('img')?.getAttribute('src');

  const timeEl = findFirst(row, 'rowTime').value;
  let lastAt: TimeRange | null = null;
  if (timeEl) {
    lastAt = range(utimeInterval(timeEl.getAttribute('data-utime'))) ?? range(parseTimeToken(textOf(timeEl), c.now, c.locale, c.tz));
  }
  const actions = normalizedLabels('rowActions');
  const timeText = timeEl ? textOf(timeEl) : null;
  // The first text of any alternative that is not the name, the time or an action label.
  let preview = '';
  for (const alt of SELECTORS.rowPreview) {
    const t = matchAlternative(row, alt)
      .map(textOf)
      .find((t) => t && t !== customerName && t !== timeText && !actions.includes(normalizeLabel(t)) && !looksLikeTimeToken(t));
    if (t) {
      preview = t;
      break;
    }
  }
  const normalizedPreview = normalizeLabel(preview);
  const lastFrom = !preview
    ? 'unknown'
    : normalizedLabels('youPrefix').some((p) => normalizedPreview.startsWith(p))
      ? 'page'
      : 'customer';
  const unread = findFirst(row, 'rowUnread').value !== null;
  const selected = isSelectedRow(row);
  const basis = rowKey(customerName, avatarSrc, preview);
  const id = selectedIdFromHref(row) ?? (selected && c.selectedId ? c.selectedId : null) ?? c.knownIds.get(basis) ?? null;
  return { key: id ?? basis, id, customerName, preview, lastFrom, lastAt, unread, selected, rowKey: basis };
}

export function readList(c: Ctx): { found: boolean; via: number; conversations: ConversationRow[] } {
  const list = findFirst(c.doc, 'list');
  if (!list.value) return { found: false, via: -1, conversations: [] };
  const rows = findAll(list.value, 'row').value;
  const seen = new Set<string>();
  const conversations: ConversationRow[] = [];
  for (const row of visibleRows(list.value, rows)) {
    const r = readRow(row, c);
    if (seen.has(r.key)) continue; // overscan duplicates, nested matches
    seen.add(r.key);
    conversations.push(r);
  }
  return { found: true, via: list.via, conversations };
}

// ------------------------------------------------------------------ thread

type Item =
  | { type: 'message'; el: Element; text: string }
  | { type: 'label'; el: Element; agent: string }
  | { type: 'separator'; el: Element; at: TimeRange | null }
  | { type: 'system'; el: Element; text: string }
  | { type: 'avatar'; el: Element };

const EDITOR = '[contenteditable], [role="textbox"], textarea';

/** Rows of the thread read at most (plus back to the start of their date section): enough for every consumer, bounded cost. */
export const THREAD_TAIL_ROWS = 60;

function isSeparatorRow(row: Element): boolean {
  if (row.getAttribute('role') === 'separator' || row.querySelector('[role="separator"]')) return true;
  const raw = textOf(row);
  return raw.length > 0 && raw.length <= 40 && /\d/.test(raw) && looksLikeTimeToken(raw);
}

/**
 * The thread's rows to read: the children of the element holding every bubble,
 * the last THREAD_TAIL_ROWS of them, extended back to a date separator so the
 * occurrence counts of message keys stay complete for each section.
 */
function threadWindow(list: Element, bubbleCss: string | null): { roots: Element[]; includeRoots: boolean; omitted: boolean } {
  const first = bubbleCss ? list.querySelector(bubbleCss) : null;
  if (!first) return { roots: [list], includeRoots: false, omitted: false };
  // The deepest last descendant is in the last row: the rows' parent holds both (no need to collect every bubble).
  let last: Element = list;
  while (last.lastElementChild) last = last.lastElementChild;
  const parent = commonAncestor(first, last, list);
  const rows = parent.children;
  if (parent === first || rows.length <= THREAD_TAIL_ROWS) return { roots: [parent], includeRoots: false, omitted: false };
  let start = rows.length - THREAD_TAIL_ROWS;
  const floor = Math.max(0, start - 300);
  while (start > floor && !isSeparatorRow(rows[start]!)) start--;
  const roots: Element[] = [];
  for (let i = start; i < rows.length; i++) roots.push(rows[i]!);
  return { roots, includeRoots: true, omitted: start > 0 };
}

/** One pass over (the tail of) the thread in document order: messages, separators, `Sent by` labels, system rows, avatars. */
function threadItems(list: Element, c: Ctx): { items: Item[]; omitted: boolean } {
  const textAlt = findFirst(list, 'messageText').via;
  const bubbleCss = SELECTORS.messageText[textAlt]?.css ?? null;
  const items: Item[] = [];
  const window_ = threadWindow(list, bubbleCss);
  let consumed: Element | null = null;
  const visit = (el: Element) => {
    if (consumed && consumed.contains(el)) return;
    if (el.matches(EDITOR)) {
      consumed = el;
      return;
    }
    if (el.tagName === 'IMG') {
      if (el.getAttribute('alt')) items.push({ type: 'avatar', el });
      return;
    }
    const isBubble = bubbleCss !== null && el.matches(bubbleCss);
    const isSeparatorRole = el.getAttribute('role') === 'separator';
    if (!isBubble && !isSeparatorRole && el.childElementCount > 0) return;
    const raw = textOf(el);
    if (!raw) return;
    const t = normalizeLabel(raw);
    consumed = el;
    if (!isSeparatorRole && !isBubble && isAgentLabelText(t)) {
      const prefix = normalizedLabels('sentByPrefix').find((p) => t.startsWith(p))!;
      items.push({ type: 'label', el, agent: raw.slice(prefix.length).trim() });
    } else if (!isSeparatorRole && !isBubble && isSystemText(t)) {
      items.push({ type: 'system', el, text: raw });
    } else if (isSeparatorRole || (!isBubble && /\d/.test(raw) && looksLikeTimeToken(raw))) {
      items.push({ type: 'separator', el, at: range(parseTimeToken(raw, c.now, c.locale, c.tz)) });
    } else if (isBubble) {
      items.push({ type: 'message', el, text: raw });
    }
    // Anything else ("is typing…", "Seen", reactions) is not a message.
    void isTransientText;
  };
  for (const root of window_.roots) {
    if (window_.includeRoots) visit(root);
    for (const el of root.querySelectorAll('*')) visit(el);
  }
  return { items, omitted: window_.omitted };
}

/**
 * Sides from structure: a message whose row holds an avatar is the customer's,
 * and so are the rows before it in the same run (Meta shows the avatar on the
 * last bubble of a customer group); a run closed by a `Sent by` label is the
 * Page's. Runs closed by a separator, a system row or the end are unsure:
 * layout decides them (left/right) when the browser has one, else the Page.
 * Layout is read only for those, so a batch rarely forces a layout.
 */
function sides(list: Element, items: Item[]): Map<Element, MessageSide> {
  const out = new Map<Element, MessageSide>();
  const all = items.map((i) => i.el);
  if (!all.length) return out;
  const lca = commonAncestor(all[0]!, all[all.length - 1]!, list);
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

export function readMessages(list: Element, c: Ctx): { messages: ThreadMessage[]; omitted: boolean } {
  const { items, omitted } = threadItems(list, c);
  const sideOf = sides(list, items);
  const automated = normalizedLabels('automatedAgents');
  const messages: ThreadMessage[] = [];
  const occurrences = new Map<string, number>();
  let section: TimeRange | null = null;
  let group: ThreadMessage[] = [];
  for (const item of items) {
    if (item.type === 'separator') {
      section = item.at;
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
      const m = makeMessage(side, item.text);
      messages.push(m);
      if (side === 'page') group.push(m);
      else group = [];
    }
  }
  return { messages, omitted };

  function makeMessage(side: MessageSide, text: string): ThreadMessage {
    const sectionMinute = section ? section.start : null;
    const base = messageKey(sectionMinute, side, text, 0).replace(/\.0$/, '');
    const n = occurrences.get(base) ?? 0;
    occurrences.set(base, n + 1);
    return { key: `${base}.${n}`, side, agent: null, text, at: section, automated: false };
  }
}

export function readThread(c: Ctx, rows: ConversationRow[]): { found: boolean; header: boolean; open: OpenConversation | null } {
  const header = findFirst(c.doc, 'header').value;
  const list = findFirst(c.doc, 'messageList').value;
  if (!header && !list && !c.selectedId) return { found: false, header: false, open: null };
  let customerName: string | null = null;
  if (header) {
    const nameEl = header.matches('h2') ? header : findFirst(header, 'headerName').value;
    customerName = nameOf(nameEl);
  }
  const selectedRow = rows.find((r) => r.selected) ?? (customerName ? rows.find((r) => r.customerName === customerName) : undefined);
  customerName ??= selectedRow?.customerName ?? null;
  const key = c.selectedId ?? selectedRow?.key ?? (customerName ? `h:${hash(normalizeLabel(customerName))}` : 'unknown');
  const { messages, omitted } = list ? readMessages(list, c) : { messages: [], omitted: false };
  // An empty detail pane ("Select a conversation") is a thread area with no conversation open.
  const open: OpenConversation | null =
    c.selectedId || customerName || messages.length ? { id: c.selectedId, key, customerName, messages, ...(omitted ? { earlierOmitted: true } : {}) } : null;
  return { found: list !== null, header: header !== null, open };
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
  if (el.classList.contains('public-DraftEditor-content') || el.querySelector('[data-contents="true"]')) return 'draftjs';
  return 'contenteditable';
}

export function composerEnabled(el: Element): boolean {
  if (el.getAttribute('aria-disabled') === 'true') return false;
  if (el.tagName === 'TEXTAREA') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

export function readComposer(doc: Document): { state: ComposerState; el: Element | null } {
  const el = findFirst(doc, 'composer').value;
  if (!el) return { state: { found: false, enabled: false, text: '', kind: null }, el: null };
  return { state: { found: true, enabled: composerEnabled(el), text: composerText(el), kind: composerKind(el) }, el };
}

// ------------------------------------------------------------------ page and health

export function readPageName(doc: Document): string | null {
  return nameOf(findFirst(doc, 'pageName').value);
}

export function health(list: boolean, thread: { found: boolean; header: boolean; open: OpenConversation | null }, composer: boolean): InboxHealth {
  const found = { list, thread: thread.found || thread.header, composer };
  const missing: InboxHealth['missing'] = [];
  if (!list) missing.push('list');
  if (thread.open && !thread.found) missing.push('thread');
  if ((thread.found || thread.header) && !composer) missing.push('composer');
  return { found, missing, recognized: list || found.thread };
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
    health: health(list.found, thread, composer.state.found),
  };
}

export { makeCtx as snapshotContext, isKind };
export type { Ctx as SnapshotContext };

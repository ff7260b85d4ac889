import { normalizedLabels, normalizeLabel } from './labels';
import { looksLikeTimeToken } from './time-token';

/**
 * Every way the adapter finds a part of Meta's inbox, in one table. Each kind
 * is an ordered list of alternatives: the first that matches wins. Order:
 * data-pagelet / data-surface / roles / aria first, then structure, then
 * text. Generated class names (`x1n2onr6`) are never used: they change every
 * few weeks. The one class below (`public-DraftEditor-content`) is Draft.js's
 * documented public class, a library constant rather than a generated one.
 *
 * `{key}` in a selector is replaced by every language's value of that label
 * (labels/<lang>.ts), so a page's language never has to be known first.
 * tests/unit/inbox/selectors.test.ts fails if an alternative matches nothing
 * in every fixture of tests/fixtures/layouts/.
 */
export interface Alternative {
  css: string;
  /** Why this alternative exists (which layout, which source). */
  why: string;
  /** What CSS cannot say: text content, computed style. */
  test?: (el: Element) => boolean;
  /** The element the alternative stands for, when the match is only a landmark inside it. */
  map?: (el: Element) => Element | null;
}

export type SelectorKind =
  | 'list'
  | 'row'
  | 'rowTitle'
  | 'rowPreview'
  | 'rowTime'
  | 'rowUnread'
  | 'header'
  | 'headerName'
  | 'messageList'
  | 'messageText'
  | 'separator'
  | 'agentLabel'
  | 'systemRow'
  | 'avatar'
  | 'composer'
  | 'sendButton'
  | 'pageName';

const text = (el: Element) => normalizeLabel(el.textContent ?? '');
const isLeaf = (el: Element) => el.childElementCount === 0 && (el.textContent ?? '').trim() !== '';
const startsWithAny = (t: string, prefixes: string[]) => prefixes.some((p) => t.startsWith(p));

/** Computed font-weight >= 600 ("bold" is 700). Only called for visible rows. */
export function isBold(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const w = view.getComputedStyle(el).fontWeight;
  const n = w === 'bold' || w === 'bolder' ? 700 : Number(w);
  return Number.isFinite(n) && n >= 600;
}

export function isAgentLabelText(t: string): boolean {
  return startsWithAny(t, normalizedLabels('sentByPrefix'));
}
export function isSystemText(t: string): boolean {
  return normalizedLabels('systemRows').some((s) => t.includes(s));
}
export function isTransientText(t: string): boolean {
  return normalizedLabels('transientRows').some((s) => t === s || t.endsWith(` ${s}`) || t.startsWith(`${s} `));
}

export const SELECTORS: Record<SelectorKind, Alternative[]> = {
  list: [
    { css: '[data-pagelet="GenericBizInboxThreadListViewBody"]', why: 'Thread list pagelet in pages captured 2024-2026 (and the sim).' },
    { css: '[data-pagelet="BizP13NInboxUinifiedThreadListView"]', why: 'The "unified" list pagelet (sic) of another rollout.' },
    {
      css: '[aria-label="{inboxList}"]:not(a)',
      why: "The list's scroll container keeps its localized aria-label when pagelets are renamed (the nav rail's Inbox link has it too: not a link).",
    },
    {
      css: 'a[href*="selected_item_id"]',
      why: 'Older layout: no pagelet, rows are links carrying selected_item_id; the list is their parent.',
      map: (el) => el.parentElement,
    },
  ],
  row: [
    { css: '[role="listitem"]', why: 'Current layout: each virtualized row is a listitem (notes, sim).' },
    { css: '[role="row"]', why: 'Builds where the row link itself is the role=row element without a listitem wrapper.' },
    { css: 'a[href*="selected_item_id"]', why: 'Older layout: rows are links whose href carries the conversation id.' },
  ],
  rowTitle: [
    {
      css: '[data-surface*="thread_row"][data-surface*="thread_title"]',
      why: 'data-surface of the customer name in captured pages (…/thread_list/thread_row/thread_title).',
    },
    { css: 'img[alt]:not([alt=""])', why: "Avatars carry the customer's name as alt text in every layout seen." },
    { css: 'span[dir="auto"]', why: 'Last resort: the first text of a row is the name.' },
  ],
  rowPreview: [
    {
      css: 'span[dir="auto"]',
      why: 'Preview text is a dir=auto span (user text), outside the title.',
      test: (el) => !el.closest('[data-surface*="thread_title"]'),
    },
    { css: 'div[dir="auto"]', why: 'Some builds render user text in a dir=auto div.', test: (el) => !el.closest('[data-surface*="thread_title"]') },
  ],
  rowTime: [
    { css: 'abbr[data-utime]', why: 'Some builds carry the unix time of the last message (exact).' },
    { css: 'abbr', why: 'Time tokens have been wrapped in abbr without data-utime.', test: (el) => looksLikeTimeToken(el.textContent ?? '') },
    {
      css: 'span',
      why: 'Current layout: a plain span holding "5m", "Yesterday"…',
      test: (el) => isLeaf(el) && !el.closest('[data-surface*="thread_title"]') && looksLikeTimeToken(el.textContent ?? ''),
    },
  ],
  rowUnread: [
    { css: '[data-surface*="thread_title"]', why: 'Unread rows have a bold name (computed font-weight >= 600).', test: isBold },
    { css: 'span[dir="auto"]', why: 'Layouts without data-surface: the name or preview text is bold.', test: isBold },
  ],
  header: [
    {
      css: '[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"]',
      why: "Header of the open conversation with the customer's name (captured pages, sim).",
    },
    { css: '[role="main"] h2', why: "Older layout without pagelets: the customer's name is the h2 above the thread." },
  ],
  headerName: [
    { css: 'h2', why: "The customer's name is a level-2 heading in the header." },
    { css: '[role="heading"]', why: 'Builds that use an ARIA heading instead of h2.' },
    { css: 'span[dir="auto"]', why: 'The first user text of the header is the name.' },
    { css: 'img[alt]:not([alt=""])', why: "The header avatar's alt is the name." },
  ],
  messageList: [
    { css: '[data-pagelet="BizInboxMessengerMessageListContainer"]', why: 'Message list pagelet (captured pages, sim).' },
    { css: '[aria-label*="Message list container" i]', why: 'Developer-set aria-label, not localized, seen on the list.' },
    { css: '[role="region"][aria-label*="{messageRegion}" i]', why: 'A region labelled with "message(s)" in several builds.' },
    {
      css: '[role="grid"][aria-label*="{messageRegion}" i]',
      why: 'Messenger-style grid "Messages in conversation with …" of older builds (rows are role=row).',
    },
    {
      css: '[data-pagelet="BizInboxDetailSectionWrapper"]',
      why: 'Whole detail pane: last resort (the composer inside it is skipped by the parser).',
    },
  ],
  messageText: [
    { css: 'div[dir="auto"]', why: 'Bubble text is a dir=auto div (notes, sim).' },
    { css: 'span[dir="auto"]', why: 'Older builds put bubble text in a dir=auto span.' },
  ],
  separator: [
    { css: '[role="separator"]', why: 'Day/time separators sometimes carry role=separator.' },
    {
      css: 'div, span',
      why: 'Other separators are plain text rows whose whole text is a date/time.',
      test: (el) => isLeaf(el) && looksLikeTimeToken(el.textContent ?? '') && /\d/.test(el.textContent ?? ''),
    },
  ],
  agentLabel: [
    {
      css: 'div, span',
      why: 'Sent by <Name> / Envoyé par <Nom>, a text row under a group of Page messages.',
      test: (el) => isLeaf(el) && isAgentLabelText(text(el)),
    },
  ],
  systemRow: [
    {
      css: 'div, span',
      why: 'Assignments, done, labels: text rows that are neither side.',
      test: (el) => isLeaf(el) && isSystemText(text(el)),
    },
  ],
  avatar: [
    { css: 'img[alt]:not([alt=""])', why: "Customer bubbles come with an avatar img whose alt is the customer's name." },
  ],
  composer: [
    { css: '[role="textbox"][data-lexical-editor="true"]', why: 'Current Lexical editor (2026); contenteditable=false when closed.' },
    { css: '.public-DraftEditor-content', why: "Draft.js editor of 2020-2024 builds (Draft.js's public class, not a generated one)." },
    { css: 'textarea[placeholder^="{replyIn}"]', why: 'Oldest layout: a plain textarea with a localized placeholder.' },
    {
      css: '[contenteditable][aria-label^="{replyIn}"], [contenteditable][aria-placeholder^="{replyIn}"]',
      why: 'Any other editor labelled "Reply in Messenger…" in the page language.',
    },
    {
      css: '[data-pagelet="BizInboxDetailSectionWrapper"] [role="textbox"][contenteditable]',
      why: 'Unlabelled editor inside the detail pane.',
    },
  ],
  sendButton: [
    { css: '[role="button"][aria-label="{send}"]', why: 'Send is a div role=button labelled Send/Envoyer (appears once text is typed).' },
    { css: 'button[aria-label="{send}"]', why: 'Builds using a real button.' },
    {
      css: '[role="button"], button',
      why: 'Unlabelled button whose visible text is Send/Envoyer.',
      test: (el) => normalizedLabels('send').includes(text(el)),
    },
  ],
  pageName: [
    { css: '[role="banner"] [role="heading"]', why: 'The Page switcher in the top bar shows the Page name as a heading.' },
    { css: '[role="banner"] img[alt]:not([alt=""])', why: "The Page's profile picture in the top bar has the Page name as alt." },
  ],
};

/**
 * Business Suite's own dark theme. facebook.com marks it with this class on
 * <html> (seen in public userscripts; a hint, not a contract); when the class
 * is missing or renamed, a dark page background still says it (theme.ts).
 */
export const DARK_THEME_SELECTOR = 'html.__fb-dark-mode';

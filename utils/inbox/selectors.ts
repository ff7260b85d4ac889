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
  /** Why this alternative exists (which layout, which source). Documentation: the content-script build drops it (scripts/build/strip-docs.ts). */
  why: string;
  /** What CSS cannot say: text content, computed style. */
  test?: (el: Element) => boolean;
  /** The element the alternative stands for, when the match is only a landmark inside it. */
  map?: (el: Element) => Element | null;
}

export type SelectorKind =
  | 'main'
  | 'list'
  | 'listViewport'
  | 'row'
  | 'rowLink'
  | 'rowSelected'
  | 'actionControl'
  | 'button'
  | 'channelTab'
  | 'rowTitle'
  | 'rowPreview'
  | 'rowTime'
  | 'rowUnread'
  | 'header'
  | 'headerName'
  | 'headerChannel'
  | 'messageList'
  | 'messageRow'
  | 'messageText'
  | 'pageMarker'
  | 'attachment'
  | 'editor'
  | 'separator'
  | 'agentLabel'
  | 'systemRow'
  | 'avatar'
  | 'composer'
  | 'draftContents'
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

/**
 * Inside a row's hover actions (2026: `div[role=grid] > a[role=row] > div[role=gridcell]`, "Done" /
 * "Mark as follow up"). A click there moves the customer's conversation to Done, which also drops it
 * from Meta's response metrics: such elements are never a row, a title or a click target.
 */
export function inActionArea(el: Element): boolean {
  return el.closest('[role="grid"], [role="gridcell"]') !== null;
}
const notInActionArea = (el: Element) => !inActionArea(el);

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
  main: [{ css: '[role="main"]', why: "Meta's main region: the narrowest stable ancestor of every inbox part (observer root)." }],
  list: [
    { css: '[data-pagelet="GenericBizInboxThreadListViewBody"]', why: 'Thread list pagelet in pages captured 2024-2026 (and the sim).' },
    { css: '[data-pagelet="BizP13NInboxCommentListView"]', why: '2026 Comments tab: the comment list pagelet, rows shaped like thread rows.' },
    { css: '[data-pagelet="BizP13NInboxUinifiedThreadListView"]', why: 'The "unified" list pagelet (sic) of another rollout.' },
    {
      css: '[aria-label="{inboxList}"]:not(a)',
      why: "The list's scroll container keeps its localized aria-label when pagelets are renamed (the nav rail's Inbox link has it too: not a link).",
    },
    {
      css: 'a[href*="selected_item_id"]',
      why: 'Older layout: no pagelet, rows are links carrying selected_item_id; the list is their parent.',
      test: (el) => !el.matches('[data-surface*="channel_selector"]'),
      map: (el) => el.parentElement,
    },
  ],
  listViewport: [{ css: '[role="list"]', why: 'The scrolling list inside the list pagelet (2025 layouts): rows outside its box are not visible.' }],
  row: [
    {
      css: '[data-surface*="thread_row"]:not([data-surface*="thread_title"])',
      why: '2026 evidence: a row is div[role=presentation] holding span[data-surface*="thread_row<N>"] (no id, no href); the click target is the presentation div.',
      test: notInActionArea,
      map: (el) => el.closest('[role="presentation"]') ?? el,
    },
    { css: '[role="listitem"]', why: '2025 layout: each virtualized row is a listitem (notes, dated sim variant).', test: notInActionArea },
    {
      css: '[role="row"]',
      why: 'Builds where the row link itself is role=row without a listitem wrapper. Never inside a grid: in 2026 a[role=row] is the Done / follow-up action grid.',
      test: notInActionArea,
    },
    { css: 'a[href*="selected_item_id"]', why: 'Older layout: rows are links whose href carries the conversation id.', test: notInActionArea },
  ],
  rowLink: [{ css: 'a[href*="selected_item_id"]', why: "Older layouts' row links carry the conversation id in their href." }],
  rowSelected: [
    { css: '[aria-selected="true"]', why: 'The open row is aria-selected in 2022-2025 layouts.' },
    { css: '[aria-current="page"], [aria-current="true"]', why: 'Some builds mark the open row with aria-current.' },
  ],
  actionControl: [
    { css: '[role="grid"], [role="gridcell"]', why: "2026 row hover actions: a grid of Done / follow-up cells (a click moves the conversation to Done)." },
    { css: 'button, [role="button"]', why: 'Any button: the header and row actions (Done, follow up, mark unread) are buttons.' },
    { css: '[aria-label="{rowActions}"]', why: 'Anything labelled with a row action, whatever its role.' },
  ],
  button: [{ css: '[role="button"], button', why: 'What a click on Send lands in: a real button or a div role=button.' }],
  channelTab: [
    {
      css: 'a[data-surface*="channel_selector"]',
      why: '2026: channel tabs (all, messenger, instagram_direct, whatsapp, facebook) whose hrefs keep the selected_item_id of the conversation open in that tab.',
    },
  ],
  rowTitle: [
    {
      css: '[data-surface*="thread_row"][data-surface*="thread_title"]',
      why: 'data-surface of the customer name in captured pages (…/thread_list/thread_row/thread_title, 2026: …thread_row<N>/lib:thread_title).',
      test: notInActionArea,
    },
    { css: 'img[alt]:not([alt=""])', why: "Avatars carry the customer's name as alt text in every layout seen.", test: notInActionArea },
    { css: 'span[dir="auto"]', why: 'Last resort: the first text of a row is the name.', test: notInActionArea },
  ],
  rowPreview: [
    {
      css: '[data-surface*="thread_row"] div',
      why: '2026: the preview is a plain text div beside the title surface (no dir attribute, nested in layout divs).',
      test: (el) => isLeaf(el) && !el.hasAttribute('role') && !el.closest('[data-surface*="thread_title"]') && notInActionArea(el),
    },
    {
      css: 'span[dir="auto"]',
      why: 'Preview text is a dir=auto span (user text), outside the title.',
      test: (el) => !el.closest('[data-surface*="thread_title"]'),
    },
    { css: 'div[dir="auto"]', why: 'Some builds render user text in a dir=auto div.', test: (el) => !el.closest('[data-surface*="thread_title"]') },
  ],
  rowTime: [
    { css: 'abbr[data-utime]', why: 'Some builds carry the unix time of the last message (exact; 2026: seconds with decimals).' },
    { css: 'abbr', why: 'Time tokens have been wrapped in abbr without data-utime.', test: (el) => looksLikeTimeToken(el.textContent ?? '') },
    {
      css: 'span',
      why: '2025 layout: a plain span holding "5m", "Yesterday"…',
      test: (el) => isLeaf(el) && !el.closest('[data-surface*="thread_title"]') && looksLikeTimeToken(el.textContent ?? ''),
    },
  ],
  rowUnread: [
    { css: '[data-surface*="thread_title"] > div', why: '2026: the bold name is the div inside the display:contents title surface.', test: isBold },
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
    { css: 'div[style*="line-clamp"]', why: '2026: no heading; the name is the one-line-clamped div after the channel name.', test: isLeaf },
    { css: 'img[alt]:not([alt=""])', why: "The header avatar's alt is the name." },
  ],
  headerChannel: [
    {
      css: 'div, span',
      why: '2026: the header shows the channel name ("Messenger", "Instagram", "WhatsApp") before the customer name.',
      test: (el) => isLeaf(el) && normalizedLabels('channelNames').includes(text(el)),
    },
  ],
  messageList: [
    { css: '[data-pagelet="BizInboxMessengerMessageListContainer"]', why: 'Message list pagelet (captured pages, sim).' },
    { css: '[aria-label*="Message list container" i]', why: 'Developer-set aria-label, seen on the list (2026: a region, localized in French).' },
    { css: '[role="region"][aria-label*="{messageRegion}" i]', why: 'A region labelled with "message(s)" in several builds (FR "Conteneur de la liste des messages").' },
    {
      css: '[role="grid"][aria-label*="{messageRegion}" i]',
      why: 'Messenger-style grid "Messages in conversation with …" of older builds (rows are role=row).',
    },
    {
      css: '[data-pagelet="BizInboxDetailSectionWrapper"]',
      why: 'Whole detail pane: last resort (the composer inside it is skipped by the parser).',
    },
  ],
  messageRow: [{ css: '[data-message-id]', why: '2026: one row per message with a stable data-message-id ("mid.$…"; "pending.<n>" until Meta confirms it).' }],
  messageText: [
    { css: 'div[dir="auto"]', why: 'Bubble text is a dir=auto div (notes, sim).' },
    { css: 'span[dir="auto"]', why: 'Older builds put bubble text in a dir=auto span.' },
  ],
  pageMarker: [
    {
      css: 'span',
      why: '2026: every Page message row opens with a visually hidden "You sent" / "Vous avez envoyé".',
      test: (el) => isLeaf(el) && normalizedLabels('youSentMarker').includes(text(el)),
    },
  ],
  attachment: [{ css: 'img[alt="{attachmentAlt}"]', why: '2026: an attachment in a message is an img labelled "Attachment" / "Pièce jointe" (not an avatar).' }],
  editor: [
    { css: '[contenteditable], [role="textbox"], textarea', why: 'Any editor inside the thread area: the composer is not part of the thread.' },
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
      why: 'Sent by <Name> / Envoyé par <Nom> under a group of Page messages; in 2026 the name is a link inside the label.',
      test: (el) => !el.querySelector('div, [dir="auto"], img') && isAgentLabelText(text(el)),
    },
  ],
  systemRow: [
    {
      css: 'div, span',
      why: 'Assignments, done, lead stage, calls, "Improve AI response": text rows that are neither side.',
      test: (el) => isLeaf(el) && isSystemText(text(el)),
    },
  ],
  avatar: [
    {
      css: 'img[alt]:not([alt=""])',
      why: "Customer bubbles come with an avatar img whose alt is the customer's name (attachment images are not avatars).",
      test: (el) => !normalizedLabels('attachmentAlt').includes(normalizeLabel(el.getAttribute('alt') ?? '')),
    },
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
  draftContents: [{ css: '[data-contents="true"]', why: "Draft.js's contents wrapper: an editor holding it is a Draft.js editor." }],
  sendButton: [
    { css: '[role="button"][aria-label="{send}"]', why: 'Send is a div role=button labelled Send/Envoyer (2025: appears once text is typed; 2026: never, Enter sends).' },
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

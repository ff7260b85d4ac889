import { hash } from './keys';
import { allLabels, normalizeLabel } from './labels';
import { isBold } from './selectors';
import { looksLikeTimeToken } from './time-token';

/**
 * A privacy-safe skeleton of the inbox page, for users to send when a part of the page is not
 * recognized (issue 11). It keeps what the adapter reads: tags, roles, aria attributes,
 * `data-pagelet` / `data-surface` / other `data-*` names, inline layout styles, structure, and
 * Meta's own wording (the label tables' phrases, time tokens). Everything else a person wrote or is
 * called (text nodes, names, alt text, previews, messages, titles) becomes a placeholder of the
 * same shape: letters become x/X, digits 0, spacing and punctuation stay. Ids and id-like values are
 * replaced by a hash of the same length and alphabet, so the same id stays the same id within a
 * report (the URL's and the channel tab's `selected_item_id` still agree). Classes (random),
 * scripts, styles sheets, comments and the extension's own UI are dropped.
 * scripts/layout-report-to-fixture.mjs turns a report into a fixture of tests/fixtures/layouts/.
 */
export const REPORT_MARKER = 'inbox-pilot-layout-report v1';
/** Elements at most: a report stays small enough to paste into an issue. */
export const REPORT_MAX_ELEMENTS = 20_000;

const DROP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'INBOX-PILOT-SIDEBAR']);
/** Attributes whose value is structure, never a person's text. */
const KEEP_VALUE = new Set(['role', 'dir', 'tabindex', 'contenteditable', 'data-utime', 'data-lexical-editor', 'data-contents', 'data-block', 'type', 'hidden', 'lang', 'width', 'height']);
/** Attributes whose value may be Meta's wording or a person's: kept only when it is a known label. */
const LABELLED = new Set(['aria-label', 'aria-placeholder', 'placeholder', 'alt', 'title', 'aria-description', 'aria-roledescription', 'aria-valuetext']);

/** Meta's phrases the adapter matches on, longest first (kept verbatim inside texts). */
let phrases: string[] | null = null;
function knownPhrases(): string[] {
  if (!phrases) {
    const keys = ['inboxList', 'youPrefix', 'youSentPreview', 'youSentMarker', 'notAMessagePreview', 'attachmentAlt', 'channelNames', 'sentByPrefix', 'automatedAgents', 'replyIn', 'send', 'rowActions', 'systemRows', 'transientRows', 'closedNotice'] as const;
    const developer = ['Message list container', 'Conteneur de la liste des messages', 'Send a like', 'Envoyer un J’aime', 'Reaction', 'Réaction', 'Meta Business Suite', 'Reply as'];
    phrases = [...new Set([...keys.flatMap((k) => allLabels(k)), ...developer].map((p) => normalizeLabel(p)).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  }
  return phrases;
}

/** Same shape, no content: letters x/X, digits 0, other symbols (emoji…) •, spacing and ASCII punctuation kept. */
export function shape(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\p{Lu}/u.test(ch)) out += 'X';
    else if (/\p{L}/u.test(ch)) out += 'x';
    else if (/\p{N}/u.test(ch)) out += '0';
    else if (/[\s.,:;!?'’"()\-+/@&%*#…]/.test(ch)) out += ch;
    else out += '•';
  }
  return out;
}

/** A text with Meta's known phrases and time tokens kept and everything else shaped. */
export function scrubText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  if (trimmed.length <= 30 && looksLikeTimeToken(trimmed) && !/\d{5}/.test(trimmed)) return text;
  const lower = text.toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/[\u00a0\u202f]/g, ' ');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const hit = knownPhrases().find((p) => lower.startsWith(p, i) && isBoundary(lower, i - 1) && isBoundary(lower, i + p.length));
    if (hit) {
      out += text.slice(i, i + hit.length);
      i += hit.length;
    } else {
      out += shape(text[i]!);
      i += 1;
    }
  }
  return out;
}
const isBoundary = (s: string, i: number) => i < 0 || i >= s.length || !/[\p{L}\p{N}]/u.test(s[i]!);

/** A value of the same length and alphabet (digits stay digits), the same for the same input. */
export function hashId(value: string): string {
  let out = '';
  let seed = 0;
  while (out.length < value.length) out += hash(value, seed++);
  const digits = /^\d+$/.test(value);
  return [...value].map((ch, i) => (/[^\w]/.test(ch) ? ch : digits ? String(parseInt(out[i]!, 36) % 10) : out[i]!)).join('');
}

/** A URL with every query value hashed except the structural ones (thread_type, tab names in the path). */
export function scrubUrl(href: string): string {
  if (href.startsWith('#') || href === '') return href;
  try {
    const url = new URL(href, 'https://business.facebook.com/');
    const params = [...url.searchParams].map(([k, v]) => [k, k === 'thread_type' ? v : hashId(v)] as const);
    const query = params.length ? `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
    const path = url.pathname.split('/').map((seg) => (/\d{4,}/.test(seg) ? hashId(seg) : seg)).join('/');
    const origin = /^https?:/.test(href) ? url.origin : '';
    return `${origin}${path}${query}`;
  } catch {
    return '#';
  }
}

/**
 * `data-surface` / `data-pagelet`: structural names kept (`thread_row12:priority`, `GenericBizInbox…`),
 * anything else (surfaces can carry the Page's id and name) hashed or shaped.
 */
export function scrubSurface(value: string, pagelet = false): string {
  // Surface segments are lower-case snake names; pagelets are CamelCase. A capitalized word in a surface is a name.
  const structural = pagelet ? /^[A-Za-z][A-Za-z0-9_]*$/ : /^[a-z][a-z0-9_]*$/;
  return value
    .split(/([/:])/)
    .map((seg) => (seg === '/' || seg === ':' || (structural.test(seg) && !/\d{5,}/.test(seg)) ? seg : /^\d+$/.test(seg) ? hashId(seg) : shape(seg)))
    .join('');
}

function scrubAttr(name: string, value: string): string | null {
  if (name === 'class' || name.startsWith('on')) return null;
  if (name === 'data-surface' || name === 'data-pagelet') return scrubSurface(value, name === 'data-pagelet');
  if (KEEP_VALUE.has(name)) return value;
  if (name === 'href') return scrubUrl(value);
  if (name === 'src') return value ? `data:,${hashId(hash(value))}` : value;
  if (name === 'style') return /url\(/i.test(value) ? null : value;
  if (name === 'id' || name.endsWith('-id') || name.startsWith('data-')) return hashId(value);
  if (LABELLED.has(name)) return scrubText(value);
  if (name.startsWith('aria-')) return /^(true|false|mixed|page|step|location|date|time|polite|assertive|off|\d+)$/.test(value) ? value : hashId(value);
  return shape(value);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'SOURCE', 'TRACK', 'WBR']);

/** The report: an HTML document whose first line says what it is, when and where (URL ids hashed). */
export function layoutReport(doc: Document, url: string, now: number): string {
  let count = 0;
  let truncated = false;
  const write = (node: Node, out: string[]) => {
    if (node.nodeType === 3) {
      out.push(escapeText(scrubText(node.textContent ?? '')));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (DROP.has(el.tagName)) return;
    if (++count > REPORT_MAX_ELEMENTS) {
      truncated = true;
      return;
    }
    const tag = el.tagName.toLowerCase();
    const attrs: string[] = [];
    for (const a of el.attributes) {
      const v = scrubAttr(a.name, a.value);
      if (v !== null) attrs.push(v === '' ? a.name : `${a.name}="${escapeAttr(v)}"`);
    }
    // Unread rows are bold through the page's (dropped) style sheets: bold text is made inline so the report still says it.
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    if (ownText && !/font-weight/.test(el.getAttribute('style') ?? '') && isBold(el)) {
      const i = attrs.findIndex((a) => a.startsWith('style='));
      if (i >= 0) attrs[i] = attrs[i]!.replace(/"$/, ';font-weight:700"');
      else attrs.push('style="font-weight:700"');
    }
    if (el.tagName === 'TEXTAREA') attrs.push(`data-report-value="${escapeAttr(scrubText((el as HTMLTextAreaElement).value))}"`);
    out.push(`<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`);
    if (VOID.has(el.tagName)) return;
    for (const child of el.childNodes) write(child, out);
    out.push(`</${tag}>`);
  };
  const body: string[] = [];
  if (doc.body) write(doc.body, body);
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  return [
    `<!-- ${REPORT_MARKER} captured-at=${now} url=${scrubUrl(url)}${truncated ? ` truncated-after=${REPORT_MAX_ELEMENTS}` : ''} -->`,
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(lang)}">`,
    '<head><meta charset="utf-8"><title>Meta Business Suite</title></head>',
    body.join(''),
    '</html>',
    '',
  ].join('\n');
}

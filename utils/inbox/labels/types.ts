/**
 * Every piece of Meta's wording the adapter reads, for one interface
 * language. One file per language (en.ts, fr.ts...); add a language by adding
 * a file and listing it in index.ts. Matching is done on normalized text
 * (see `normalizeLabel`): lower case, single spaces, straight apostrophes,
 * no trailing ellipsis.
 */
export interface InboxLabels {
  /** BCP 47 language prefix, as in `<html lang>`. */
  lang: string;
  /** aria-label of the conversation list's scroll container. */
  inboxList: string[];
  /** Words found in the aria-label of the open thread's message region. */
  messageRegion: string[];
  /** Preview prefixes meaning the Page wrote the last message. */
  youPrefix: string[];
  /** Whole-preview forms meaning the Page sent the last message without text (`You sent a photo.`): starts. */
  youSentPreview: string[];
  /** Visually hidden text that opens every Page message row of the 2026 thread (`You sent`). */
  youSentMarker: string[];
  /** Preview fragments that are not a new message: a reaction, a removed message (the customer did not write). */
  notAMessagePreview: string[];
  /** alt text of an attachment image inside a message (not an avatar). */
  attachmentAlt: string[];
  /** Channel names the 2026 header shows before the customer's name. */
  channelNames: string[];
  /** Agent attribution under a group of Page messages: prefix before the name. */
  sentByPrefix: string[];
  /** Names Meta puts after `Sent by` for automated replies (they do not count as replies). */
  automatedAgents: string[];
  /** Composer placeholder / aria-label starts. */
  replyIn: string[];
  /** Send button label (exact). */
  send: string[];
  /** Row and header actions the extension must never click. */
  rowActions: string[];
  /** Fragments of system rows in a thread (assignments, done, labels...). */
  systemRows: string[];
  /** Transient rows of a thread that are not messages ("is typing…", "Seen"). */
  transientRows: string[];
  /** Notice shown instead of a usable composer when the reply window is closed. */
  closedNotice: string[];
  time: TimeWords;
}

export interface TimeWords {
  /** Whole tokens meaning "just now". */
  now: string[];
  today: string[];
  yesterday: string[];
  /** Unit words after a number: `5m`, `5 min`, `2 h`, `3d`, `2w`. */
  minute: string[];
  hour: string[];
  day: string[];
  week: string[];
  /** Month names/abbreviations, index 0 = January; every alias of a month in one string separated by `|`. */
  months: string[];
  /** Weekday names/abbreviations, index 0 = Sunday, aliases separated by `|`. */
  weekdays: string[];
  /** Numeric dates `5/1`: day first (fr, en-GB) or month first (en-US). */
  dayFirst: boolean;
}

/** Lower case, NBSPs and narrow NBSPs as spaces, curly apostrophes straight, no trailing ellipsis, single spaces. */
export function normalizeLabel(text: string): string {
  // The same texts are normalized on every read of the page: remember short ones.
  const known = normalized.get(text);
  if (known !== undefined) return known;
  const out = normalizeUncached(text);
  if (text.length <= 300) {
    if (normalized.size > 5000) normalized.clear();
    normalized.set(text, out);
  }
  return out;
}
const normalized = new Map<string, string>();

function normalizeUncached(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/(\u2026|\.\.\.)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

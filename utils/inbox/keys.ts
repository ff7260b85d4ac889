import { normalizeLabel } from './labels';

/**
 * Keys and event ids. They must be the same for the same thing whenever and
 * wherever it is seen (a re-render, a second tab, a reload), and must never
 * carry message text: text enters only through a short one-way hash.
 *
 * - Conversation key: the bare `selected_item_id` when known, otherwise
 *   `r:` + hash(customer name + avatar file name). The avatar's file name (last path segment of its URL, without the
 *   signed query string that changes daily) separates two customers with the
 *   same name; a `data:` avatar contributes its hash. Once a row has been seen
 *   selected while the URL carried its `selected_item_id`, the live source
 *   remembers the id and reports it for that row from then on.
 * - Thread message key: `<section>.<side>.<text hash>.<n>`: `section` is the
 *   minute of the nearest date separator above (parsed, so `Sat 08:53` and
 *   `Feb 22, 2026 08:53` agree), `n` the position among messages with the
 *   same side and text inside that section. Sections are the same in every
 *   tab, even when one tab has loaded more history than another.
 * - Event ids: `<kind prefix>:` + hash(conversation + message key), see events.ts.
 */

/** cyrb53: a fast 53-bit string hash; base 36, about 10 characters. */
export function hash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Text as compared for identity: whitespace collapsed, case and apostrophes folded. */
export function textHash(text: string): string {
  let h = textHashes.get(text);
  if (h === undefined) {
    h = hash(normalizeLabel(text)).slice(0, 8);
    if (textHashes.size > 5000) textHashes.clear();
    textHashes.set(text, h);
  }
  return h;
}
const textHashes = new Map<string, string>();

/** Key of a message with a `data-message-id` (hashed: the id is Meta's, not ours to store). */
export function midKey(mid: string): string {
  let key = midKeys.get(mid);
  if (key === undefined) {
    key = `mid:${hash(mid)}`;
    if (midKeys.size > 5000) midKeys.clear();
    midKeys.set(mid, key);
  }
  return key;
}
const midKeys = new Map<string, string>();

const dataAvatars = new Map<string, string>();

/** Stable part of an avatar URL: the file name, without the signed query string. */
export function avatarToken(src: string | null | undefined): string {
  if (!src) return '';
  if (src.startsWith('data:')) {
    let h = dataAvatars.get(src);
    if (h === undefined) {
      h = hash(src).slice(0, 6);
      if (dataAvatars.size > 2000) dataAvatars.clear();
      dataAvatars.set(src, h);
    }
    return h;
  }
  try {
    const url = new URL(src, 'https://invalid.example/');
    return url.pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return '';
  }
}

/** Key of a row without a known `selected_item_id`. */
export function rowKey(name: string | null, avatarSrc: string | null | undefined, preview: string): string {
  // Without a name the preview is all there is; such keys change with every message (documented limitation).
  const basis = name ? `${normalizeLabel(name)}|${avatarToken(avatarSrc)}` : `?|${normalizeLabel(preview)}`;
  return `r:${hash(basis)}`;
}

/** Key of a thread message (see above). */
export function messageKey(sectionMinute: number | null, side: string, text: string, occurrence: number): string {
  const section = sectionMinute === null ? '-' : Math.floor(sectionMinute / 60_000).toString(36);
  return `${section}.${side[0]}.${textHash(text)}.${occurrence}`;
}

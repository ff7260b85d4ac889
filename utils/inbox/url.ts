import type { Channel } from './types';

/** Whether a URL is the Business Suite inbox (business.facebook.com or www.facebook.com, /latest/inbox...). */
export function isInboxUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return (
      url.protocol === 'https:' &&
      (url.hostname === 'business.facebook.com' || url.hostname === 'www.facebook.com') &&
      /^\/latest\/inbox(\/|$)/.test(url.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * A pure function of one string, remembered: every read parses the page's URL and the same few hrefs
 * (channel tabs, rows), and `new URL` is costly. Results are frozen (shared between callers).
 */
function remembered<T extends object>(parse: (href: string) => T, max = 1000): (href: string) => T {
  const cache = new Map<string, T>();
  return (href) => {
    let value = cache.get(href);
    if (value === undefined) {
      value = Object.freeze(parse(href));
      if (cache.size >= max) cache.clear();
      cache.set(href, value);
    }
    return value;
  };
}

/** The ids the inbox URL carries. */
export const inboxUrlIds = remembered(parseInboxUrlIds);
function parseInboxUrlIds(href: string): { assetId: string | null; selectedItemId: string | null } {
  try {
    const url = new URL(href);
    return { assetId: url.searchParams.get('asset_id'), selectedItemId: url.searchParams.get('selected_item_id') };
  } catch {
    return { assetId: null, selectedItemId: null };
  }
}

/** `thread_type` of inbox URLs and channel-tab hrefs (2026 evidence). */
const THREAD_TYPES: Record<string, Channel> = { FB_MESSAGE: 'messenger', IG_MESSAGE: 'instagram', WA_MESSAGE: 'whatsapp', FB_COMMENT: 'comment', IG_COMMENT: 'comment' };
/** The inbox tab path segment (`/latest/inbox/<tab>`) or channel-tab surface suffix, when it names one channel. */
const TABS: Record<string, Channel> = { messenger: 'messenger', instagram_direct: 'instagram', whatsapp: 'whatsapp', facebook: 'comment' };

/** `selected_item_id` and the channel a link or URL names (relative hrefs resolved against the inbox host). */
export function linkIds(href: string | null | undefined): { selectedItemId: string | null; channel: Channel | null } {
  return href ? parsedLinkIds(href) : NO_LINK_IDS;
}
const NO_LINK_IDS = Object.freeze({ selectedItemId: null, channel: null });
const parsedLinkIds = remembered(parseLinkIds);
function parseLinkIds(href: string): { selectedItemId: string | null; channel: Channel | null } {
  try {
    const url = new URL(href, 'https://business.facebook.com/');
    const type = url.searchParams.get('thread_type');
    const tab = /^\/latest\/inbox\/([a-z_]+)/.exec(url.pathname)?.[1];
    return {
      selectedItemId: url.searchParams.get('selected_item_id') || null,
      channel: (type ? THREAD_TYPES[type] : undefined) ?? (tab ? TABS[tab] : undefined) ?? null,
    };
  } catch {
    return { selectedItemId: null, channel: null };
  }
}

/**
 * The channel the inbox tab of a URL's path names (`/latest/inbox/whatsapp`), null on `all`. Not
 * `thread_type`: that names the open conversation's channel, not the list's.
 */
export function pathChannel(href: string): Channel | null {
  try {
    const tab = /^\/latest\/inbox\/([a-z_]+)/.exec(new URL(href, 'https://business.facebook.com/').pathname)?.[1];
    return (tab ? TABS[tab] : undefined) ?? null;
  } catch {
    return null;
  }
}

/** The channel a channel tab's `data-surface` suffix (`…channel_selector:instagram_direct`) names. */
export function tabChannel(surface: string | null): Channel | null {
  const suffix = surface?.split(':').pop() ?? '';
  return TABS[suffix] ?? null;
}

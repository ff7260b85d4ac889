/**
 * Where a recorded response can be opened again: the Business Suite inbox
 * with the Page (`asset_id`) and the conversation (`selected_item_id`).
 * Only Meta's own ids make a link: a conversation the extension could only
 * key by a hash (`r:…`, never opened while recorded) or an unknown Page has
 * no address, and a link that opens the wrong thread is worse than none.
 */
export const INBOX_BASE_URL = 'https://business.facebook.com/latest/inbox/all';

/** Meta's Page and conversation ids are decimal digits (Instagram's are 39 long). */
const META_ID = /^\d{1,40}$/;

export function conversationUrl(pageId: string, conversation: string): string | null {
  if (!META_ID.test(pageId) || !META_ID.test(conversation)) return null;
  const url = new URL(INBOX_BASE_URL);
  url.searchParams.set('asset_id', pageId);
  url.searchParams.set('selected_item_id', conversation);
  return url.href;
}

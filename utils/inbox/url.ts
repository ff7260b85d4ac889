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

/** The ids the inbox URL carries. */
export function inboxUrlIds(href: string): { assetId: string | null; selectedItemId: string | null } {
  try {
    const url = new URL(href);
    return { assetId: url.searchParams.get('asset_id'), selectedItemId: url.searchParams.get('selected_item_id') };
  } catch {
    return { assetId: null, selectedItemId: null };
  }
}

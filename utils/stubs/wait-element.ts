/**
 * The content script's `@1natsu/wait-element` (wxt.config.ts aliases it there): WXT's shadow-root UI imports
 * it for `autoMount` only, which Inbox Pilot never uses (components/sidebar/mount.tsx mounts and removes the
 * sidebar itself). Dead code cut (issue 14): it and its two dependencies were 1 KB gzipped at start-up.
 */
export function waitElement(): Promise<never> {
  return Promise.reject(new Error('Inbox Pilot does not use WXT autoMount (see wxt.config.ts)'));
}

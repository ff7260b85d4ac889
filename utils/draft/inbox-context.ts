import type { InboxSnapshot } from '../inbox/types';
import type { DraftContext, DraftLocale } from './types';

/**
 * Whether the inbox tab shows comments (public replies): `/latest/inbox/facebook`
 * and `/latest/inbox/instagram` (not `instagram_direct`, `messenger` or `all`).
 */
export function isCommentsTab(url: string): boolean {
  try {
    return /^\/latest\/inbox\/(?:facebook|instagram)\/?$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The draft-check context for what the inbox shows now. */
export function draftContextFrom(
  snapshot: Pick<InboxSnapshot, 'url' | 'composer'>,
  general: { agentName: string; companyNames: string[] },
  savedReplies: string[],
  uiLocale: DraftLocale,
): DraftContext {
  return {
    agentName: general.agentName,
    companyNames: general.companyNames,
    publicReply: isCommentsTab(snapshot.url),
    savedReplies,
    // Meta disables the composer once the messaging window is over.
    windowClosed: snapshot.composer.found && !snapshot.composer.enabled,
    uiLocale,
  };
}

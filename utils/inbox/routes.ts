import { isInboxUrl } from './url';

/**
 * Which Business Suite routes get the sidebar. The content script matches every `/latest/*` page
 * of the inbox hosts, because agents reach the inbox from Home (or Planner…) by in-app navigation
 * and a content script is only injected on a full page load. Outside `/latest/inbox*` it stays
 * idle: no observer, no UI, only the URL watcher (utils/lifecycle/location.ts: Navigation API events in
 * Chromium, one `location.href` compare a second in Firefox).
 *
 * `business.meta.com` is not matched: the 2026 evidence shows the inbox served from
 * business.facebook.com (and www.facebook.com); the one mention of business.meta.com is a
 * redirect, not an inbox page, so matching it would widen the permissions for nothing.
 */
export const CONTENT_MATCHES = ['https://business.facebook.com/latest/*', 'https://www.facebook.com/latest/*'];

export interface RouteSessions {
  /** The URL changed (in-app navigation or load): start or stop the inbox session. */
  sync(href: string): void;
  /** Whether an inbox session is running. */
  readonly active: boolean;
  /** Stops everything (the content script's context was invalidated). */
  stop(): void;
}

/**
 * One session while the URL is an inbox route: `start()` runs on entering, the function it returns
 * on leaving. Entering again starts a fresh session (new observer, new UI). Errors of a session
 * never escape into the page.
 */
export function createRouteSessions(start: () => () => void, isInbox: (href: string) => boolean = isInboxUrl): RouteSessions {
  let stopSession: (() => void) | null = null;
  const stop = () => {
    const s = stopSession;
    stopSession = null;
    try {
      s?.();
    } catch (error) {
      console.warn('[Inbox Pilot] could not stop on leaving the inbox', error);
    }
  };
  return {
    sync(href) {
      const inbox = isInbox(href);
      if (inbox && !stopSession) {
        try {
          stopSession = start();
        } catch (error) {
          console.warn('[Inbox Pilot] could not start on this page', error);
        }
      } else if (!inbox && stopSession) stop();
    },
    get active() {
      return stopSession !== null;
    },
    stop,
  };
}

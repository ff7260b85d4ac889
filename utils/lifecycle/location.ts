/**
 * In-page URL changes (the inbox is a single-page app), for every part of the content script that
 * cares, through ONE watcher per window that costs nothing while the URL stays:
 *
 * - where the Navigation API exists (Chromium), its `currententrychange` / `navigatesuccess` events
 *   (they fire after pushState, replaceState, back/forward and hash changes; a content script's
 *   isolated world gets them too) and `popstate`;
 * - elsewhere (Firefox ESR), a 1-s check of `location.href`, as WXT's own watcher does.
 *
 * It replaces WXT's `ctx.addEventListener(window, 'wxt:locationchange')`, whose watcher polls every
 * second in every browser and starts once per context. The watcher runs while it has subscribers;
 * each subscription ends with its signal (a content-script context's).
 */
export type LocationListener = (newUrl: URL, oldUrl: URL) => void;

export interface LocationWatcher {
  /** Calls `listener` after each change of the URL, until `signal` aborts. */
  subscribe(signal: AbortSignal, listener: LocationListener): void;
  /** Whether the watcher is running, and how (tests, the idle bench). */
  readonly mode: 'events' | 'poll' | 'off';
}

/** The subset of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationLike {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
}

export interface LocationWatcherOptions {
  /** How often to compare the URL where the Navigation API is missing. */
  pollMs?: number;
  /** Test seam: ignore the Navigation API even where it exists. */
  forcePoll?: boolean;
}

export function createLocationWatcher(win: Window, options: LocationWatcherOptions = {}): LocationWatcher {
  const pollMs = options.pollMs ?? 1000;
  const listeners = new Set<LocationListener>();
  let stop: AbortController | null = null;
  let mode: LocationWatcher['mode'] = 'off';
  let last = win.location.href;

  function check() {
    const href = win.location.href;
    if (href === last) return;
    const oldUrl = new URL(last);
    last = href;
    const newUrl = new URL(href);
    for (const l of [...listeners]) {
      // A listener may end another's subscription (leaving the inbox ends the session's).
      if (!listeners.has(l)) continue;
      try {
        l(newUrl, oldUrl);
      } catch (error) {
        console.warn('[Inbox Pilot] a location listener failed', error);
      }
    }
  }

  function start() {
    stop = new AbortController();
    last = win.location.href;
    const signal = stop.signal;
    const navigation = options.forcePoll ? undefined : (win as Window & { navigation?: NavigationLike }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      mode = 'events';
      for (const type of ['currententrychange', 'navigatesuccess']) navigation.addEventListener(type, check, { signal });
      win.addEventListener('popstate', check, { signal });
      win.addEventListener('hashchange', check, { signal });
    } else {
      mode = 'poll';
      const id = setInterval(check, pollMs);
      signal.addEventListener('abort', () => clearInterval(id), { once: true });
    }
  }

  return {
    subscribe(signal, listener) {
      if (signal.aborted) return;
      // A wrapper per subscription: the same function subscribed twice is two subscriptions.
      const own: LocationListener = (n, o) => listener(n, o);
      listeners.add(own);
      if (!stop) start();
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(own);
          if (listeners.size === 0 && stop) {
            stop.abort();
            stop = null;
            mode = 'off';
          }
        },
        { once: true },
      );
    },
    get mode() {
      return mode;
    },
  };
}

let shared: LocationWatcher | null = null;
/** The one watcher of this content script's window. */
export function locationWatcher(): LocationWatcher {
  return (shared ??= createLocationWatcher(window));
}

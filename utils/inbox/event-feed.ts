/**
 * The inbox's events as a feature receives them, wherever it runs: the page's own source (live.ts) and
 * the sidebar frame's copy of it (utils/frame/remote.ts) both hand them out through one feed, so a
 * feature sees the same order and the same replay on either side of the bridge.
 */

/** As many past events as a late subscriber is replayed. */
export const EVENT_HISTORY_MAX = 200;

export interface EventFeed<E> {
  /** Gives `event` to every subscriber, and keeps it for later ones. */
  emit(event: E): void;
  /**
   * Adds a subscriber. Features subscribe after the page was first read: it gets what happened so far
   * (the last EVENT_HISTORY_MAX events) on the next microtask, then every new event; it dedupes by id.
   */
  subscribe(listener: (event: E) => void): () => void;
  /** Drops every subscriber (the session ended). */
  clear(): void;
}

/** A subscriber's error is logged here and never reaches the other subscribers or the code that emits. */
function deliver<E>(listener: (event: E) => void, event: E) {
  try {
    listener(event);
  } catch (error) {
    console.warn('[Inbox Pilot] inbox event listener failed', error);
  }
}

export function createEventFeed<E>(max = EVENT_HISTORY_MAX): EventFeed<E> {
  const history: E[] = [];
  const listeners = new Set<(event: E) => void>();
  return {
    emit(event) {
      history.push(event);
      if (history.length > max) history.shift();
      // A copy: a subscriber added while this event is handed out gets it from its replay, once.
      for (const listener of [...listeners]) deliver(listener, event);
    },
    subscribe(listener) {
      const replay = [...history];
      listeners.add(listener);
      queueMicrotask(() => {
        for (const event of replay) {
          if (!listeners.has(listener)) return;
          deliver(listener, event);
        }
      });
      return () => void listeners.delete(listener);
    },
    clear() {
      listeners.clear();
    },
  };
}

import { browser } from 'wxt/browser';
import type { InboxEvent, InboxSource } from '../../../utils/inbox/types';
import { MessageError, sendMessage } from '../../../utils/messaging';
import { outboxKey, type Outbox } from '../../../utils/stats/outbox';
import { MAX_EVENTS_PER_BATCH, validateEvent } from '../../../utils/stats/validate';

/**
 * Content side of the stats: forwards the adapter's events to the background
 * in batches and keeps every event until the background acknowledges it
 * (acks come after the IndexedDB commit). Unacknowledged events live in
 * memory and in storage.local (one key per tab), so neither a stopped
 * service worker nor a reload of the page loses a response. Ingestion is
 * idempotent, so resending is always safe.
 */
export interface StatsSenderOptions {
  /** Wait this long after an event before sending, to batch bursts. */
  flushDelayMs?: number;
  batchSize?: number;
  /** First retry delay after a failed send; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Safety net: try again this often while anything is unacknowledged. */
  sweepMs?: number;
  /**
   * A request unanswered this long counts as failed (and is retried). A worker stopped at the wrong
   * moment can leave a message with no answer and no error: without this, `sending` would stay set
   * and nothing would be sent again from this tab.
   */
  requestTimeoutMs?: number;
  /** Where `pagehide` fires (the page's window by default): the last moment to save and send. */
  lifecycle?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

export interface StatsSender {
  /** Resolves once the durable outbox of this tab is loaded. */
  ready: Promise<void>;
  /** Number of events not yet acknowledged. */
  unacked(): number;
  /** Sends now (tests, and the e2e harness through the page). */
  flush(): Promise<void>;
}

const RELEVANT: ReadonlySet<InboxEvent['kind']> = new Set(['customer-message', 'reply-sent']);

export function startStatsSender(
  ctx: { signal: AbortSignal },
  inbox: Pick<InboxSource, 'onEvent'>,
  options: StatsSenderOptions = {},
): StatsSender {
  const flushDelay = options.flushDelayMs ?? 300;
  const batchSize = Math.min(options.batchSize ?? 200, MAX_EVENTS_PER_BATCH);
  const retryBase = options.retryMs ?? 500;
  const retryMax = options.maxRetryMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const instance = Math.random().toString(36).slice(2, 10);

  let queue = new Map<string, InboxEvent>();
  let key: string | null = null;
  let sending = false;
  let retryDelay = retryBase;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let writes: Promise<unknown> = Promise.resolve();

  const warn = (what: string, error: unknown) => console.warn(`[Inbox Pilot] stats: ${what}`, error);

  const instanceKey = outboxKey(null, instance);

  /**
   * Writes the outbox now, or removes it when empty. Issued at once rather than after the previous
   * write: a tab closed right after a reply must have written it already (storage applies one
   * context's calls in order). Until the worker has told us our tab, the outbox lives under this
   * page's instance key.
   */
  const persist = () => {
    const k = key ?? instanceKey;
    const events = [...queue.values()];
    const write = (events.length ? browser.storage.local.set({ [k]: { savedAt: Date.now(), events } satisfies Outbox }) : browser.storage.local.remove(k)).catch((e) =>
      warn('could not save the outbox', e),
    );
    writes = Promise.all([writes, write]).then(() => undefined); // no value kept: one chain, not a growing one
    return writes;
  };

  /**
   * One write for all the events of one task (a batch reports every conversation of the first read at once:
   * a write per event re-serialized the growing outbox each time). A microtask: still written before the page
   * can go away, as `persist` is.
   */
  let persistPlanned = false;
  const persistSoon = () => {
    if (persistPlanned) return;
    persistPlanned = true;
    queueMicrotask(() => {
      persistPlanned = false;
      void persist();
    });
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
  };

  async function ensureKey(): Promise<void> {
    if (key !== null) return;
    const { tabId } = await answered(sendMessage('stats:hello', undefined), requestTimeout, 'stats:hello');
    if (key !== null) return;
    key = outboxKey(tabId, instance);
    // Events left by this tab's previous page (reload) go first, then what arrived meanwhile.
    const stored = (await browser.storage.local.get(key))[key] as Partial<Outbox> | undefined;
    const merged = new Map<string, InboxEvent>();
    for (const e of Array.isArray(stored?.events) ? stored.events : []) {
      try {
        const clean = validateEvent(e);
        merged.set(clean.id, clean);
      } catch {
        /* a corrupt leftover is dropped */
      }
    }
    for (const [id, e] of queue) merged.set(id, e);
    queue = merged;
    await persist();
    await browser.storage.local.remove(instanceKey).catch((e) => warn('could not remove the page outbox', e));
  }

  async function flush(): Promise<void> {
    if (sending || stopped) return;
    sending = true;
    try {
      await ensureKey();
      while (queue.size && !stopped) {
        const batch = [...queue.values()].slice(0, batchSize);
        try {
          const { acked } = await answered(sendMessage('stats:events', { events: batch }), requestTimeout, 'stats:events');
          const before = queue.size;
          for (const id of Array.isArray(acked) ? acked : []) queue.delete(id);
          retryDelay = retryBase;
          await persist();
          if (queue.size === before) break; // nothing acknowledged: the sweep tries again later
        } catch (error) {
          // A rejected event (e.g. a clock far off) must not block the others forever: the reply's code and index name it.
          const badEvent = error instanceof MessageError && error.code === 'invalid-request' && error.index !== undefined ? batch[error.index] : undefined;
          if (badEvent) {
            warn('dropped an event the background refused', error);
            queue.delete(badEvent.id);
            await persist();
            continue;
          }
          throw error;
        }
      }
    } catch {
      // Worker stopped or restarting: keep everything and retry with backoff.
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, retryMax);
    } finally {
      sending = false;
      armSweep();
    }
  }

  /**
   * The safety net: while anything is unacknowledged and no send is planned, try again in `sweepMs`.
   * A one-shot timer armed only then (not an interval): a tab with nothing to send never wakes for it.
   */
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  function armSweep() {
    if (stopped || sweepTimer !== undefined || queue.size === 0 || timer !== undefined) return;
    sweepTimer = setTimeout(() => {
      sweepTimer = undefined;
      if (queue.size && timer === undefined) void flush();
      else armSweep();
    }, options.sweepMs ?? 15_000);
  }

  const unsubscribe = inbox.onEvent((event) => {
    try {
      if (!RELEVANT.has(event.kind)) return;
      const clean = validateEvent(event); // also drops the customer's name
      queue.set(clean.id, clean);
      persistSoon();
      // A reply completes a response: send it now (the tab may close next); customer messages are batched.
      schedule(clean.kind === 'reply-sent' ? 0 : flushDelay);
    } catch (error) {
      warn('ignored an invalid event', error);
    }
  });

  /**
   * The page is going away (tab closed, navigation, reload): save, and send everything in one
   * message without waiting for an earlier send (ingestion is idempotent, a duplicate is harmless).
   */
  const onPageHide = () => {
    if (stopped || queue.size === 0) return;
    void persist();
    void sendMessage('stats:events', { events: [...queue.values()].slice(0, batchSize) }).catch(() => undefined);
  };
  const lifecycle = options.lifecycle === undefined ? (typeof window === 'undefined' ? null : window) : options.lifecycle;
  lifecycle?.addEventListener('pagehide', onPageHide);

  ctx.signal.addEventListener(
    'abort',
    () => {
      stopped = true;
      unsubscribe();
      lifecycle?.removeEventListener('pagehide', onPageHide);
      if (sweepTimer !== undefined) clearTimeout(sweepTimer);
      if (timer !== undefined) clearTimeout(timer);
      // The outbox stays in storage: the next page of this tab sends it.
    },
    { once: true },
  );

  const ready = (async () => {
    try {
      await ensureKey();
    } catch {
      /* worker unreachable for now: flush() retries */
    }
    if (queue.size) void flush();
  })();

  return { ready, unacked: () => queue.size, flush };
}

/** `request`, or a rejection when it has not settled within `ms` (a late answer is then ignored: resending is safe). */
function answered<T>(request: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    request.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

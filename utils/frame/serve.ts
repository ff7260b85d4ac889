import { effect, type ReadonlySignal } from '@preact/signals';
import type { InboxEvent, InboxSource } from '../inbox/types';
import type { Envelope, Reply } from '../messaging/protocol';
import type { BridgeCall, BridgeCalls, PageFeatureState, ToFrame, ToPage } from './protocol';

export interface ServeOptions {
  signal: AbortSignal;
  /** Business Suite's own theme is dark. */
  hostDark: ReadonlySignal<boolean>;
  /** The sidebar is shown (the tab is on the inbox). */
  shown: ReadonlySignal<boolean>;
  layoutReport: () => Promise<string>;
  /** The content script's own features (stats, sync), and how to start a failed one again. */
  pageFeatures: ReadonlySignal<PageFeatureState[]>;
  retryPageFeature: (id: string) => void;
  /** The frame says how big the sidebar is (open, or the collapsed tab). */
  onSize: (size: { collapsed: boolean; height: number }) => void;
}

export interface Served {
  /** Hands a message sent to this tab to the sidebar; resolves to its reply (undefined: nobody there answered). */
  forward(envelope: Envelope): Promise<Reply<unknown> | undefined>;
}

/**
 * The content script's side of the sidebar frame's bridge (utils/frame/protocol.ts): serves the page's
 * InboxSource over `port`. The snapshot is posted as it is published (at most once per batch, utils/inbox/live.ts),
 * events in order (the ones so far first, as onEvent replays them), and the frame's calls are answered.
 * Everything stops with `signal`.
 */
export function serveInbox(port: MessagePort, inbox: InboxSource, options: ServeOptions): Served {
  const { signal } = options;
  const post = (message: ToFrame) => {
    if (signal.aborted) return;
    try {
      port.postMessage(message);
    } catch (error) {
      console.warn('[Inbox Pilot] could not reach the sidebar', error);
    }
  };
  const pending = new Map<number, (reply: Reply<unknown> | undefined) => void>();
  let lastId = 0;

  const calls: { [K in BridgeCall]: (args: BridgeCalls[K]['args']) => Promise<BridgeCalls[K]['result']> | BridgeCalls[K]['result'] } = {
    openConversation: ({ key }) => inbox.openConversation(key),
    insertText: ({ text, conversation, replaceAll }) => inbox.insertText(text, { conversation, replaceAll }),
    layoutReport: () => options.layoutReport(),
    retryPageFeature: ({ id }) => options.retryPageFeature(id),
  };
  port.onmessage = (e: MessageEvent<ToPage>) => {
    const message = e.data;
    if (!message || typeof message !== 'object') return;
    if (message.kind === 'call') {
      const handler = calls[message.call] as ((args: unknown) => unknown) | undefined;
      if (!handler) return post({ kind: 'reply', id: message.id, ok: false, error: `unknown call ${String(message.call)}` });
      Promise.resolve()
        .then(() => handler(message.args))
        .then(
          (value) => post({ kind: 'reply', id: message.id, ok: true, value }),
          (error: unknown) => post({ kind: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
    } else if (message.kind === 'tab-reply') {
      pending.get(message.id)?.(message.reply);
      pending.delete(message.id);
    } else if (message.kind === 'size') {
      options.onSize({ collapsed: !!message.collapsed, height: Number(message.height) || 0 });
    }
  };
  port.start();

  // Events of one task go together (a batch can emit several).
  let queued: InboxEvent[] = [];
  const flushEvents = () => {
    const events = queued;
    queued = [];
    if (events.length) post({ kind: 'events', events });
  };
  const unsubscribe = inbox.onEvent((event) => {
    if (queued.length === 0) queueMicrotask(flushEvents);
    queued.push(event);
  });
  const stops = [
    // The page's source emits a batch's events before it publishes its snapshot (utils/inbox/live.ts): so does the bridge.
    effect(() => {
      const snapshot = inbox.snapshot.value;
      flushEvents();
      post({ kind: 'snapshot', snapshot });
    }),
    effect(() => post({ kind: 'host-dark', dark: options.hostDark.value })),
    effect(() => post({ kind: 'shown', shown: options.shown.value })),
    effect(() => post({ kind: 'page-features', features: options.pageFeatures.value })),
  ];
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      for (const stop of stops) stop();
      for (const resolve of pending.values()) resolve(undefined);
      pending.clear();
      port.onmessage = null;
      port.close();
    },
    { once: true },
  );

  return {
    forward(envelope) {
      if (signal.aborted) return Promise.resolve(undefined);
      const id = ++lastId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ kind: 'tab-message', id, envelope });
      });
    },
  };
}

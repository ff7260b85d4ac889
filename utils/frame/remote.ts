import { signal as newSignal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createEventFeed } from '../inbox/event-feed';
import type { InboxEvent, InboxSnapshot, InboxSource, InsertResult } from '../inbox/types';
import type { RawMessageListener } from '../messaging';
import type { Reply } from '../messaging/protocol';
import { BRIDGE_HELLO, type BridgeCall, type BridgeCalls, type BridgeHello, type PageFeatureState, type ToFrame, type ToPage } from './protocol';

export interface PageBridge {
  /** The page's inbox, as the features see it anywhere (utils/inbox/types.ts). */
  inbox: InboxSource;
  /** Business Suite's own theme is dark. */
  hostDark: ReadonlySignal<boolean>;
  /** The sidebar is shown (the tab is on the inbox). */
  shown: ReadonlySignal<boolean>;
  /** The content script's own features (stats, sync) and how they run. */
  pageFeatures: ReadonlySignal<PageFeatureState[]>;
  /** Starts a failed one of them again. */
  retryPageFeature(id: string): void;
  /** Asks the page for its layout report (utils/inbox/layout-report.ts). */
  layoutReport(): Promise<string>;
  /** Tells the page how big the sidebar is. */
  reportSize(size: { collapsed: boolean; height: number }): void;
  /** Subscribes a runtime.onMessage-shaped listener to the messages sent to this tab for the sidebar. */
  tabMessages(listener: RawMessageListener): () => void;
}

/**
 * Waits on `win` for the content script's port: the first message from the parent window that carries
 * `token` (utils/frame/protocol.ts). Anything else, from the page or elsewhere, is ignored.
 */
export function awaitPort(win: Window, token: string, signal: AbortSignal): Promise<MessagePort> {
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      const hello = e.data as BridgeHello | null;
      if (e.source !== win.parent || !hello || hello.type !== BRIDGE_HELLO || hello.token !== token || !e.ports[0]) return;
      win.removeEventListener('message', onMessage);
      resolve(e.ports[0]);
    };
    win.addEventListener('message', onMessage, { signal });
    signal.addEventListener('abort', () => reject(new Error('sidebar closed before the page connected')), { once: true });
  });
}

/**
 * The sidebar frame's side of the bridge: an InboxSource over `port` (the page's first snapshot is
 * awaited, so the features start on the inbox as it is). Calls the page cannot answer (the port closed)
 * resolve as failures; events are replayed to late subscribers as the page's source does.
 */
export function connectToPage(port: MessagePort, signal: AbortSignal): Promise<PageBridge> {
  return new Promise((resolve, reject) => {
    let snapshot: Signal<InboxSnapshot> | null = null;
    const hostDark = newSignal(false);
    const shown = newSignal(true);
    const pageFeatures = newSignal<PageFeatureState[]>([]);
    // The page's events, replayed to a late subscriber as the page's own source does (the same feed).
    const events = createEventFeed<InboxEvent>();
    const tabListeners = new Set<RawMessageListener>();
    const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
    let lastId = 0;
    const post = (message: ToPage) => {
      try {
        port.postMessage(message);
      } catch {
        // The page is gone: its calls resolve as failures below.
      }
    };
    const call = <K extends BridgeCall>(name: K, args: BridgeCalls[K]['args']): Promise<BridgeCalls[K]['result']> => {
      if (signal.aborted) return Promise.reject(new Error('sidebar closed'));
      const id = ++lastId;
      return new Promise((res, rej) => {
        pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
        post({ kind: 'call', id, call: name, args });
      });
    };
    const answerTab = (id: number, envelope: unknown) => {
      let answered = false;
      const reply = (r: unknown) => {
        if (answered) return;
        answered = true;
        post({ kind: 'tab-reply', id, reply: r as Reply<unknown> });
      };
      for (const listener of tabListeners) {
        const kept = listener(envelope, {}, reply);
        if (kept === true) return; // this listener answers through `reply`
      }
      reply(undefined);
    };

    const inbox: InboxSource = {
      get snapshot() {
        return snapshot as ReadonlySignal<InboxSnapshot>;
      },
      onEvent: (listener) => events.subscribe(listener),
      openConversation: (key) => call('openConversation', { key }).catch(() => false),
      insertText: (text, opts = {}) =>
        call('insertText', { text, conversation: opts.conversation, replaceAll: opts.replaceAll }).catch((): InsertResult => ({ ok: false, reason: 'rejected' })),
    };

    port.onmessage = (e: MessageEvent<ToFrame>) => {
      const message = e.data;
      if (!message || typeof message !== 'object') return;
      switch (message.kind) {
        case 'snapshot':
          if (snapshot) snapshot.value = message.snapshot;
          else {
            snapshot = newSignal(message.snapshot);
            resolve(bridge);
          }
          break;
        case 'events':
          for (const event of message.events) events.emit(event);
          break;
        case 'host-dark':
          hostDark.value = message.dark;
          break;
        case 'shown':
          shown.value = message.shown;
          break;
        case 'page-features':
          pageFeatures.value = message.features;
          break;
        case 'reply': {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (message.ok) waiting?.resolve(message.value);
          else waiting?.reject(new Error(message.error));
          break;
        }
        case 'tab-message':
          answerTab(message.id, message.envelope);
          break;
      }
    };
    port.start();

    const bridge: PageBridge = {
      inbox,
      hostDark,
      shown,
      pageFeatures,
      retryPageFeature: (id) => void call('retryPageFeature', { id }).catch(() => undefined),
      layoutReport: () => call('layoutReport', undefined),
      reportSize: (size) => post({ kind: 'size', ...size }),
      tabMessages(listener) {
        tabListeners.add(listener);
        return () => void tabListeners.delete(listener);
      },
    };
    signal.addEventListener(
      'abort',
      () => {
        port.onmessage = null;
        port.close();
        for (const p of pending.values()) p.reject(new Error('sidebar closed'));
        pending.clear();
        events.clear();
        tabListeners.clear();
        reject(new Error('sidebar closed before the first snapshot'));
      },
      { once: true },
    );
  });
}

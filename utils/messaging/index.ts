import { browser, type Browser } from 'wxt/browser';
import type { Envelope, ErrorCode, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

export type { ErrorCode, MessageType, RequestOf, ResponseOf } from './protocol';

/**
 * A failed request, on both sides: a handler throws one to choose the code (any other error is
 * `failed`), and the caller gets one back. Callers branch on `code` (and `index`), never on the text.
 */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    /** The bad item of a batch, for `invalid-request`. */
    readonly index?: number,
  ) {
    super(detail);
    this.name = 'MessageError';
  }
}

/** The reply a handler's error becomes. */
export function errorReply(error: unknown): Reply<never> {
  if (error instanceof MessageError) return { ok: false, code: error.code, detail: error.detail, ...(error.index !== undefined ? { index: error.index } : {}) };
  return { ok: false, code: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).app === 'inbox-pilot' &&
    typeof (message as Envelope).type === 'string'
  );
}

function unwrap<T>(reply: unknown, type: string): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError('no-handler', `No handler answered "${type}"`);
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new MessageError(r.code ?? 'failed', r.detail, typeof r.index === 'number' ? r.index : undefined);
  return r.value;
}

/** Sends a message to the background worker (from content, popup or options). */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { app: 'inbox-pilot', type, data };
  return unwrap<ResponseOf<K>>(await browser.runtime.sendMessage(envelope), type);
}

/** Sends a message to one tab's content script (from the background). */
export async function sendToTab<K extends MessageType>(tabId: number, type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { app: 'inbox-pilot', type, data };
  return unwrap<ResponseOf<K>>(await browser.tabs.sendMessage(tabId, envelope), type);
}

export type Handler<K extends MessageType> = (
  data: RequestOf<K>,
  sender: Browser.runtime.MessageSender,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

export type Handlers = { [K in MessageType]?: Handler<K> };

/** A runtime.onMessage-shaped listener (what onMessages registers). */
export type RawMessageListener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse?: (reply: unknown) => void) => unknown;

/**
 * Where this context hears the messages sent to its tab. By default `runtime.onMessage`. The sidebar frame
 * (entrypoints/sidebar) hears them through the content script's bridge instead (utils/frame/remote.ts): a
 * message for the tab reaches the content script, which hands it to the frame, so it is answered once.
 */
let messageSource: ((listener: RawMessageListener) => () => void) | null = null;
export function hearTabMessagesThrough(source: ((listener: RawMessageListener) => () => void) | null): void {
  messageSource = source;
}

/**
 * Registers handlers for some message types. Several features may each call
 * it; a message no handler here knows is left for other listeners (returns
 * undefined), so contexts do not answer for each other.
 */
export function onMessages(handlers: Handlers, signal?: AbortSignal): () => void {
  const listener: RawMessageListener = (message, sender, sendResponse) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as Handler<MessageType> | undefined;
    if (!handler) return undefined;
    const reply = (async (): Promise<Reply<unknown>> => {
      try {
        return { ok: true, value: await handler(message.data, sender) };
      } catch (error) {
        return errorReply(error);
      }
    })();
    // The content script runs without webextension-polyfill (wxt.config.ts), and Chrome's own onMessage
    // ignores a returned promise: the reply goes through `sendResponse`, kept open by returning `true`
    // (Chrome, Firefox and the polyfill all honour it). Without a `sendResponse` (unit tests' fake
    // browser), the promise is the reply.
    if (typeof sendResponse !== 'function') return reply;
    void reply.then((r) => {
      try {
        sendResponse(r);
      } catch {
        // The sender is gone (tab closed, worker stopped): nobody waits for this reply.
      }
    });
    return true as const;
  };
  let remove: () => void;
  if (messageSource) remove = messageSource(listener);
  else {
    browser.runtime.onMessage.addListener(listener);
    remove = () => browser.runtime.onMessage.removeListener(listener);
  }
  signal?.addEventListener('abort', remove, { once: true });
  return remove;
}

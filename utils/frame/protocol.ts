import type { InboxEvent, InboxSnapshot, InsertResult } from '../inbox/types';
import type { Envelope, Reply } from '../messaging/protocol';

/**
 * The sidebar frame's bridge (issue 14): the sidebar is drawn by an extension page in an iframe (its own
 * renderer process, so none of its style, layout or paint runs on the inbox's main thread), and the content
 * script, which alone reads and writes Meta's page, serves it the inbox over one MessagePort. Plain data only.
 *
 * The port reaches the frame with a secret: the content script puts a random token in the frame's URL
 * (which the page cannot read: the frame is in a closed shadow root, and its document is cross-origin) and
 * posts the port with that token. The frame takes the first port that carries it and no other message.
 */
export const BRIDGE_HELLO = 'inbox-pilot:bridge';

/** What the content script posts to the frame's window, with the port transferred. */
export interface BridgeHello {
  type: typeof BRIDGE_HELLO;
  token: string;
}

/** What the sidebar asks of the page (each answered once with a `reply` of the same id). */
export interface BridgeCalls {
  openConversation: { args: { key: string }; result: boolean };
  insertText: { args: { text: string; conversation?: string | null; replaceAll?: boolean }; result: InsertResult };
  layoutReport: { args: undefined; result: string };
  /** Starts a failed feature of the content script's again (its section's Retry). */
  retryPageFeature: { args: { id: string }; result: void };
}

/** A feature the content script runs (no panel: stats, sync), as its section in the sidebar shows it. */
export interface PageFeatureState {
  id: string;
  state: 'starting' | 'running' | 'failed';
}
export type BridgeCall = keyof BridgeCalls;

/** Page -> frame. */
export type ToFrame =
  /** The inbox as read now (the first one is the frame's cue to start). */
  | { kind: 'snapshot'; snapshot: InboxSnapshot }
  /** Domain events, in order (the replay of those so far first, as InboxSource.onEvent gives them). */
  | { kind: 'events'; events: InboxEvent[] }
  /** Business Suite's own theme is dark. */
  | { kind: 'host-dark'; dark: boolean }
  /** The content script's own features and how they run (one that failed says so in the sidebar). */
  | { kind: 'page-features'; features: PageFeatureState[] }
  /** The sidebar is shown (the tab is on the inbox) or hidden. */
  | { kind: 'shown'; shown: boolean }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  /** A message the worker or an extension page sent to this tab for the sidebar (tabs.sendMessage). */
  | { kind: 'tab-message'; id: number; envelope: Envelope };

/** Frame -> page. */
export type ToPage =
  | { kind: 'call'; id: number; call: BridgeCall; args: unknown }
  | { kind: 'tab-reply'; id: number; reply: Reply<unknown> | undefined }
  /** The box the sidebar needs on the page: open (full height) or the collapsed tab's size. */
  | { kind: 'size'; collapsed: boolean; height: number };

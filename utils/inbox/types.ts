import type { ReadonlySignal } from '@preact/signals';

/**
 * Plain data the inbox adapter makes of Meta's page. Nothing outside
 * utils/inbox/ sees a DOM node or a selector: features consume these types.
 * Times are epoch milliseconds.
 */

export type InboxLocale = 'en' | 'fr';
/** 'exact': observed live or from a machine timestamp; 'approximate': parsed from a coarse token like `5m`. */
export type Precision = 'exact' | 'approximate';

/** Where a conversation happens. 'comment': a Facebook post comment thread (the Comments tab). */
export type Channel = 'messenger' | 'instagram' | 'whatsapp' | 'comment';

export interface TimeRange {
  start: number;
  end: number;
}

export interface InboxPage {
  /** `asset_id` from the URL: the Page id. */
  assetId: string | null;
  name: string | null;
}

export interface ConversationRow {
  /** `selected_item_id` when known, otherwise a stable key from the row (see utils/inbox/keys.ts). */
  key: string;
  /** `selected_item_id` when the row carries it (older layouts' hrefs, or the open row). */
  id: string | null;
  customerName: string | null;
  preview: string;
  /** Who wrote the last message, from the preview's `You:`/`Vous :` prefix. */
  lastFrom: 'customer' | 'page' | 'unknown';
  /** When the last message was sent, as the interval its time token denotes. */
  lastAt: TimeRange | null;
  unread: boolean;
  selected: boolean;
  /** The name + avatar key of the row (utils/inbox/keys.ts), even when `key` is a `selected_item_id`. */
  rowKey?: string;
  /** When the list tells it (a channel tab, the comment list) or the conversation was opened here. */
  channel?: Channel | null;
}

export type MessageSide = 'customer' | 'page' | 'system';

export interface ThreadMessage {
  /**
   * Stable within a thread across re-renders: `mid:<hash of data-message-id>` when the row carries
   * Meta's message id (2026), else section + side + text hash + position among same-text messages.
   */
  key: string;
  side: MessageSide;
  /** For page messages: the name from the group's `Sent by` label, if any. */
  agent: string | null;
  text: string;
  /** From the nearest date separator above, when one gives a time. */
  at: TimeRange | null;
  /** A photo or file without text (2026: img "Attachment" / "Pièce jointe" in the message row). */
  attachment?: boolean;
  /** Page message labelled with an automated sender (instant reply, away message): not a human reply. */
  automated?: boolean;
}

export interface OpenConversation {
  /** `selected_item_id`: from the URL, else from the channel tab being shown (2026: the URL often drops it). */
  id: string | null;
  key: string;
  customerName: string | null;
  /** From `thread_type`, the channel tabs, the header's channel name or the composer's placeholder. */
  channel?: Channel | null;
  /** The row key (name + avatar) of this conversation's list row, when the row was found. */
  rowKey?: string;
  /** The last rows of the thread (complete date sections; see THREAD_TAIL_ROWS in snapshot.ts). */
  messages: ThreadMessage[];
  /** True when older rows were on the page but not read (long threads). */
  earlierOmitted?: boolean;
}

export interface ComposerState {
  found: boolean;
  enabled: boolean;
  text: string;
  kind: 'lexical' | 'draftjs' | 'textarea' | 'contenteditable' | null;
}

export type InboxPart = 'list' | 'thread' | 'composer';

export interface InboxHealth {
  /** Parts recognised on the page. */
  found: Record<InboxPart, boolean>;
  /** Parts that should be there but are not (e.g. a thread is open but no composer). */
  missing: InboxPart[];
  /** True when the page looks like an inbox at all. */
  recognized: boolean;
  /**
   * Which selector alternative matched each part (its CSS from utils/inbox/selectors.ts), null when
   * none did: a user's report then says which layout they have.
   */
  via?: Partial<Record<'list' | 'row' | 'rowTitle' | 'header' | 'messageList' | 'composer', string | null>>;
  /** Why a part that was found is still not recognized (e.g. list rows without customer names). */
  problems?: string[];
}

export interface InboxSnapshot {
  url: string;
  takenAt: number;
  locale: InboxLocale | null;
  page: InboxPage;
  conversations: ConversationRow[];
  open: OpenConversation | null;
  composer: ComposerState;
  health: InboxHealth;
}

interface EventBase {
  /** Deterministic: the same happening seen twice (re-render, two tabs) has the same id. */
  id: string;
  pageId: string | null;
  /** Conversation key (`selected_item_id` where known). */
  conversation: string;
  /**
   * The conversation's name + avatar key (utils/inbox/keys.ts) when its row is known. A conversation
   * seen in the list before it was ever opened is keyed `r:…`; once opened its key becomes the
   * `selected_item_id`: `rowKey` is the same in both, so consumers can join the two.
   */
  rowKey?: string;
  customerName: string | null;
  at: number;
  /** The conversation's channel when known. */
  channel?: Channel | null;
}

export type InboxEvent =
  | (EventBase & {
      kind: 'customer-message';
      precision: Precision;
      /** latest possible time when approximate */
      atLatest?: number;
      /**
       * The thread shows this message right after a Page message: hash(conversation + that message's key), the
       * part after the prefix of that reply's event id. The message came after that reply whatever the clocks
       * say (data-utime is to the second; a reply is timed when it was seen): see pairing's customerItem.
       */
      follows?: string;
      /**
       * When that Page message is keyed by Meta's message id: the same hash over the key its send was predicted to
       * get (events.ts's predictPageKey), the key a tab that sent it and left (or reloaded) before its bubble
       * rendered reported it under. Either names the reply for the pairing.
       */
      followsPredicted?: string;
      /**
       * Approximate only: this message was written before another customer message the row dates from this
       * moment on (the start of the second of the conversation's last message). Its interval may reach into that
       * second, and a time from it on is that later message, never this one (pairing's addCustomerMessage).
       */
      precedes?: number;
    })
  | (EventBase & {
      kind: 'reply-sent';
      agent: string | null;
      via: 'this-browser' | 'observed';
      precision: Precision;
      /**
       * An answer the thread shows was given before this tab looked (a colleague, a phone): it closes
       * every customer wait up to `at` and is not a response to time (its own time is unknown).
       */
      history?: boolean;
    })
  | (EventBase & { kind: 'conversation-opened' });

export type InsertResult =
  | { ok: true; method: 'beforeinput' | 'execCommand' | 'paste' | 'native-setter' }
  | { ok: false; reason: 'no-composer' | 'disabled' | 'wrong-conversation' | 'rejected' };

/** The live adapter as features see it (created once per content-script run). */
export interface InboxSource {
  snapshot: ReadonlySignal<InboxSnapshot>;
  /** Subscribe to domain events; returns an unsubscribe function. */
  onEvent(listener: (event: InboxEvent) => void): () => void;
  /**
   * Opens a conversation by activating its row's title (never the row's action buttons). The page's own
   * source answers at once; the sidebar frame's (utils/frame/remote.ts) once the page has.
   */
  openConversation(key: string): boolean | Promise<boolean>;
  /** Inserts text at the caret of Meta's composer. Never sends. */
  insertText(text: string, options?: { conversation?: string | null; replaceAll?: boolean }): Promise<InsertResult>;
}

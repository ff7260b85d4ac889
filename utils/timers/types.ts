import type { Channel, Precision } from '../inbox/types';

/**
 * The waiting state of a conversation, shown by text, icon and colour.
 * `closed`: past the 7-day human-agent window, nobody can answer any more, so
 * it is no longer late against the target (README "Messaging windows").
 */
export type TimerState = 'ok' | 'soon' | 'late' | 'paused' | 'closed';

/**
 * What the timers remember about one conversation: times only, never message
 * text. Kept by the reducer in tracker.ts and persisted per Page through the
 * background (storage.session) so a page reload keeps the clocks.
 */
export interface ConversationTrack {
  key: string;
  pageId: string | null;
  customerName: string | null;
  /** The customer's FIRST unanswered message (earliest possible time); null = answered / not waiting. */
  waitingSince: number | null;
  /** Latest possible time of that message (equals waitingSince when exact). */
  waitingLatest: number | null;
  waitingPrecision: Precision;
  /** The customer's LAST message (earliest possible time): the 24-hour and 7-day windows count from it. */
  lastCustomerAt: number | null;
  lastCustomerPrecision: Precision;
  /** The latest reply by any agent (or automation seen as a Page message). */
  lastReplyAt: number | null;
  /** When we last learned something about it (for pruning). */
  seenAt: number;
  /** Messenger, Instagram, WhatsApp or comment, once the page told it (thread, channel tab). */
  channel?: Channel | null;
  /**
   * A conversation first seen in the list is keyed `r:…` (name + avatar); once opened, by its
   * `selected_item_id`. The old entry then stays as a pointer (`aliasOf`) and the new one lists it
   * in `aliases`, so late events under the old key land in the right place and warnings are not repeated.
   */
  aliasOf?: string;
  aliases?: string[];
}

export type TrackerState = Readonly<Record<string, ConversationTrack>>;

/** One waiting conversation as the sidebar and the background see it at `now`. */
export interface TimerView {
  key: string;
  customerName: string | null;
  channel?: Channel | null;
  waitingSince: number;
  lastReplyAt: number | null;
  /** The instant these figures are for: between two state changes, views are not recomputed (see nextChangeAt). */
  at: number;
  /** Whether the counted time advances after `at` (false while paused outside business hours). */
  counting: boolean;
  /** 'approximate' when any time it rests on came from a coarse list token. */
  precision: Precision;
  elapsedWallMs: number;
  elapsedBusinessMs: number;
  /** The elapsed time the target is checked against (business or wall, per settings). */
  countedMs: number;
  targetMs: number;
  /** targetMs - countedMs: negative once late. */
  leftMs: number;
  state: TimerState;
  /** Time left in the 24-hour messaging window (<= 0 once closed). Null when the last customer message is unknown. */
  windowLeftMs: number | null;
  /**
   * Time left in the 7-day human-agent window (Messenger, Instagram). Null where there is none:
   * WhatsApp, whose 24-hour window is the last in which an agent can write freely (then only
   * template messages).
   */
  humanAgentLeftMs: number | null;
  windowPrecision: Precision;
  aliases?: string[];
}

/** What the content script reports to the background for the badge and the warnings. */
export interface AlertItem {
  key: string;
  customerName: string | null;
  waitingSince: number;
  /** Ends an episode: a reply after a notified `waitingSince` means the next warning is a new one. */
  lastReplyAt: number | null;
  state: TimerState;
  leftMs: number;
  precision: Precision;
  /** Older keys of the same conversation (see ConversationTrack.aliases). */
  aliases?: string[];
}

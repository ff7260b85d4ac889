import type { Precision } from '../inbox/types';

export type ResponseSource = 'this-browser' | 'observed' | 'imported';

/**
 * One response: the first Page reply after a customer's first unanswered
 * message. No message text and no customer name: only ids, times and the
 * agent's label.
 */
export interface ResponseRecord {
  /** Deterministic: see responseId(). */
  id: string;
  /** `asset_id`; '' when the page was unknown (IndexedDB cannot index null inside compound keys). */
  pageId: string;
  /** Conversation key (`selected_item_id` where known). */
  conversation: string;
  /** Epoch ms of the customer's first unanswered message (an approximate time: the earliest it can be). */
  customerAt: number;
  /**
   * An approximate customer time is the interval [customerAt, customerLatest]: the latest the
   * message can be (never after the reply). Absent when the customer time is exact, and on
   * records made before issue 16 stored it (their interval is unknown).
   */
  customerLatest?: number;
  /** Epoch ms of the reply. A response belongs to the week (and day) of its reply. */
  repliedAt: number;
  /** The `Sent by` label; '' when unknown. */
  agent: string;
  /** Wall-clock seconds between the two. */
  responseSeconds: number;
  /** Seconds counted inside business hours (equals responseSeconds when no hours are set). */
  businessResponseSeconds: number;
  /** Judged at recording time, with the target and time basis of that moment. */
  withinTarget: boolean;
  source: ResponseSource;
  /** 'approximate' if either end's time was approximate. */
  precision: Precision;
}

/** Per-conversation pairing state, so a stopped worker forgets nothing between batches. */
export interface PendingRecord {
  /** pairingKey(pageId, conversation) */
  key: string;
  pageId: string;
  conversation: string;
  /**
   * Customer messages after the latest reply, oldest first (at most
   * MAX_WAITING): the first is the one the next reply answers. Kept as a list
   * so states seen under two keys (list row, thread) merge exactly.
   */
  waiting: Array<{
    at: number;
    precision: Precision;
    /** approximate: latest possible time */
    atLatest?: number;
    /** approximate: a time from this one on is a later message (InboxEvent's `precedes`), not this one */
    precedes?: number;
  }>;
  /** The latest reply seen: customer messages at or before it were already answered. */
  lastReplyAt: number | null;
  /**
   * That reply's message: its event id after the prefix (`rs:`/`rh:`), so a customer message the thread shows
   * right after it (`follows`) is placed after it even when its own time, to the second, is not. Absent on
   * states saved before issue 16 added it, and after a reply known from the list only.
   */
  lastReplyKey?: string;
  /**
   * The latest response this state completed, and the id of the reply event that completed it: a
   * later report of that very reply (the same event id) may correct its credit (see pairing's
   * correctCredit). Absent on states saved before issue 16 added it.
   */
  answered?: { replyId: string; record: ResponseRecord };
  updatedAt: number;
}

export const UNKNOWN_AGENT = '';
export const MAX_WAITING = 20;

export function pairingKey(pageId: string, conversation: string): string {
  return `${pageId}|${conversation}`;
}

/** Same page, conversation and customer message second => same response, whoever saw it. */
export function responseId(pageId: string, conversation: string, customerAt: number): string {
  return `${pageId}|${conversation}|${Math.floor(customerAt / 1000)}`;
}

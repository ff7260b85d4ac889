/** Saved replies: the shapes shared by the background store, the editor and the sidebar. */

export type ReplyLanguage = 'fr' | 'en' | 'any';

/** What ranking needs from a reply (the public shape of `rankSavedReplies`'s library items). */
export interface RankableReply {
  id: string;
  title: string;
  body: string;
  language: ReplyLanguage;
  tags: string[];
  shortcut?: string;
}

/** A reply as stored in the `inbox-pilot-replies` database. Times are epoch milliseconds. */
export interface SavedReply extends RankableReply {
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Set on replies of the starter set, so the editor can say where they came from. */
  starterKey?: string;
}

/** The editable part of a reply (form, import row). */
export interface ReplyDraft {
  title: string;
  body: string;
  language: ReplyLanguage;
  tags: string[];
  shortcut?: string;
}

/** One insertion of a saved reply. Never holds any message text. */
export interface UsageRecord {
  id: string;
  replyId: string;
  conversation: string;
  at: number;
  /** Whether the agent changed the inserted text before sending; null until known (not sent from this browser, or abandoned). */
  edited: boolean | null;
  sentAt: number | null;
}

export const PLACEHOLDERS = ['first_name', 'customer_name', 'agent_name', 'page_name', 'cursor'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

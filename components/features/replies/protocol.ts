import type { RankedReply } from '../../../utils/replies/rank';
import type { ReplyDraft, SavedReply, UsageRecord } from '../../../utils/replies/types';

/** Saved replies: library reads/writes go through the background, which owns the database. */
export interface SavedReplySummary {
  id: string;
  title: string;
  body: string;
  language: 'fr' | 'en' | 'any';
  tags: string[];
  shortcut?: string;
  /** How often the reply was inserted (sidebar search shows the most used first). */
  usageCount?: number;
}

export interface RepliesProtocol {
  /** Any context -> background: the whole library (summaries). The sidebar no longer loads it: it asks `replies:suggest`/`replies:search`. */
  'replies:list': { request: void; response: { replies: SavedReplySummary[] } };
  /**
   * Content -> background: the best saved replies for the customer's latest
   * unanswered text (ranked where the library lives, so neither the library nor
   * the ranker is shipped in the content script). `locale` is the conversation's
   * language when known. The text passes through runtime messaging only and is
   * never stored. `librarySize` lets the sidebar tell an empty library apart.
   */
  'replies:suggest': {
    request: { text: string; locale?: string | null };
    response: { suggestions: RankedReply<SavedReplySummary>[]; librarySize: number };
  };
  /** Content -> background: the sidebar's search box over the whole library (see `searchLibrary`). */
  'replies:search': {
    request: { query: string; limit?: number };
    response: { replies: SavedReplySummary[]; librarySize: number };
  };
  /** Background -> content: the `insert-top-suggestion` keyboard command was pressed. */
  'replies:insert-top': { request: void; response: { inserted: boolean } };
  /** Options -> background: the library with usage and dates, most used first. */
  'replies:library': { request: void; response: { replies: SavedReply[] } };
  /** Options -> background: create (no id) or update a reply. Errors: invalid, shortcutTaken, notFound. */
  'replies:save': { request: { id?: string; draft: ReplyDraft }; response: { reply: SavedReply } };
  /** Options -> background: delete; the deleted replies come back for undo. */
  'replies:delete': { request: { ids: string[] }; response: { deleted: SavedReply[] } };
  /** Options -> background: undo a delete. */
  'replies:restore': { request: { replies: SavedReply[] }; response: { restored: number } };
  /** Options -> background: add checked import rows, all or none. */
  'replies:import': { request: { drafts: ReplyDraft[] }; response: { added: number } };
  /** Options -> background: add back the starter replies the library lacks. */
  'replies:add-starters': { request: void; response: { added: number } };
  /** Content -> background: a reply was inserted into a conversation's composer. */
  'replies:used': { request: { replyId: string; conversation: string }; response: { usageId: string } };
  /** Content -> background: the inserted reply was sent, edited or not (never any text). */
  'replies:outcome': { request: { usageId: string; edited: boolean }; response: { recorded: boolean } };
  /** Stats/pages -> background: insertion records since a time (epoch ms). */
  'replies:usage': { request: { since?: number }; response: { records: UsageRecord[] } };
}

import Dexie, { type Table } from 'dexie';
import type { SavedReply, UsageRecord } from './types';

export const REPLIES_DB_NAME = 'inbox-pilot-replies';

export interface MetaRow {
  key: 'seededAt';
  value: number;
}

/**
 * The saved-replies database, owned by the background worker (content scripts
 * cannot open the extension's IndexedDB; they go through messages). Separate
 * from the stats database so neither feature's migrations touch the other.
 */
export class RepliesDatabase extends Dexie {
  replies!: Table<SavedReply, string>;
  usage!: Table<UsageRecord, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = REPLIES_DB_NAME) {
    super(name);
    // Every version() stays here forever, even once superseded: Dexie upgrades
    // a browser from whichever version it has. Add new versions below.
    this.version(1).stores({
      replies: 'id, usageCount, lastUsedAt, updatedAt, shortcut',
      usage: 'id, replyId, conversation, at',
      meta: 'key',
    });
  }
}

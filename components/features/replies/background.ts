import { browser } from 'wxt/browser';
import { onMessages, sendToTab } from '../../../utils/messaging';
import { RepliesDatabase } from '../../../utils/replies/db';
import type { SavedReplySummary } from './protocol';
import type { SavedReply } from '../../../utils/replies/types';
import { prepareRanking, rankSavedReplies } from '../../../utils/replies/rank';
import { bumpLibraryRevision, libraryRevision } from '../../../utils/replies/revision';
import { prepareSearch, searchLibrary } from '../../../utils/replies/search';
import { validateReplyDraft } from '../../../utils/replies/validate';
import {
  addMissingStarters,
  deleteReplies,
  ensureSeeded,
  importReplies,
  listReplies,
  listUsage,
  recordOutcome,
  recordUsage,
  restoreReplies,
  saveReply,
} from '../../../utils/replies/store';

export const INSERT_TOP_COMMAND = 'insert-top-suggestion';

/** How many suggestions the sidebar shows. */
export const SUGGESTION_LIMIT = 3;

/** What other background parts may read of the library (the draft checks compare drafts with the bodies). */
export interface SavedRepliesSource {
  bodies(): Promise<string[]>;
}

/**
 * One corrupt record (edited storage, an old bug) must not take search, suggestions or the options' editor
 * down with it: it is reported and skipped; the others are served.
 */
function usableReplies(all: SavedReply[]): SavedReply[] {
  const usable = all.filter((r) => typeof r?.id === 'string' && validateReplyDraft(r).issues.length === 0);
  if (usable.length < all.length) console.warn(`[Inbox Pilot] replies: ${all.length - usable.length} saved repl${all.length - usable.length === 1 ? 'y is' : 'ies are'} corrupt and skipped`);
  return usable;
}

/**
 * The library as the sidebar sees it, read once and kept until it changes:
 * the same array is reused, so `rankSavedReplies` reuses its index for it.
 */
function summaryCache(db: RepliesDatabase) {
  let cached: Promise<SavedReplySummary[]> | null = null;
  const read = async () => {
    const usable = usableReplies(await listReplies(db));
    return usable.map(({ id, title, body, language, tags, shortcut, usageCount }) => ({
      id, title, body, language, tags, usageCount: Number.isFinite(usageCount) ? usageCount : 0, ...(shortcut ? { shortcut } : {}),
    }));
  };
  return {
    get(): Promise<SavedReplySummary[]> {
      cached ??= read().catch((error) => {
        cached = null; // Do not keep a failure.
        throw error;
      });
      return cached;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** Sends the keyboard command to the active tab's content script (which inserts its top suggestion). */
export async function forwardInsertTop(): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    return (await sendToTab(tab.id, 'replies:insert-top', undefined)).inserted;
  } catch {
    return false; // Not an inbox tab: nothing listens there.
  }
}

/** The saved-replies part of the background worker. Registers its listeners synchronously. */
export function registerRepliesBackground(db: RepliesDatabase = new RepliesDatabase()): SavedRepliesSource {
  const library = summaryCache(db);
  libraryRevision.watch(() => library.invalidate()); // a change made elsewhere (team sync) reaches the suggestions
  /** Runs a change, then tells every context the library changed. */
  const changing = async <T>(change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } finally {
      library.invalidate();
      await bumpLibraryRevision().catch(() => undefined);
    }
  };
  onMessages({
    'replies:list': async () => ({ replies: [...(await library.get())] }),
    // The customer's text is ranked and forgotten here: it only travels by runtime messaging, never stored.
    'replies:suggest': async ({ text, locale }) => {
      const replies = await library.get();
      // The index of a changed library is built in slices first: no handler blocks the worker for long.
      if (text.trim()) await prepareRanking(replies);
      const suggestions = text.trim() ? rankSavedReplies(text, replies, { limit: SUGGESTION_LIMIT, locale }) : [];
      return { suggestions, librarySize: replies.length };
    },
    'replies:search': async ({ query, limit }) => {
      const replies = await library.get();
      if (query.trim()) await prepareSearch(replies);
      return { replies: searchLibrary(query, replies, limit), librarySize: replies.length };
    },
    'replies:library': async () => ({ replies: usableReplies(await listReplies(db)) }),
    'replies:save': async (data) => ({ reply: await changing(saveReply(db, data)) }),
    'replies:delete': async ({ ids }) => ({ deleted: await changing(deleteReplies(db, ids)) }),
    'replies:restore': async ({ replies }) => ({ restored: await changing(restoreReplies(db, replies)) }),
    'replies:import': async ({ drafts }) => ({ added: await changing(importReplies(db, drafts)) }),
    'replies:add-starters': async () => ({ added: await changing(addMissingStarters(db)) }),
    // Usage changes no text: not announced, so open tabs keep their ranking index instead of rebuilding it.
    'replies:used': async (data) => {
      const usageId = await recordUsage(db, data);
      library.invalidate(); // The search orders by use.
      return { usageId };
    },
    'replies:outcome': async (data) => ({ recorded: await recordOutcome(db, data) }),
    'replies:usage': async ({ since }) => ({ records: await listUsage(db, since) }),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void ensureSeeded(db)
      .then((seeded) => (seeded ? (library.invalidate(), bumpLibraryRevision()) : undefined))
      .catch(() => undefined);
  });

  try {
    browser.commands.onCommand.addListener((command) => {
      if (command === INSERT_TOP_COMMAND) void forwardInsertTop();
    });
  } catch {
    // No commands API (Firefox for Android, test doubles): the sidebar still works by mouse and keyboard.
  }

  return { bodies: async () => (await library.get()).map((r) => r.body) };
}

import { browser } from 'wxt/browser';
import { onMessages, sendToTab } from '../messaging';
import { RepliesDatabase } from './db';
import { bumpLibraryRevision } from './revision';
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
} from './store';

export const INSERT_TOP_COMMAND = 'insert-top-suggestion';

/** Runs a change, then tells every context the library changed. */
async function changing<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  await bumpLibraryRevision().catch(() => undefined);
  return result;
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
export function registerRepliesBackground(db: RepliesDatabase = new RepliesDatabase()): void {
  onMessages({
    'replies:list': async () => ({
      replies: (await listReplies(db)).map(({ id, title, body, language, tags, shortcut, usageCount }) => ({
        id, title, body, language, tags, usageCount, ...(shortcut ? { shortcut } : {}),
      })),
    }),
    'replies:library': async () => ({ replies: await listReplies(db) }),
    'replies:save': async (data) => ({ reply: await changing(saveReply(db, data)) }),
    'replies:delete': async ({ ids }) => ({ deleted: await changing(deleteReplies(db, ids)) }),
    'replies:restore': async ({ replies }) => ({ restored: await changing(restoreReplies(db, replies)) }),
    'replies:import': async ({ drafts }) => ({ added: await changing(importReplies(db, drafts)) }),
    'replies:add-starters': async () => ({ added: await changing(addMissingStarters(db)) }),
    // Usage changes no text: not announced, so open tabs keep their ranking index instead of rebuilding it.
    'replies:used': async (data) => ({ usageId: await recordUsage(db, data) }),
    'replies:outcome': async (data) => ({ recorded: await recordOutcome(db, data) }),
    'replies:usage': async ({ since }) => ({ records: await listUsage(db, since) }),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void ensureSeeded(db).then((seeded) => (seeded ? bumpLibraryRevision() : undefined)).catch(() => undefined);
  });

  try {
    browser.commands.onCommand.addListener((command) => {
      if (command === INSERT_TOP_COMMAND) void forwardInsertTop();
    });
  } catch {
    // No commands API (Firefox for Android, test doubles): the sidebar still works by mouse and keyboard.
  }
}

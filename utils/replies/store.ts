/**
 * Library operations on the database. Called by the background's message
 * handlers only; every multi-step change runs in one transaction so a failure
 * leaves the library as it was.
 */
import type { RepliesDatabase } from './db';
import { STARTER_REPLIES } from './starter';
import type { ReplyDraft, SavedReply, UsageRecord } from './types';
import { LIMITS, validateReplyDraft } from './validate';

export type StoreErrorCode = 'invalid' | 'shortcutTaken' | 'notFound' | 'tooMany';

/** Errors the pages show; the message is the code (it travels as a string). */
export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode) {
    super(code);
  }
}

const newId = () => crypto.randomUUID();

function fromDraft(draft: ReplyDraft, now: number, extra: Partial<SavedReply> = {}): SavedReply {
  return { id: newId(), ...draft, usageCount: 0, lastUsedAt: null, createdAt: now, updatedAt: now, ...extra };
}

/**
 * Seeds the starter set once in the life of the library: on install, or on
 * the first open of an empty library never seeded. Deleting the starter
 * replies later never brings them back.
 */
export async function ensureSeeded(db: RepliesDatabase, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.replies, db.meta, async () => {
    if (await db.meta.get('seededAt')) return false;
    await db.meta.put({ key: 'seededAt', value: now });
    if ((await db.replies.count()) > 0) return false;
    await db.replies.bulkAdd(STARTER_REPLIES.map(({ starterKey, ...draft }) => fromDraft(draft, now, { starterKey })));
    return true;
  });
}

/** The library, most used first (ties: most recently used, then title). */
export async function listReplies(db: RepliesDatabase): Promise<SavedReply[]> {
  await ensureSeeded(db);
  const all = await db.replies.toArray();
  // Tolerant of a corrupt record (missing title or counts): sorting must not throw for the whole library.
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return all.sort((a, b) => num(b.usageCount) - num(a.usageCount) || num(b.lastUsedAt) - num(a.lastUsedAt) || String(a.title ?? '').localeCompare(String(b.title ?? '')));
}

async function assertShortcutFree(db: RepliesDatabase, shortcut: string | undefined, exceptId?: string) {
  if (!shortcut) return;
  const holders = await db.replies.where('shortcut').equals(shortcut).toArray();
  if (holders.some((r) => r.id !== exceptId)) throw new StoreError('shortcutTaken');
}

/** Creates (no id) or updates a reply; usage counts are kept on update. */
export async function saveReply(db: RepliesDatabase, input: { id?: string; draft: unknown }, now = Date.now()): Promise<SavedReply> {
  const { value, issues } = validateReplyDraft(input.draft);
  if (issues.length) throw new StoreError('invalid');
  return db.transaction('rw', db.replies, async () => {
    await assertShortcutFree(db, value.shortcut, input.id);
    if (!input.id) {
      const created = fromDraft(value, now);
      await db.replies.add(created);
      return created;
    }
    const current = await db.replies.get(input.id);
    if (!current) throw new StoreError('notFound');
    const { shortcut: _dropped, ...rest } = current;
    const updated: SavedReply = { ...rest, ...value, updatedAt: now };
    await db.replies.put(updated);
    return updated;
  });
}

/** Deletes replies and returns them, so the editor can undo. */
export async function deleteReplies(db: RepliesDatabase, ids: string[]): Promise<SavedReply[]> {
  return db.transaction('rw', db.replies, async () => {
    const found = (await db.replies.bulkGet(ids)).filter((r): r is SavedReply => !!r);
    await db.replies.bulkDelete(found.map((r) => r.id));
    return found;
  });
}

/** Puts deleted replies back as they were (undo). A shortcut taken meanwhile is dropped from the restored reply. */
export async function restoreReplies(db: RepliesDatabase, replies: SavedReply[]): Promise<number> {
  return db.transaction('rw', db.replies, async () => {
    for (const reply of replies) {
      if (!reply?.id || validateReplyDraft(reply).issues.length) throw new StoreError('invalid');
    }
    const restored: SavedReply[] = [];
    for (const reply of replies) {
      const taken = reply.shortcut && (await db.replies.where('shortcut').equals(reply.shortcut).count()) > 0;
      restored.push(taken ? { ...reply, shortcut: undefined } : reply);
    }
    await db.replies.bulkPut(restored);
    return restored.length;
  });
}

/** Adds imported replies, all or none. */
export async function importReplies(db: RepliesDatabase, drafts: unknown[], now = Date.now()): Promise<number> {
  const checked = drafts.map((d) => validateReplyDraft(d));
  if (checked.some((c) => c.issues.length)) throw new StoreError('invalid');
  return db.transaction('rw', db.replies, async () => {
    if ((await db.replies.count()) + checked.length > LIMITS.replies) throw new StoreError('tooMany');
    const seen = new Set<string>();
    for (const { value } of checked) {
      if (!value.shortcut) continue;
      if (seen.has(value.shortcut)) throw new StoreError('shortcutTaken');
      seen.add(value.shortcut);
      await assertShortcutFree(db, value.shortcut);
    }
    await db.replies.bulkAdd(checked.map(({ value }) => fromDraft(value, now)));
    return checked.length;
  });
}

/** Adds back the starter replies the library lacks (explicit user request). */
export async function addMissingStarters(db: RepliesDatabase, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.replies, async () => {
    const present = new Set((await db.replies.toArray()).map((r) => r.starterKey).filter(Boolean));
    const shortcuts = new Set((await db.replies.toArray()).map((r) => r.shortcut).filter(Boolean));
    const missing = STARTER_REPLIES.filter((s) => !present.has(s.starterKey));
    await db.replies.bulkAdd(
      missing.map(({ starterKey, ...draft }) =>
        fromDraft(draft.shortcut && shortcuts.has(draft.shortcut) ? { ...draft, shortcut: undefined } : draft, now, { starterKey }),
      ),
    );
    return missing.length;
  });
}

/** Records an insertion and counts it on the reply. */
export async function recordUsage(db: RepliesDatabase, input: { replyId: string; conversation: string }, now = Date.now()): Promise<string> {
  return db.transaction('rw', db.replies, db.usage, async () => {
    const reply = await db.replies.get(input.replyId);
    if (!reply) throw new StoreError('notFound');
    const id = newId();
    await db.usage.add({ id, replyId: reply.id, conversation: String(input.conversation).slice(0, 200), at: now, edited: null, sentAt: null });
    await db.replies.update(reply.id, { usageCount: reply.usageCount + 1, lastUsedAt: now });
    return id;
  });
}

/** Records whether the agent edited the inserted reply before sending it (a boolean only, never text). */
export async function recordOutcome(db: RepliesDatabase, input: { usageId: string; edited: boolean }, now = Date.now()): Promise<boolean> {
  const changed = await db.usage.update(input.usageId, { edited: input.edited === true, sentAt: now });
  return changed > 0;
}

export async function listUsage(db: RepliesDatabase, since = 0): Promise<UsageRecord[]> {
  return db.usage.where('at').aboveOrEqual(since).toArray();
}

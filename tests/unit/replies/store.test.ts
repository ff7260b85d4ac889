import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RepliesDatabase } from '../../../utils/replies/db';
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
import { STARTER_REPLIES } from '../../../utils/replies/starter';

let db: RepliesDatabase;
let n = 0;
beforeEach(() => {
  db = new RepliesDatabase(`test-replies-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const draft = (title: string, extra: Record<string, unknown> = {}) => ({ title, body: `Body of ${title}`, language: 'fr', tags: [], ...extra });

describe('starter set', () => {
  it('is seeded on first open of an empty library, in both languages', async () => {
    const replies = await listReplies(db);
    expect(replies).toHaveLength(STARTER_REPLIES.length);
    expect(new Set(replies.map((r) => r.language))).toEqual(new Set(['fr', 'en']));
  });

  it('is never re-seeded after the user deleted it', async () => {
    const replies = await listReplies(db);
    await deleteReplies(db, replies.map((r) => r.id));
    expect(await listReplies(db)).toEqual([]);
    expect(await ensureSeeded(db)).toBe(false);
    expect(await listReplies(db)).toEqual([]);
  });

  it('is not added to a library that already has replies', async () => {
    await db.replies.add({ id: 'mine', ...draft('Mine'), language: 'fr', tags: [], usageCount: 0, lastUsedAt: null, createdAt: 1, updatedAt: 1 });
    expect((await listReplies(db)).map((r) => r.id)).toEqual(['mine']);
  });

  it('can be added back on request, only what is missing', async () => {
    const replies = await listReplies(db);
    await deleteReplies(db, [replies[0]!.id]);
    expect(await addMissingStarters(db)).toBe(1);
    expect(await listReplies(db)).toHaveLength(STARTER_REPLIES.length);
  });
});

describe('editing', () => {
  it('creates, updates (keeping usage) and refuses invalid drafts', async () => {
    await ensureSeeded(db);
    const created = await saveReply(db, { draft: draft('Garantie', { shortcut: '/Garantie' }) }, 1000);
    expect(created).toMatchObject({ title: 'Garantie', shortcut: 'garantie', usageCount: 0, createdAt: 1000 });
    await recordUsage(db, { replyId: created.id, conversation: 'c1' }, 1500);
    const updated = await saveReply(db, { id: created.id, draft: draft('Garantie 2 ans') }, 2000);
    expect(updated).toMatchObject({ title: 'Garantie 2 ans', usageCount: 1, lastUsedAt: 1500, createdAt: 1000, updatedAt: 2000 });
    expect(updated.shortcut).toBeUndefined();
    await expect(saveReply(db, { draft: draft('') })).rejects.toThrow('invalid');
    await expect(saveReply(db, { id: 'nope', draft: draft('X') })).rejects.toThrow('notFound');
  });

  it('refuses a shortcut another reply uses', async () => {
    await ensureSeeded(db);
    await expect(saveReply(db, { draft: draft('Encore les horaires', { shortcut: 'horaires' }) })).rejects.toThrow('shortcutTaken');
  });

  it('undoes a delete exactly', async () => {
    const before = await listReplies(db);
    const deleted = await deleteReplies(db, [before[0]!.id, before[1]!.id]);
    expect(deleted).toHaveLength(2);
    expect(await restoreReplies(db, deleted)).toBe(2);
    expect(await listReplies(db)).toEqual(before);
  });
});

describe('import', () => {
  it('adds all rows', async () => {
    await ensureSeeded(db);
    expect(await importReplies(db, [draft('A'), draft('B', { shortcut: 'b' })])).toBe(2);
    expect(await db.replies.count()).toBe(STARTER_REPLIES.length + 2);
  });

  it('changes nothing when any row fails (nothing lost)', async () => {
    const before = await listReplies(db);
    await expect(importReplies(db, [draft('A'), draft('B', { shortcut: 'horaires' })])).rejects.toThrow('shortcutTaken');
    await expect(importReplies(db, [draft('A'), { title: 'no body' }])).rejects.toThrow('invalid');
    await expect(importReplies(db, [draft('A', { shortcut: 'x' }), draft('B', { shortcut: 'x' })])).rejects.toThrow('shortcutTaken');
    expect(await listReplies(db)).toEqual(before);
  });
});

describe('usage', () => {
  it('records insertions and whether they were edited, counting them on the reply', async () => {
    const [reply] = await listReplies(db);
    const usageId = await recordUsage(db, { replyId: reply!.id, conversation: 't_1' }, 5000);
    await recordUsage(db, { replyId: reply!.id, conversation: 't_2' }, 6000);
    expect(await recordOutcome(db, { usageId, edited: true }, 7000)).toBe(true);
    expect(await recordOutcome(db, { usageId: 'unknown', edited: false })).toBe(false);
    expect(await db.replies.get(reply!.id)).toMatchObject({ usageCount: 2, lastUsedAt: 6000 });
    const usage = await listUsage(db, 5500);
    expect(usage).toEqual([expect.objectContaining({ conversation: 't_2', edited: null })]);
    expect(await db.usage.get(usageId)).toMatchObject({ edited: true, sentAt: 7000, replyId: reply!.id });
    // Most used first.
    expect((await listReplies(db))[0]!.id).toBe(reply!.id);
    await expect(recordUsage(db, { replyId: 'gone', conversation: 'x' })).rejects.toThrow('notFound');
  });
});

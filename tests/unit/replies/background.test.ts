import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendMessage } from '../../../utils/messaging';
import { RepliesDatabase } from '../../../utils/replies/db';
import { INSERT_TOP_COMMAND, registerRepliesBackground } from '../../../components/features/replies/background';
import { libraryRevision } from '../../../utils/replies/revision';
import { STARTER_REPLIES } from '../../../utils/replies/starter';

let db: RepliesDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

function start() {
  let onCommand: ((command: string) => void) | null = null;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((fn) => void (onCommand = fn as (c: string) => void));
  db = new RepliesDatabase(`bg-${Math.random()}`);
  registerRepliesBackground(db);
  return { command: (c: string) => onCommand?.(c) };
}

describe('replies background', () => {
  it('serves the library (seeded) and summaries through messages', async () => {
    start();
    const { replies } = await sendMessage('replies:list', undefined);
    expect(replies).toHaveLength(STARTER_REPLIES.length);
    expect(Object.keys(replies[0]!).sort()).toEqual(expect.arrayContaining(['id', 'title', 'body', 'language', 'tags']));
  });

  it('seeds on install and bumps the revision on every change', async () => {
    start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await db!.replies.count()).toBe(STARTER_REPLIES.length));
    const before = await libraryRevision.getValue();
    const { reply } = await sendMessage('replies:save', { draft: { title: 'New', body: 'Text', language: 'en', tags: [] } });
    expect(await libraryRevision.getValue()).toBe(before + 1);
    const { deleted } = await sendMessage('replies:delete', { ids: [reply.id] });
    await sendMessage('replies:restore', { replies: deleted });
    expect((await sendMessage('replies:library', undefined)).replies.map((r) => r.id)).toContain(reply.id);
  });

  it('turns store errors into rejected messages with the code', async () => {
    start();
    await expect(sendMessage('replies:save', { draft: { title: '', body: '', language: 'en', tags: [] } })).rejects.toThrow('invalid');
  });

  it('records usage and outcome', async () => {
    start();
    const { replies } = await sendMessage('replies:list', undefined);
    const { usageId } = await sendMessage('replies:used', { replyId: replies[0]!.id, conversation: 't_9' });
    expect(await sendMessage('replies:outcome', { usageId, edited: false })).toEqual({ recorded: true });
    const { records } = await sendMessage('replies:usage', {});
    expect(records).toEqual([expect.objectContaining({ replyId: replies[0]!.id, conversation: 't_9', edited: false })]);
  });

  it('ranks suggestions where the library lives, and searches it', async () => {
    start();
    const { suggestions, librarySize } = await sendMessage('replies:suggest', { text: 'Bonjour, c’est quoi vos horaires samedi ?', locale: 'fr' });
    expect(librarySize).toBe(STARTER_REPLIES.length);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions[0]!.reply.title).toMatch(/Horaires/);
    expect(suggestions[0]!.matchedWords).toContain('horaires');
    expect((await sendMessage('replies:suggest', { text: '   ', locale: null })).suggestions).toEqual([]);
    const { replies } = await sendMessage('replies:search', { query: '/hor' });
    expect(replies.map((r) => r.title)).toEqual([expect.stringMatching(/Horaires/)]);
  });

  it('one corrupt saved reply is skipped: search and suggestions keep working with the others', async () => {
    start();
    await sendMessage('replies:list', undefined); // seeded
    await db!.replies.put({ id: 'corrupt', title: null, body: 42, language: 'xx', tags: 'nope', usageCount: 'many' } as never);
    await sendMessage('replies:delete', { ids: [] }); // any change: the library is read again
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { suggestions, librarySize } = await sendMessage('replies:suggest', { text: 'Bonjour, c’est quoi vos horaires samedi ?', locale: 'fr' });
    expect(librarySize).toBe(STARTER_REPLIES.length);
    expect(suggestions[0]!.reply.title).toMatch(/Horaires/);
    expect((await sendMessage('replies:search', { query: '/hor' })).replies.map((r) => r.title)).toEqual([expect.stringMatching(/Horaires/)]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 saved reply is corrupt and skipped/));
    // The options' editor gets the others too (sorting a record without a title would throw there).
    const { replies } = await sendMessage('replies:library', undefined);
    expect(replies.map((r) => r.id)).not.toContain('corrupt');
    expect(replies).toHaveLength(STARTER_REPLIES.length);
    warn.mockRestore();
  });

  it('answers from the changed library right after a change', async () => {
    start();
    expect((await sendMessage('replies:search', { query: 'zeppelin' })).replies).toEqual([]);
    await sendMessage('replies:save', { draft: { title: 'Zeppelin tours', body: 'Our zeppelin flies on Sundays.', language: 'en', tags: ['zeppelin'] } });
    expect((await sendMessage('replies:search', { query: 'zeppelin' })).replies.map((r) => r.title)).toEqual(['Zeppelin tours']);
    expect((await sendMessage('replies:suggest', { text: 'When does the zeppelin fly?', locale: 'en' })).suggestions[0]!.reply.title).toBe('Zeppelin tours');
  });

  it('gives the draft checks the saved replies’ bodies', async () => {
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    db = new RepliesDatabase(`bg-${Math.random()}`);
    const source = registerRepliesBackground(db);
    expect((await source.bodies()).sort()).toEqual(STARTER_REPLIES.map((r) => r.body).sort());
  });

  it('forwards the keyboard command to the active tab', async () => {
    const { command } = start();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as never]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { inserted: true } });
    command('something-else');
    expect(sent).not.toHaveBeenCalled();
    command(INSERT_TOP_COMMAND);
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(42, expect.objectContaining({ type: 'replies:insert-top' })));
  });
});

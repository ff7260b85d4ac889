import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScope } from '../../../utils/lifecycle/scope';
import { render } from 'preact';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing';
import { sendMessage } from '../../../utils/messaging';
import { RepliesDatabase } from '../../../utils/replies/db';
import { registerRepliesBackground } from '../../../components/features/replies/background';
import { repliesFeature } from '../../../components/features/replies/content';
import { fillPlaceholders } from '../../../utils/replies/placeholders';
import { uiLocale } from '../../../utils/i18n';
import { DEFAULT_GENERAL_SETTINGS } from '../../../utils/settings/general';
import type { InboxEvent, InboxSnapshot, InsertResult, OpenConversation } from '../../../utils/inbox/types';

let db: RepliesDatabase;
let root: HTMLElement;
let abort: AbortController;

function snapshotWith(open: OpenConversation | null, composerText = ''): InboxSnapshot {
  return {
    url: 'https://business.facebook.com/latest/inbox/all?asset_id=1',
    takenAt: 0,
    locale: 'fr',
    page: { assetId: '1', name: 'Boutique Lilas' },
    conversations: [],
    open,
    composer: { found: true, enabled: true, text: composerText, kind: 'lexical' },
    health: { found: { list: true, thread: true, composer: true }, missing: [], recognized: true },
  };
}

const conversation = (text: string): OpenConversation => ({
  id: 't_100',
  key: 't_100',
  customerName: 'Marie Dupont',
  messages: [{ key: 'm1', side: 'customer', agent: null, text, at: null }],
});

async function mount(open: OpenConversation | null) {
  const snapshot = signal(snapshotWith(open));
  const listeners: Array<(e: InboxEvent) => void> = [];
  const insertText = vi.fn(async (text: string, _options?: { conversation?: string | null }): Promise<InsertResult> => {
    snapshot.value = snapshotWith(snapshot.value.open, snapshot.value.composer.text + text);
    return { ok: true, method: 'beforeinput' };
  });
  abort = new AbortController();
  const scope = createScope({ id: 'replies', parent: abort.signal });
  const inbox = { snapshot, onEvent: (l: (e: InboxEvent) => void) => (listeners.push(l), () => undefined), openConversation: () => false, insertText };
  const general = signal({ ...DEFAULT_GENERAL_SETTINGS, agentName: 'Léa' });
  const { Panel } = (await repliesFeature.start({ scope, inbox, now: signal(0), wakeAt: () => () => undefined, general }))!;
  render(Panel ? <Panel /> : null, root);
  // With a conversation open the panel's chunk loads at once (first use): its search box is the combobox.
  if (open) await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-search"]')?.getAttribute('role')).toBe('combobox'));
  await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-notice"]')?.textContent ?? '').not.toMatch(/vide|empty/));
  return { snapshot, insertText, emit: (e: InboxEvent) => listeners.forEach((l) => l(e)) };
}

const items = () => [...root.querySelectorAll<HTMLElement>('[data-testid="replies-item"]')];

beforeEach(() => {
  uiLocale.value = 'fr';
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  db = new RepliesDatabase(`panel-${Math.random()}`);
  registerRepliesBackground(db);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  abort.abort();
  await db.delete();
});

describe('saved replies panel', () => {
  it('suggests the relevant reply with the matched words, and inserts it filled', async () => {
    const { insertText } = await mount(conversation('Bonjour, vous êtes ouverts samedi ? c’est quoi vos horaires'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    expect(items().length).toBeLessThanOrEqual(3);
    expect(items()[0]!.textContent).toContain('Horaires d’ouverture');
    expect(items()[0]!.querySelector('[data-testid="replies-matched"]')!.textContent).toContain('horaires');
    expect(items()[0]!.querySelector('.ip-replies-preview')!.textContent).toMatch(/^Bonjour Marie, nous sommes/);

    (items()[0]!.querySelector('[data-testid="replies-insert"]') as HTMLElement).click();
    await vi.waitFor(() => expect(insertText).toHaveBeenCalled());
    const [text, options] = insertText.mock.calls[0]!;
    expect(text).toMatch(/^Bonjour Marie, nous sommes ouverts/);
    expect(text).toContain('Léa');
    expect(text).not.toContain('{cursor}');
    expect(options).toEqual({ conversation: 't_100' });
    await vi.waitFor(async () => expect((await db.usage.toArray()).length).toBe(1));
  });

  it('records whether the inserted reply was edited before sending', async () => {
    const { snapshot, emit } = await mount(conversation('horaires ?'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    (items()[0]!.querySelector('[data-testid="replies-insert"]') as HTMLElement).click();
    await vi.waitFor(async () => expect((await db.usage.toArray()).length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    snapshot.value = snapshotWith(snapshot.value.open, `${snapshot.value.composer.text} Et bon week-end !`);
    emit({ kind: 'reply-sent', id: 'e1', pageId: '1', conversation: 't_100', customerName: 'Marie Dupont', at: Date.now(), agent: 'Léa', via: 'this-browser', precision: 'exact' });
    await vi.waitFor(async () => expect((await db.usage.toArray())[0]).toMatchObject({ edited: true }));
    const [usage] = await db.usage.toArray();
    expect(JSON.stringify(usage)).not.toContain('week-end');
  });

  it('shows nothing for an unrelated message, and says so', async () => {
    await mount(conversation('J’adore la photo de votre chat'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-notice"]')!.textContent).toMatch(/Aucune réponse/));
    expect(items()).toHaveLength(0);
  });

  it('searches the library, /shortcut finds by shortcut, arrows and Enter insert', async () => {
    const { insertText } = await mount(conversation('merci'));
    const input = root.querySelector<HTMLInputElement>('[data-testid="replies-search"]')!;
    input.value = '/livr';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(items().map((i) => i.textContent)).toEqual([expect.stringContaining('Délais de livraison')]));

    input.value = 'retour';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(1));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await vi.waitFor(() => expect(items()[1]!.getAttribute('aria-selected')).toBe('true'));
    const chosen = items()[1]!.dataset.replyId;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(insertText).toHaveBeenCalledTimes(1));
    const reply = (await sendMessage('replies:list', undefined)).replies.find((r) => r.id === chosen)!;
    const filled = fillPlaceholders(reply.body, { customerName: 'Marie Dupont', agentName: 'Léa', pageName: 'Boutique Lilas' });
    expect(insertText.mock.calls[0]![0]).toBe(filled.text);
  });

  it('inserts the top suggestion on the keyboard command', async () => {
    const { insertText } = await mount(conversation('Mon colis n’est toujours pas arrivé'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    const answer = await fakeBrowser.runtime.sendMessage({ app: 'inbox-pilot', type: 'replies:insert-top', data: undefined });
    expect(answer).toEqual({ ok: true, value: { inserted: true } });
    expect(insertText).toHaveBeenCalledTimes(1);
  });

  it('loads on first use (issue 14): nothing asked while no conversation is open; opening one loads and suggests', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { snapshot } = await mount(null);
    expect(root.querySelector('[data-testid="replies-notice"]')!.textContent).toMatch(/Ouvrez une conversation/);
    await new Promise((r) => setTimeout(r, 50));
    expect(root.querySelector('[data-testid="replies-search"]')!.getAttribute('role')).toBeNull(); // still the stand-in
    expect(sent.mock.calls.filter(([m]) => (m as { type: string }).type === 'replies:suggest')).toEqual([]);
    snapshot.value = snapshotWith(conversation('Mon colis n’est toujours pas arrivé'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
  });

  it('loads when the agent reaches for the search box: the panel’s box takes the focus and what was typed', async () => {
    await mount(null);
    const standin = root.querySelector<HTMLInputElement>('[data-testid="replies-search"]')!;
    standin.focus();
    standin.value = '/livr';
    standin.dispatchEvent(new FocusEvent('focus'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-search"]')?.getAttribute('role')).toBe('combobox'));
    const input = root.querySelector<HTMLInputElement>('[data-testid="replies-search"]')!;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('/livr');
    await vi.waitFor(() => expect(items().map((i) => i.textContent)).toEqual([expect.stringContaining('Délais de livraison')]));
  });

  it('searches once per pause in typing, not once per key', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await mount(conversation('horaires ?'));
    const input = root.querySelector<HTMLInputElement>('[data-testid="replies-search"]')!;
    for (const q of ['r', 're', 'ret', 'reto', 'retou', 'retour']) {
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(1));
    const searches = sent.mock.calls.map(([m]) => m as { type: string; data: { query: string } }).filter((m) => m.type === 'replies:search');
    expect(searches.map((m) => m.data.query)).toEqual(['retour']);
  });

  it('never loads the library into the content script: it asks for suggestions and searches', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await mount(conversation('horaires ?'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    const input = root.querySelector<HTMLInputElement>('[data-testid="replies-search"]')!;
    input.value = 'retour';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(1));
    const types = new Set(sent.mock.calls.map(([m]) => (m as { type: string }).type));
    expect(types).toEqual(new Set(['replies:suggest', 'replies:search']));
  });

  it('asks again when the customer writes or the library changes', async () => {
    const { snapshot } = await mount(conversation('J’adore la photo de votre chat'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-notice"]')!.textContent).toMatch(/Aucune réponse/));
    snapshot.value = snapshotWith(conversation('Mon colis n’est toujours pas arrivé'));
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    snapshot.value = snapshotWith(conversation('Quand vole le zeppelin ?'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-notice"]')?.textContent).toMatch(/Aucune réponse/));
    // Same customer text; the library changes (options page): the suggestions follow.
    await sendMessage('replies:save', { draft: { title: 'Zeppelin', body: 'Le zeppelin vole le dimanche.', language: 'fr', tags: ['zeppelin'] } });
    await vi.waitFor(() => expect(items()[0]?.textContent).toContain('Zeppelin'));
  });

  it('shows why an insertion failed', async () => {
    const { insertText } = await mount(conversation('horaires ?'));
    insertText.mockResolvedValueOnce({ ok: false, reason: 'disabled' });
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(0));
    (items()[0]!.querySelector('[data-testid="replies-insert"]') as HTMLElement).click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="replies-status"]')!.textContent).toMatch(/désactivée/));
    expect(await db.usage.count()).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { RepliesDatabase } from '../../../utils/replies/db';
import { registerRepliesBackground } from '../../../components/features/replies/background';
import { RepliesSection } from '../../../components/features/replies/options';
import { uiLocale } from '../../../utils/i18n';
import { STARTER_REPLIES } from '../../../utils/replies/starter';

let db: RepliesDatabase;
let root: HTMLElement;

beforeEach(async () => {
  uiLocale.value = 'en';
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  db = new RepliesDatabase(`editor-${Math.random()}`);
  registerRepliesBackground(db);
  root = document.createElement('div');
  document.body.append(root);
  render(<RepliesSection />, root);
  await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length));
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid="replies-row"]')];
const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const button = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => b.textContent === label)!;

async function chooseFile(name: string, content: string) {
  const input = $<HTMLInputElement>('[data-testid="replies-import-file"]');
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('library editor', () => {
  it('creates a reply, with validation errors first', async () => {
    $<HTMLButtonElement>('[data-testid="replies-add"]').click();
    await vi.waitFor(() => expect($('[data-testid="reply-form"]')).toBeTruthy());
    $<HTMLButtonElement>('[data-testid="reply-save"]').click();
    await vi.waitFor(() => expect(root.querySelectorAll('[role="alert"]').length).toBeGreaterThan(1));
    type($('#reply-title'), 'Warranty');
    type($('#reply-body'), 'Two years, {first_name}.');
    type($('#reply-shortcut'), 'hours');
    $<HTMLButtonElement>('[data-testid="reply-save"]').click();
    await vi.waitFor(() => expect($('#reply-shortcut-error').textContent).toMatch(/already uses/));
    type($('#reply-shortcut'), '/warranty');
    $<HTMLButtonElement>('[data-testid="reply-save"]').click();
    await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length + 1));
    expect(await db.replies.where('shortcut').equals('warranty').count()).toBe(1);
  });

  it('edits and duplicates', async () => {
    const first = rows()[0]!;
    button(first, 'Edit').click();
    await vi.waitFor(() => expect($('#reply-title')).toBeTruthy());
    type($('#reply-title'), 'Edited title');
    $<HTMLButtonElement>('[data-testid="reply-save"]').click();
    await vi.waitFor(() => expect(rows().some((r) => r.textContent!.includes('Edited title'))).toBe(true));
    button(rows().find((r) => r.textContent!.includes('Edited title'))!, 'Duplicate').click();
    await vi.waitFor(() => expect($<HTMLInputElement>('#reply-title').value).toBe('Edited title (copy)'));
    expect($<HTMLInputElement>('#reply-shortcut').value).toBe('');
    $<HTMLButtonElement>('[data-testid="reply-save"]').click();
    await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length + 1));
  });

  it('deletes with undo', async () => {
    const before = await db.replies.toArray();
    const title = rows()[0]!.querySelector('strong')!.textContent!;
    $<HTMLButtonElement>('[data-testid="replies-delete"]').click();
    await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length - 1));
    expect($('[data-testid="replies-status"]').textContent).toContain(title);
    $<HTMLButtonElement>('[data-testid="replies-undo"]').click();
    await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length));
    expect((await db.replies.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('searches and sorts by use', async () => {
    type($('[data-testid="replies-filter"]'), 'livraison');
    await vi.waitFor(() => expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Délais de livraison')]));
    type($('[data-testid="replies-filter"]'), '');
    const target = await db.replies.filter((r) => r.starterKey === 'away-en').first();
    await db.replies.update(target!.id, { usageCount: 9, lastUsedAt: Date.now() });
    // A change made elsewhere shows up through the revision watch.
    await fakeBrowser.storage.local.set({ 'replies.revision': 99 });
    await vi.waitFor(() => expect(rows()[0]!.dataset.replyId).toBe(target!.id));
  });

  it('a partial CSV shows errors per row and imports nothing until confirmed', async () => {
    await chooseFile('team.csv', 'title;body;language\nGift cards;Valid one year.;en\nBroken;;en\nOther;Text;xx\n');
    await vi.waitFor(() => expect($('[data-testid="replies-import-review"]')).toBeTruthy());
    const errors = $('[data-testid="replies-import-errors"]').textContent!;
    expect(errors).toContain('Row 2 (line 3)');
    expect(errors).toContain('Row 3 (line 4)');
    expect(await db.replies.count()).toBe(STARTER_REPLIES.length);
    $<HTMLButtonElement>('[data-testid="replies-import-confirm"]').click();
    await vi.waitFor(() => expect(rows().length).toBe(STARTER_REPLIES.length + 1));
    expect($('[data-testid="replies-import-status"]').textContent).toContain('1 replies imported');
  });

  it('a broken file is refused with a clear error and changes nothing', async () => {
    await chooseFile('team.json', '{"format": "inbox-pilot/saved-replies", "version": 3, "replies": []}');
    await vi.waitFor(() => expect($('[data-testid="replies-import-status"]').textContent).toMatch(/version 3/));
    expect(root.querySelector('[data-testid="replies-import-confirm"]')).toBeNull();
    expect(await db.replies.count()).toBe(STARTER_REPLIES.length);
  });
});

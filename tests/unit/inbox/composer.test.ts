import { describe, expect, it } from 'vitest';
import { insertIntoComposer } from '../../../utils/inbox/composer';
import { buildInbox, h } from './build';
import { loadFixture } from './fixtures';

describe('insertIntoComposer', () => {
  it('writes into a textarea with the native setter and an input event', async () => {
    loadFixture('older-textarea.html');
    const textarea = document.querySelector('textarea')!;
    const inputs: string[] = [];
    textarea.addEventListener('input', () => inputs.push(textarea.value));
    expect(await insertIntoComposer(document, 'Hello Alice')).toEqual({ ok: true, method: 'native-setter' });
    expect(textarea.value).toBe('Hello Alice');
    textarea.setSelectionRange(5, 5);
    expect(await insertIntoComposer(document, ',')).toEqual({ ok: true, method: 'native-setter' });
    expect(textarea.value).toBe('Hello, Alice');
    expect(await insertIntoComposer(document, 'Replaced', { replaceAll: true })).toEqual({ ok: true, method: 'native-setter' });
    expect(inputs).toEqual(['Hello Alice', 'Hello, Alice', 'Replaced']);
  });

  it('uses beforeinput for a Lexical-like editor and reads it back', async () => {
    const dom = buildInbox();
    expect(await insertIntoComposer(document, 'Bonjour')).toEqual({ ok: true, method: 'beforeinput' });
    expect((dom.composer as unknown as { model: string }).model).toBe('Bonjour');
  });

  it('reports an editor that accepts nothing, a disabled one, a missing one, and a changed conversation', async () => {
    const dom = buildInbox();
    const deaf = h('div', { contenteditable: 'true', role: 'textbox', 'data-lexical-editor': 'true' });
    dom.composer.replaceWith(deaf);
    deaf.addEventListener('beforeinput', (e) => e.preventDefault());
    deaf.addEventListener('paste', (e) => e.preventDefault());
    expect(await insertIntoComposer(document, 'x')).toEqual({ ok: false, reason: 'rejected' });
    deaf.setAttribute('contenteditable', 'false');
    expect(await insertIntoComposer(document, 'x')).toEqual({ ok: false, reason: 'disabled' });
    deaf.remove();
    expect(await insertIntoComposer(document, 'x')).toEqual({ ok: false, reason: 'no-composer' });
    buildInbox();
    expect(await insertIntoComposer(document, 'x', { stillExpected: () => false })).toEqual({ ok: false, reason: 'wrong-conversation' });
  });

  it('never presses Send', async () => {
    const dom = buildInbox();
    const keys: string[] = [];
    document.addEventListener('keydown', (e) => keys.push(e.key));
    dom.composer.parentElement!.append(h('div', { role: 'button', 'aria-label': 'Send' }));
    const clicks: number[] = [];
    document.querySelector('[aria-label="Send"]')!.addEventListener('click', () => clicks.push(1));
    await insertIntoComposer(document, 'Line 1\nLine 2');
    expect(keys).toEqual([]);
    expect(clicks).toEqual([]);
  });
});

import { findFirst } from './dom';
import { composerEnabled, composerText } from './snapshot';
import type { InsertResult } from './types';

/**
 * Writing into Meta's composer the way its editor accepts input. Setting
 * innerHTML/innerText is never done: Lexical (and Draft.js) keep their own
 * model, revert foreign DOM changes, and would send an empty message.
 * Order for an editor: a `beforeinput` InputEvent, then
 * `document.execCommand('insertText')` (the browser edits the DOM itself and
 * fires a trusted `input`, which Lexical takes into its model), then a
 * synthetic paste. The beforeinput is dispatched from
 * the content script's isolated world: a DOM event is one object seen by both
 * worlds, and Chromium passes its `data` to the page's listeners (the e2e
 * spec proves it on the Lexical-like sim). A main-world script was tried and
 * dropped: every content script stays in the isolated world (security test),
 * and it would only matter in Firefox, where page listeners may not read data
 * of events built by an extension (execCommand then takes over). For a textarea: the native value
 * setter plus an `input` event, which React's onChange listens to. Each step
 * is read back; a step that changed the text but not as asked stops the
 * chain (trying more would insert twice). Send is never pressed.
 */

export interface InsertOptions {
  replaceAll?: boolean;
  /** Returns true while the open conversation is still the one the caller meant. */
  stillExpected?: () => boolean;
}

const normalize = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200b\ufeff]/g, '');

function wait(win: Window, ms = 0): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, ms));
}

/** Puts the caret where the text goes: everything selected (replaceAll), the agent's caret if it is inside, else the end. */
function placeSelection(doc: Document, el: Element, replaceAll: boolean): void {
  const sel = doc.getSelection();
  if (!sel) return;
  if (!replaceAll && sel.rangeCount > 0 && el.contains(sel.anchorNode) && el.contains(sel.focusNode)) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  if (!replaceAll) range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** The beforeinput Meta's editor handles for typed text (also what the main-world script dispatches). */
export function dispatchBeforeInput(el: Element, text: string, win: Window): void {
  const target = el as HTMLElement;
  target.focus();
  let event: InputEvent;
  try {
    event = new (win as unknown as typeof globalThis).InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true });
  } catch {
    return;
  }
  target.dispatchEvent(event);
}

export async function insertIntoComposer(doc: Document, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  const win = doc.defaultView;
  if (!win) return { ok: false, reason: 'no-composer' };
  const replaceAll = options.replaceAll ?? false;
  const stillExpected = options.stillExpected ?? (() => true);
  const find = () => findFirst(doc, 'composer').value;

  let el = find();
  if (!el) return { ok: false, reason: 'no-composer' };
  if (!composerEnabled(el)) return { ok: false, reason: 'disabled' };
  if (!stillExpected()) return { ok: false, reason: 'wrong-conversation' };

  const wanted = normalize(text);
  if (el.tagName === 'TEXTAREA') return insertIntoTextarea(el as HTMLTextAreaElement, text, replaceAll, win);

  const before = normalize(composerText(el));
  const isDone = (after: string) =>
    replaceAll ? after === wanted || after.trim() === wanted.trim() : after.length === before.length + wanted.length && after.includes(wanted);

  type Step = { method: 'beforeinput' | 'execCommand' | 'paste'; run: (el: Element) => Promise<void> };
  const steps: Step[] = [
    {
      method: 'beforeinput',
      run: async (target) => dispatchBeforeInput(target, text, win),
    },
    {
      method: 'execCommand',
      run: async () => {
        // Deprecated, but the browser's own edit: editors accept its trusted `input` event.
        doc.execCommand('insertText', false, text);
      },
    },
    {
      method: 'paste',
      run: async (target) => {
        const data = new (win as unknown as typeof globalThis).DataTransfer();
        data.setData('text/plain', text);
        target.dispatchEvent(new (win as unknown as typeof globalThis).ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      },
    },
  ];

  for (const step of steps) {
    el = find();
    if (!el || !composerEnabled(el)) return { ok: false, reason: el ? 'disabled' : 'no-composer' };
    if (!stillExpected()) return { ok: false, reason: 'wrong-conversation' };
    (el as HTMLElement).focus();
    placeSelection(doc, el, replaceAll);
    // Editors read the selection on `selectionchange`, which fires on a later task.
    await wait(win, 0);
    try {
      await step.run(el);
    } catch {
      // a step the browser does not support: try the next one
    }
    // Lexical commits its update on a microtask; a re-render may take a frame.
    for (const delay of [0, 16, 50]) {
      await wait(win, delay);
      const now = find();
      if (!now) return { ok: false, reason: 'no-composer' };
      const after = normalize(composerText(now));
      if (isDone(after)) return { ok: true, method: step.method };
      if (after !== before && delay === 50) return { ok: false, reason: 'rejected' };
    }
  }
  return { ok: false, reason: 'rejected' };
}

function insertIntoTextarea(el: HTMLTextAreaElement, text: string, replaceAll: boolean, win: Window): InsertResult {
  el.focus();
  const value = el.value;
  const start = replaceAll ? 0 : (el.selectionStart ?? value.length);
  const end = replaceAll ? value.length : (el.selectionEnd ?? value.length);
  const next = value.slice(0, start) + text + value.slice(end);
  // React tracks the value through the prototype's setter: the instance setter would be swallowed.
  const setter = Object.getOwnPropertyDescriptor((win as unknown as typeof globalThis).HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) return { ok: false, reason: 'rejected' };
  setter.call(el, next);
  el.dispatchEvent(new (win as unknown as typeof globalThis).Event('input', { bubbles: true }));
  const caret = start + text.length;
  try {
    el.setSelectionRange(caret, caret);
  } catch {
    // detached or hidden: the value is what matters
  }
  return el.value === next ? { ok: true, method: 'native-setter' } : { ok: false, reason: 'rejected' };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageRowMemo, messageRowSignature, takeSnapshot } from '../../../utils/inbox/snapshot';
import { loadFixture } from './fixtures';

/**
 * Issue 14's idle cost: a 2026 thread re-rendered with new nodes (Meta ages its time tokens; the sim
 * re-renders every 30 s) is not read row by row again when its messages did not change. The memo is
 * keyed by message id and a signature of the row: whatever the row looks like, a reading with the memo
 * must equal a cold reading of the same page.
 */
const TZ = 'Europe/Paris';
const PAGES = ['sim-2026-en.html', 'sim-2026-fr.html', 'hand-2026-en.html'];

/** The thread's rows replaced by copies (new nodes, same markup), as a full re-render does. */
function rerender(doc: Document) {
  const rows = [...doc.querySelectorAll('[data-message-id]')];
  const parent = rows.at(-1)!.parentElement!;
  parent.replaceChildren(...[...parent.children].map((c) => c.cloneNode(true)));
  return [...doc.querySelectorAll('[data-message-id]')];
}

/** Message rows whose content is searched (their bubble text) during `read`. */
function rowsSearched(read: () => void): number {
  const searched = new Set<Element>();
  const qs = Element.prototype.querySelector;
  const spy = vi.spyOn(Element.prototype, 'querySelector').mockImplementation(function (this: Element, sel: string) {
    if (this.hasAttribute('data-message-id') && sel.includes('dir=')) searched.add(this);
    return qs.call(this, sel);
  });
  try {
    read();
  } finally {
    spy.mockRestore();
  }
  return searched.size;
}

afterEach(() => vi.restoreAllMocks());

describe.each(PAGES)('%s: message rows re-rendered with new nodes', (name) => {
  const setup = () => {
    const f = loadFixture(name);
    const memo = new MessageRowMemo();
    const read = () => takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ, messageRows: memo });
    const cold = () => takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ });
    return { f, memo, read, cold };
  };

  it('are not read again when nothing changed, and read the same as a cold read', () => {
    const { memo, read, cold } = setup();
    const first = read();
    expect(first).toEqual(cold());
    expect(first.open!.messages.length).toBeGreaterThan(3);
    expect(memo.size).toBeGreaterThan(3);
    rerender(document);
    let again: ReturnType<typeof read> | null = null;
    expect(rowsSearched(() => (again = read()))).toBe(0);
    expect(again).toEqual(cold());
    // Without the memo every row is searched again.
    expect(rowsSearched(cold)).toBeGreaterThan(3);
  });

  it('a changed text, a lost "You sent" marker, a moved avatar or an attachment are read again', () => {
    const { read, cold } = setup();
    read();
    const rows = rerender(document);
    const page = rows.filter((r) => r.querySelector('span') && /sent|envoy/i.test(r.querySelector('span')!.textContent ?? ''));
    const withAvatar = rows.filter((r) => r.querySelector('img[alt]:not([alt=""])'));
    const text = rows.filter((r) => r.querySelector('div[dir="auto"]'));
    expect(page.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(1);
    // Unsent: same id, another text.
    text.at(-1)!.querySelector('div[dir="auto"]')!.textContent = 'Removed by the customer';
    // The Page's row loses its marker: now the customer's.
    page[0]!.querySelector('span')!.remove();
    // An avatar moves to the previous row (a run that ends earlier).
    if (withAvatar.length) {
      const img = withAvatar[0]!.querySelector('img[alt]:not([alt=""])')!;
      const i = rows.indexOf(withAvatar[0]!);
      if (i > 0) rows[i - 1]!.prepend(img);
    }
    // A bubble becomes an attachment (no text, an image labelled "Attachment").
    const bubble = text[0]!.querySelector('div[dir="auto"]')!;
    bubble.replaceWith(Object.assign(document.createElement('img'), { alt: 'Attachment' }));
    const withMemo = read();
    expect(withMemo).toEqual(cold());
    expect(withMemo.open!.messages.some((m) => m.text === 'Removed by the customer')).toBe(true);
  });
});

describe('MessageRowMemo', () => {
  it('gives a reading back only under the same id and signature', () => {
    const memo = new MessageRowMemo();
    const read = { message: null, avatar: true };
    memo.set('mid.1', 'a', read);
    expect(memo.get('mid.1', 'a')).toBe(read);
    expect(memo.get('mid.1', 'b')).toBeNull();
    expect(memo.get('mid.2', 'a')).toBeNull();
  });

  it('keeps the most recently used entries, at most its bound', () => {
    const memo = new MessageRowMemo(3);
    for (const id of ['1', '2', '3']) memo.set(id, 's', { message: null, avatar: false });
    memo.get('1', 's'); // used: stays
    memo.set('4', 's', { message: null, avatar: false });
    expect(memo.size).toBe(3);
    expect(memo.get('2', 's')).toBeNull();
    expect(memo.get('1', 's')).not.toBeNull();
    for (let i = 0; i < 1000; i++) memo.set(`x${i}`, 's', { message: null, avatar: false });
    expect(memo.size).toBe(3);
  });
});

describe('messageRowSignature', () => {
  const row = (html: string) => {
    const el = document.createElement('div');
    el.setAttribute('data-message-id', 'mid.$x');
    el.innerHTML = html;
    return el;
  };
  it('changes with the text, a tag, dir, alt, the structure, or where a text sits', () => {
    const base = row('<span>You sent</span><div><div dir="auto">Hello</div></div>');
    const same = messageRowSignature(row('<span>You sent</span><div><div dir="auto">Hello</div></div>'));
    expect(messageRowSignature(base)).toBe(same);
    for (const other of [
      '<span>You sent</span><div><div dir="auto">Hello!</div></div>',
      '<div>You sent</div><div><div dir="auto">Hello</div></div>',
      '<span>You sent</span><div><div>Hello</div></div>',
      '<span>You sent</span><div><span dir="auto">Hello</span></div>',
      '<span>You sent</span><div><div dir="auto">Hello</div><img alt="Attachment"></div>',
      '<span>You sent</span><div><div dir="auto">Hello</div><img alt="Ana"></div>',
      '<span>You sent</span><div dir="auto">Hello</div>',
      '<span>You sentHello</span><div><div dir="auto"></div></div>',
      '<span>You sent</span><div>H<div dir="auto">ello</div></div>',
    ]) {
      expect(messageRowSignature(row(other)), other).not.toBe(same);
    }
  });
});

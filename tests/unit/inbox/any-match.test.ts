import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyMatch, findAll, findFirst } from '../../../utils/inbox/dom';
import { SELECTORS, type SelectorKind } from '../../../utils/inbox/selectors';
import { readRowSubtree } from '../../../utils/inbox/snapshot';
import { FIXTURE_NAMES, loadFixture } from './fixtures';

/**
 * Issue 11: a list row's bold name (rowUnread) is asked of all its alternatives in one search. Which
 * alternative matches does not change a yes/no answer when they share their test, so the answer must be
 * the ordered search's, on every row of every fixture, and for every kind of the table.
 */
afterEach(() => vi.restoreAllMocks());

const searches = (read: () => unknown) => {
  const qs = vi.spyOn(Element.prototype, 'querySelector');
  const qsa = vi.spyOn(Element.prototype, 'querySelectorAll');
  const value = read();
  const n = qs.mock.calls.length + qsa.mock.calls.length;
  qs.mockRestore();
  qsa.mockRestore();
  return { value, n };
};

/** Searches of a whole plain 2026 row's reading (readRowSubtree) below: title, avatar, time, preview, bold, selection, link. */
const READ_ROW_SEARCHES = 11;

describe('anyMatch', () => {
  it.each(FIXTURE_NAMES)('%s: the same answer as the ordered search, for every list row and every kind', (name) => {
    const f = loadFixture(name);
    const list = findFirst(f.doc, 'list').value;
    const rows = list ? findAll(list, 'row').value : [];
    for (const root of [f.doc.body, ...rows]) {
      for (const kind of Object.keys(SELECTORS) as SelectorKind[]) {
        expect([kind, anyMatch(root, kind)]).toEqual([kind, findFirst(root, kind).value !== null]);
      }
    }
  });

  it('the fixtures hold bold and plain 2026 rows (the test above sees both answers)', () => {
    const f = loadFixture('sim-2026-en.html');
    const rows = findAll(findFirst(f.doc, 'list').value!, 'row').value;
    const answers = rows.map((r) => anyMatch(r, 'rowUnread'));
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('a row whose name is not bold: one search of the row, not two per alternative (6 here)', () => {
    document.body.innerHTML =
      '<div role="presentation"><span data-surface="/inbox/thread_row3/lib:thread_title" style="display: contents"><div style="font-weight: 400">Ana</div></span><span dir="auto">Hello</span></div>';
    const row = document.body.firstElementChild!;
    expect(searches(() => findFirst(row, 'rowUnread').value !== null)).toEqual({ value: false, n: 6 });
    expect(searches(() => anyMatch(row, 'rowUnread'))).toEqual({ value: false, n: 1 });
    // The row's whole reading asks for its bold once (it made 5 searches more with the ordered search), and for its selection (1 more).
    expect(searches(() => readRowSubtree(row)).n).toBe(READ_ROW_SEARCHES);
    (row.querySelector('[dir="auto"]') as HTMLElement).style.fontWeight = '700';
    expect(searches(() => anyMatch(row, 'rowUnread'))).toEqual({ value: true, n: 1 });
  });

  it('kinds whose alternatives differ in test or map keep the ordered search', () => {
    document.body.innerHTML = '<div><a href="?selected_item_id=1">x</a></div>';
    // list: its last alternative maps to the parent; row: tests; both answer as findFirst does.
    for (const kind of ['list', 'row', 'rowTime'] as const) expect(anyMatch(document, kind)).toBe(findFirst(document, kind).value !== null);
  });
});

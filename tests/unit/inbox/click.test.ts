import { afterEach, describe, expect, it } from 'vitest';
import { isActionControl, safeClick } from '../../../utils/inbox/click';
import { createInboxSource } from '../../../utils/inbox/live';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import { FIXTURE_NAMES, loadFixture } from './fixtures';

/**
 * Issue 11: on the 2026 page a row's hover grid holds "Done" / "Mark as follow up"; a click there
 * moves the customer's conversation to Done (and out of Meta's metrics). Nothing the adapter reads
 * as a row or a title may be in it, and the one function that clicks refuses it.
 */
const GRID = '[role="grid"], [role="gridcell"], [role="grid"] [role="row"]';

describe('the click guard', () => {
  it('refuses the action grid, its cells, its row link, buttons and row-action labels, in EN and FR', () => {
    for (const name of ['hand-2026-en.html', 'hand-2026-fr.html']) {
      const { doc } = loadFixture(name);
      const grid = [...doc.querySelectorAll(GRID)];
      const buttons = [...doc.querySelectorAll('[role="button"]')];
      expect(grid.length).toBeGreaterThan(10);
      const clicks: Element[] = [];
      doc.addEventListener('click', (e) => clicks.push(e.target as Element), { capture: true });
      for (const el of [...grid, ...buttons]) {
        expect(isActionControl(el), el.outerHTML.slice(0, 80)).toBe(true);
        expect(safeClick(el)).toBe(false);
      }
      expect(clicks).toEqual([]);
      // A labelled element that is not a button is refused too.
      const labelled = doc.createElement('span');
      labelled.setAttribute('aria-label', name.includes('fr') ? 'Terminé' : 'Done');
      doc.body.append(labelled);
      expect(safeClick(labelled)).toBe(false);
      // Something plain inside a row is clickable.
      const title = doc.querySelector('[data-surface*="thread_title"]')!;
      expect(safeClick(title)).toBe(true);
      expect(clicks).toEqual([title]);
    }
  });

  it('refuses detached elements and nothing', () => {
    expect(safeClick(null)).toBe(false);
    expect(safeClick(document.createElement('div'))).toBe(false);
  });
});

describe('rows and titles never come from an action area', () => {
  it.each(FIXTURE_NAMES)('%s', (name) => {
    const f = loadFixture(name);
    const s = takeSnapshot(f.doc, f.url, f.now, { timeZone: 'Europe/Paris' });
    const actions = ['done', 'terminé', 'mark as follow up', 'marquer pour le suivi', 'move to done', 'remove follow up'];
    for (const row of s.conversations) {
      expect(row.customerName, JSON.stringify(row)).toBeTruthy();
      expect(actions).not.toContain(row.customerName!.toLowerCase());
      expect(actions).not.toContain(row.preview.toLowerCase());
    }
  });

  it('reads one row per presentation wrapper on the 2026 page, not one per grid', () => {
    const f = loadFixture('hand-2026-en.html');
    const s = takeSnapshot(f.doc, f.url, f.now, { timeZone: 'Europe/Paris' });
    expect(s.conversations).toHaveLength(f.doc.querySelectorAll('[role="presentation"]').length);
    expect(s.health.via?.row).toContain('thread_row');
  });
});

describe('openConversation on the 2026 page', () => {
  let abort: AbortController | null = null;
  afterEach(() => abort?.abort());

  it('opens every row by its title and never clicks the action grid, the header actions or a button', async () => {
    for (const name of ['hand-2026-en.html', 'hand-2026-fr.html']) {
      const f = loadFixture(name);
      abort = new AbortController();
      const ctx = { signal: abort.signal, onInvalidated: (cb: () => void) => abort!.signal.addEventListener('abort', cb) };
      const source = createInboxSource(ctx as never, { doc: f.doc, timeZone: 'Europe/Paris', now: () => f.now });
      const clicked: Element[] = [];
      f.doc.addEventListener('click', (e) => clicked.push(e.target as Element), { capture: true });
      const rows = source.snapshot.value.conversations;
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) expect(source.openConversation(row.key)).toBe(true);
      expect(clicked).toHaveLength(rows.length);
      for (const el of clicked) {
        expect(el.closest('[role="grid"], [role="gridcell"], [role="button"], button')).toBeNull();
        expect(el.closest('[role="presentation"]')).not.toBeNull();
      }
      expect(source.openConversation('no-such-conversation')).toBe(false);
      abort.abort();
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFirst, findLive, type PartHints } from '../../../utils/inbox/dom';
import { readPageName, takeSnapshot } from '../../../utils/inbox/snapshot';
import { loadFixture } from './fixtures';

/**
 * Issue 11: the live source remembers which alternative found the message list on this page, and tries
 * it first: on the 2026 layout the pagelet alternative misses, and each miss is a walk of the whole page.
 * A layout change must still show: once that alternative stops matching, every one is tried in order.
 */
afterEach(() => vi.restoreAllMocks());

/** Walks of the document by `method` (findLive: querySelectorAll; findFirst: querySelector) while `read` runs. */
const walks = (read: () => unknown, method: 'querySelectorAll' | 'querySelector' = 'querySelectorAll') => {
  const spy = vi.spyOn(document, method);
  const value = read();
  const n = spy.mock.calls.length;
  spy.mockRestore();
  return { value, n };
};

describe('findFirst with the part hints of a page (the Page name)', () => {
  const searches = (read: () => unknown) => walks(read, 'querySelector');

  it('the alternative that matched is tried first: one walk instead of two when the heading is missing', () => {
    document.body.innerHTML = '<div role="banner"><img alt="Maison Lune" src="data:,"></div><div role="main"></div>';
    const hints: PartHints = new Map();
    expect(searches(() => readPageName(document, hints))).toEqual({ value: 'Maison Lune', n: 2 });
    expect(hints.get('pageName')).toBe(1);
    expect(searches(() => readPageName(document, hints))).toEqual({ value: 'Maison Lune', n: 1 });
    // Without hints (takeSnapshot), the ordered search as before.
    expect(searches(() => readPageName(document))).toEqual({ value: 'Maison Lune', n: 2 });
  });

  it('a layout change: the remembered alternative no longer matches, the ordered search finds what matches now', () => {
    document.body.innerHTML = '<div role="banner"><img alt="Maison Lune" src="data:,"></div>';
    const hints: PartHints = new Map();
    readPageName(document, hints);
    document.body.innerHTML = '<div role="banner"><div role="heading">Maison Soleil</div></div>';
    expect(findFirst(document, 'pageName', hints)).toMatchObject({ via: 0 });
    expect(readPageName(document, hints)).toBe('Maison Soleil');
    expect(hints.get('pageName')).toBe(0);
    document.body.innerHTML = '<div role="main"></div>';
    expect(findFirst(document, 'pageName', hints)).toEqual({ value: null, via: -1 });
    expect(hints.has('pageName')).toBe(false);
  });
});

describe('findLive with the part hints of a page', () => {
  it('the alternative that matched is tried first: one walk instead of one per earlier alternative', () => {
    document.body.innerHTML = '<div role="main"><div role="region" aria-label="Message list container"><div>Hi</div></div></div>';
    const hints: PartHints = new Map();
    const cold = walks(() => findLive(document, 'messageList', hints));
    expect(cold.value).toMatchObject({ via: 1 });
    expect(cold.n).toBe(2);
    expect(hints.get('messageList')).toBe(1);
    const hinted = walks(() => findLive(document, 'messageList', hints));
    expect(hinted).toEqual({ value: cold.value, n: 1 });
  });

  it('a layout change: the remembered alternative no longer matches, the ordered search finds what matches now', () => {
    document.body.innerHTML = '<div role="main"><div role="region" aria-label="Message list container"></div></div>';
    const hints: PartHints = new Map();
    findLive(document, 'messageList', hints);
    document.body.innerHTML = '<div role="main"><div data-pagelet="BizInboxMessengerMessageListContainer"></div></div>';
    expect(findLive(document, 'messageList', hints)).toMatchObject({ via: 0 });
    expect(hints.get('messageList')).toBe(0);
    document.body.innerHTML = '<div role="main"></div>';
    expect(findLive(document, 'messageList', hints)).toEqual({ value: null, via: -1 });
    expect(hints.has('messageList')).toBe(false);
  });

  it.each(['sim-2026-en.html', 'sim-2026-fr.html', 'sim-2025-11-en.html', 'older-textarea.html', 'nothing-recognizable.html'])(
    '%s: snapshots with the hints of this page equal the cold snapshot (health included)',
    (name) => {
      const hints: PartHints = new Map();
      const f = loadFixture(name);
      const cold = takeSnapshot(f.doc, f.url, f.now, { timeZone: 'Europe/Paris' });
      expect(takeSnapshot(f.doc, f.url, f.now, { timeZone: 'Europe/Paris', partHints: hints })).toEqual(cold);
      expect(takeSnapshot(f.doc, f.url, f.now, { timeZone: 'Europe/Paris', partHints: hints })).toEqual(cold);
    },
  );

  it('hints left by another layout read the same page; health may name a later alternative that matches the same list', () => {
    const hints: PartHints = new Map();
    const fr = loadFixture('sim-2026-fr.html');
    takeSnapshot(fr.doc, fr.url, fr.now, { timeZone: 'Europe/Paris', partHints: hints });
    expect(hints.get('messageList')).toBe(2);
    const en = loadFixture('sim-2026-en.html');
    const cold = takeSnapshot(en.doc, en.url, en.now, { timeZone: 'Europe/Paris' });
    const hinted = takeSnapshot(en.doc, en.url, en.now, { timeZone: 'Europe/Paris', partHints: hints });
    // The English page's list carries both labels' alternatives: the one remembered (a region labelled
    // "messages") still matches it, and is what health names. Everything read is the same.
    expect(hinted.health.via?.messageList).toBe('[role="region"][aria-label*="{messageRegion}" i]');
    expect({ ...hinted, health: { ...hinted.health, via: { ...hinted.health.via, messageList: null } } }).toEqual({
      ...cold,
      health: { ...cold.health, via: { ...cold.health.via, messageList: null } },
    });
  });
});

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import { LAYOUTS_DIR, loadFixture } from './fixtures';
import { MUTATIONS } from './mutations';

/**
 * Golden snapshots (issue 11): for each layout fixture, and for the 2026 page under each mutation
 * of ./mutations.ts, the whole snapshot (conversations, open thread, composer, health) is
 * compared with the checked-in JSON under tests/fixtures/layouts/golden/. A change in what the
 * adapter reads shows as a diff of that file. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/inbox/golden.test.ts` and review the diff.
 */
const GOLDEN_DIR = path.join(LAYOUTS_DIR, 'golden');
const TZ = 'Europe/Paris';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const PAGES = [
  'hand-2026-en.html',
  'hand-2026-fr.html',
  'hand-2026-comments.html',
  'sim-2026-en.html',
  'sim-2026-fr.html',
  'sim-2025-11-en.html',
  'sim-2025-11-fr.html',
  'older-textarea.html',
  'older-draftjs.html',
  'nothing-recognizable.html',
];

function snapshotOf(page: string, mutation?: string): unknown {
  const f = loadFixture(page);
  if (mutation) MUTATIONS[mutation]!(f.doc);
  return takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ });
}

function compare(name: string, actual: unknown) {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`no golden snapshot ${file}: run with UPDATE_GOLDEN=1 and review it`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, json);
  }
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('golden snapshots', () => {
  it.each(PAGES)('%s', (page) => compare(page.replace(/\.html$/, ''), snapshotOf(page)));
  it.each(Object.keys(MUTATIONS))('hand-2026-en.html mutated: %s', (mutation) => compare(`hand-2026-en+${mutation}`, snapshotOf('hand-2026-en.html', mutation)));

  it('the 2026 pages read as the layout contract says', () => {
    const en = snapshotOf('hand-2026-en.html') as ReturnType<typeof takeSnapshot>;
    expect(en.open).toMatchObject({ id: '178414098765432109876543210987654321098', channel: 'instagram', customerName: 'Léa Martin' });
    expect(en.conversations.map((r) => r.lastFrom)).toEqual(['page', 'customer', 'unknown', 'page', 'page', 'customer']);
    expect(en.open!.messages.filter((m) => m.side === 'page').map((m) => [m.agent, !!m.automated])).toEqual([
      ['Meta AI', true],
      ['Paul Girard', false],
      ['Nina Roy', false],
      ['Nina Roy', false],
    ]);
    // "10:38 AM" under "Feb 24, 2026, 10:20 AM" is Feb 24 (Paris), not the day the page was read.
    const afterClock = en.open!.messages.find((m) => m.text === 'Sure, held until Friday.')!;
    expect(afterClock.at!.start).toBe(Date.UTC(2026, 1, 24, 9, 38));
    const fr = snapshotOf('hand-2026-fr.html') as ReturnType<typeof takeSnapshot>;
    expect(fr.open).toMatchObject({ id: '1098765432101234', channel: 'whatsapp', customerName: '+33 6 12 34 56 78' });
    expect(fr.composer).toEqual({ found: true, enabled: true, text: 'Bonjour', kind: 'lexical' });
    // A stale copy before the live parts changes nothing: the live list and header are read.
    expect(snapshotOf('hand-2026-en.html', 'stale-copy')).toEqual(en);
    const gridsOnly = snapshotOf('hand-2026-en.html', 'action-grid-only') as ReturnType<typeof takeSnapshot>;
    expect(gridsOnly.conversations).toEqual([]);
    const comments = snapshotOf('hand-2026-comments.html') as ReturnType<typeof takeSnapshot>;
    expect(comments.open?.channel).toBe('comment');
    expect(comments.conversations.every((r) => r.channel === 'comment')).toBe(true);
  });
});

describe('issue 16: long "Sent by" labels', () => {
  it('a 101-character agent name is cut to 100, never dropped', () => {
    const f = loadFixture('hand-2026-en.html');
    const long = 'N'.repeat(101);
    for (const a of f.doc.querySelectorAll('a[href="#"]')) if (a.textContent === 'Nina Roy') a.textContent = long;
    const s = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ });
    const agents = s.open!.messages.filter((m) => m.side === 'page').map((m) => m.agent);
    expect(agents).toEqual(['Meta AI', 'Paul Girard', 'N'.repeat(100), 'N'.repeat(100)]);
  });
});

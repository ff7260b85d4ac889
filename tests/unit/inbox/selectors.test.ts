import { beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS, type SelectorKind } from '../../../utils/inbox/selectors';
import { matchAlternative } from '../../../utils/inbox/dom';
import { FIXTURE_NAMES, loadFixture } from './fixtures';

/** Kinds looked for inside another kind's elements (rows inside the list, bubbles inside the message list...). */
const SCOPE: Partial<Record<SelectorKind, SelectorKind>> = {
  row: 'list',
  rowTitle: 'row',
  rowPreview: 'row',
  rowTime: 'row',
  rowUnread: 'row',
  headerName: 'header',
  messageText: 'messageList',
  separator: 'messageList',
  agentLabel: 'messageList',
  systemRow: 'messageList',
  avatar: 'messageList',
};

/** Every element any alternative of `kind` stands for, inside its scope. */
function scopeOf(doc: Document, kind: SelectorKind): ParentNode[] {
  const parent = SCOPE[kind];
  if (!parent) return [doc];
  return scopeOf(doc, parent).flatMap((root) => SELECTORS[parent].flatMap((alt) => matchAlternative(root, alt)));
}

function countMatches(doc: Document, kind: SelectorKind, index: number): number {
  const alt = SELECTORS[kind][index]!;
  return scopeOf(doc, kind).reduce((n, root) => n + matchAlternative(root, alt).length, 0);
}

describe('selector table', () => {
  const fixtures = FIXTURE_NAMES.map((name) => name);
  const table = Object.entries(SELECTORS).flatMap(([kind, alts]) => alts.map((alt, i) => ({ kind: kind as SelectorKind, i, css: alt.css })));

  it('has fixtures to check against', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['sim-2025-11-en.html', 'sim-2025-11-fr.html', 'older-textarea.html', 'older-draftjs.html', 'nothing-recognizable.html']));
  });

  // Each fixture is loaded once (they share the global document): counts for every alternative.
  const counts = new Map<string, number>();
  beforeAll(() => {
    for (const name of fixtures) {
      const { doc } = loadFixture(name);
      for (const { kind, i } of table) counts.set(`${kind}#${i}`, (counts.get(`${kind}#${i}`) ?? 0) + countMatches(doc, kind, i));
    }
  });

  it.each(table)('$kind #$i ($css) matches something in some fixture', ({ kind, i }) => {
    expect(counts.get(`${kind}#${i}`), `no fixture exercises ${kind} alternative ${i}`).toBeGreaterThan(0);
  });

  it('never uses generated class names', () => {
    for (const alts of Object.values(SELECTORS)) {
      for (const alt of alts) {
        const classes = [...alt.css.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
        expect(classes.every((c) => c === 'public-DraftEditor-content'), alt.css).toBe(true);
        expect(alt.why.length).toBeGreaterThan(10);
      }
    }
  });

  it('finds none of the inbox parts on a page it does not know', () => {
    const { doc } = loadFixture('nothing-recognizable.html');
    for (const kind of ['list', 'row', 'header', 'messageList', 'composer', 'sendButton'] as SelectorKind[]) {
      SELECTORS[kind].forEach((_, i) => expect(countMatches(doc, kind, i), `${kind} #${i}`).toBe(0));
    }
  });

  it('recognizes the French labels through the same table', () => {
    const { doc } = loadFixture('sim-2025-11-fr.html');
    expect(countMatches(doc, 'sendButton', 0)).toBe(1); // aria-label="Envoyer"
    expect(countMatches(doc, 'list', 3)).toBe(1); // aria-label="Boîte de réception" (the list, not the nav link)
    expect(countMatches(doc, 'agentLabel', 0)).toBeGreaterThan(0); // Envoyé par …
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../utils/inbox/selectors';

/**
 * Issue 11: selectors of Meta's page live only in utils/inbox/selectors.ts. This fails on a
 * selector string anywhere else under utils/, components/ or entrypoints/, and on a table entry
 * that no code path ever looks up.
 */
const ROOT = path.resolve(__dirname, '../../..');
const TABLE = path.join('utils', 'inbox', 'selectors.ts');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

const FILES = ['utils', 'components', 'entrypoints'].flatMap(sources).filter((f) => f !== TABLE);

/** String literals (quotes and template literals without interpolation) of a source text. */
const literals = (code: string) => [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

/** An attribute selector on an attribute Meta's DOM is read by, or a role/tag pattern of the inbox. */
const SELECTOR_LIKE = /\[\s*(role|aria-[a-z]+|data-[a-z-]+|href|alt|dir|contenteditable|placeholder|tabindex|src)\s*([*^$|~]?=[^\]]*)?\]/;
/** A DOM query whose selector is a literal (or a literal constant declared nearby). */
const QUERY_WITH_LITERAL = /\.(querySelector|querySelectorAll|closest|matches)\(\s*['"`]/;

export function selectorFindings(code: string): string[] {
  const out = literals(code).filter((l) => SELECTOR_LIKE.test(l));
  for (const line of code.split('\n')) if (QUERY_WITH_LITERAL.test(line)) out.push(line.trim());
  return out;
}

describe('selectors live only in the selector table', () => {
  it('the scan finds selectors where they are (it can fail)', () => {
    expect(selectorFindings(`const x = row.querySelector('img');`)).toHaveLength(1);
    expect(selectorFindings(`const sel = '[aria-selected="true"]';`)).toHaveLength(1);
    expect(selectorFindings(`const a = "[data-surface*=thread_row]";`)).toHaveLength(1);
    expect(selectorFindings(`const s = 'You sent a photo.'; findFirst(doc, 'list');`)).toEqual([]);
    expect(FILES.length).toBeGreaterThan(20);
    expect(selectorFindings(readFileSync(path.join(ROOT, TABLE), 'utf8')).length).toBeGreaterThan(20);
  });

  it.each(FILES)('%s has no selector string', (file) => {
    expect(selectorFindings(readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('every entry of the table is looked up by some code path', () => {
    const code = FILES.filter((f) => f.startsWith(path.join('utils', 'inbox'))).map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
    const unused = Object.keys(SELECTORS).filter((kind) => {
      const asArgument = new RegExp(`(findFirst|findFirstOf|findAll|findLive|anyMatch|isKind|closestKind|alternativeCss|matchesAlternative)\\([^()]*'${kind}'`);
      return !asArgument.test(code) && !new RegExp(`SELECTORS\\.${kind}\\b`).test(code);
    });
    expect(unused).toEqual([]);
  });
});

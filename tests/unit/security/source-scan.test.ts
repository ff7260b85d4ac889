import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_IN_SOURCE, listFiles, scanText, scanTree, stripComments } from './scan';

const root = resolve(__dirname, '../../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];
const SOURCE_FILES = /\.(ts|tsx|mts|js|mjs|html)$/;

describe('the scanner itself (so the real scan can fail)', () => {
  const bad: Array<[string, string]> = [
    ['innerHTML', 'el.innerHTML = name;'],
    ['outerHTML assignment', 'node.outerHTML = "<b>x</b>";'],
    ['insertAdjacentHTML', "row.insertAdjacentHTML('beforeend', html)"],
    ['dangerouslySetInnerHTML', '<div dangerouslySetInnerHTML={{ __html: body }} />'],
    ['eval(', 'const v = eval(code);'],
    ['new Function', "const f = new Function('a', body);"],
    ['string timer (eval in disguise)', "setTimeout('tick()', 10)"],
    ['remote import()', "await import('https://cdn.example.com/x.js')"],
    ['remote <script src>', '<script src="https://cdn.example.com/a.js"></script>'],
    ['fetch(', "await fetch('/api')"],
    ['XMLHttpRequest', 'new XMLHttpRequest()'],
    ['sendBeacon', 'navigator.sendBeacon(url, data)'],
    ['javascript: URL', 'a.href = "javascript:alert(1)"'],
    ['script element (code injected into the page)', "const s = document.createElement('script');"],
  ];
  it.each(bad)('flags %s', (rule, code) => {
    expect(scanText('x.ts', code, FORBIDDEN_IN_SOURCE).map((f) => f.rule)).toContain(rule);
  });

  const good = [
    '// never set innerHTML: Lexical keeps its own state',
    '/* eval( and new Function( are banned */ const a = 1;',
    "const url = 'https://business.facebook.com/latest/inbox'; // not a comment start inside the string",
    'const ok = retrieval(x); const y = prefetch(z);',
    'node.textContent = name;',
    "const re = /['\"]/; const s = 'after regex // kept';",
    'if (a.outerHTML === b.outerHTML) {}',
  ];
  it.each(good)('does not flag: %s', (code) => {
    expect(scanText('x.ts', code, FORBIDDEN_IN_SOURCE)).toEqual([]);
  });

  it('keeps line numbers when stripping block comments', () => {
    expect(stripComments('/* a\nb */x').split('\n')).toHaveLength(2);
    const findings = scanText('x.ts', '/* one\ntwo */\nel.innerHTML = 1', FORBIDDEN_IN_SOURCE);
    expect(findings[0]?.line).toBe(3);
  });
});

describe('our source never builds markup or code from strings, nor talks to the network', () => {
  it('walks the real source tree (an empty walk would pass vacuously)', () => {
    const files = SOURCE_DIRS.flatMap((d) => listFiles(join(root, d), SOURCE_FILES));
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith(join('entrypoints', 'inbox.content', 'index.ts')))).toBe(true);
  });

  it('has no forbidden API in entrypoints/, components/ or utils/', () => {
    // Team sync (opt-in, to the team's own server) is the one feature that talks to the network, through PouchDB.
    const teamSync = (f: { file: string; rule: string }) => f.rule === 'fetch(' && f.file.startsWith(join('components', 'features', 'sync') + sep);
    const findings = scanTree(root, SOURCE_DIRS, SOURCE_FILES, FORBIDDEN_IN_SOURCE).filter((f) => !teamSync(f));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });
});

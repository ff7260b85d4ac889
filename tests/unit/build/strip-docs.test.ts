import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { DOC_ONLY_FILES, stripDocs } from '../../../scripts/build/strip-docs';

/** Every object literal's property names, in source order (one entry per literal). */
function objectShapes(code: string): string[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shapes: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) shapes.push(node.properties.map((p) => p.name?.getText(source) ?? '...').join(','));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shapes;
}

const syntaxErrors = (code: string) =>
  ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2020 } }).diagnostics ?? [];

describe('stripDocs (content-script build: the selector table without its `why`)', () => {
  it('drops `why` wherever it sits in an object, and nothing else', () => {
    const code = [
      "const a = [{ css: 'x', why: 'first', test: (el) => el.id === 'why' }];",
      'const b = { css: "y", why: "last" };',
      "const c = { why: `only`, };",
    ].join('\n');
    const out = stripDocs(code, 'x.ts');
    expect(out).toBe(
      ["const a = [{ css: 'x',  test: (el) => el.id === 'why' }];", 'const b = { css: "y",  };', 'const c = {  };'].join('\n'),
    );
    expect(syntaxErrors(out)).toEqual([]);
  });

  it('refuses a `why` that is not a plain string (it could have effects or be read)', () => {
    expect(() => stripDocs("const a = { why: reason() };", 'x.ts')).toThrow(/not a plain string/);
  });

  it.each(DOC_ONLY_FILES)('%s: every `why` goes, every other property stays, the file still compiles', (file) => {
    const code = readFileSync(file, 'utf8');
    const out = stripDocs(code, file);
    const before = objectShapes(code);
    const after = objectShapes(out);
    expect(before.filter((s) => s.split(',').includes('why')).length).toBeGreaterThan(50);
    expect(after.filter((s) => s.split(',').includes('why'))).toEqual([]);
    expect(after).toEqual(before.map((s) => s.split(',').filter((p) => p !== 'why').join(',')));
    expect(syntaxErrors(out)).toEqual([]);
  });
});

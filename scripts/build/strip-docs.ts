// Drops the selector table's documentation (`why`) from the content script's build (issue 14).
//
// utils/inbox/selectors.ts gives every alternative a `why`: which layout it is for and where it was seen.
// It is for readers and for tests/unit/inbox/selectors.test.ts (every alternative has one); no code reads it
// at run time, yet it was 2.1 KB of the gzipped start-up script. The source, the unit tests and every other
// build keep it; only the bundles a page parses go without. The property is found with TypeScript's parser
// (not a pattern), and the build fails if a `why` it was told to drop is left or is not a plain string.
import ts from 'typescript';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? __dirname, '../..');

/** Files whose object literals' `why` properties are documentation only. */
export const DOC_ONLY_FILES = ['utils/inbox/selectors.ts'].map((f) => resolve(root, f));

/** The source without its object literals' `why: '…'` properties (and the comma after each). */
export function stripDocs(code: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'why' && ts.isObjectLiteralExpression(node.parent)) {
      if (!ts.isStringLiteralLike(node.initializer)) throw new Error(`${fileName}: a \`why\` that is not a plain string cannot be dropped safely`);
      const props = node.parent.properties;
      const comma = props.hasTrailingComma || props.indexOf(node) < props.length - 1;
      // From the property's own start to past its comma, so neighbours and their comments stay as they are.
      let end = node.getEnd();
      if (comma) {
        const after = code.indexOf(',', end);
        if (after < 0) throw new Error(`${fileName}: no comma after a \`why\``);
        end = after + 1;
      }
      cuts.push([node.getStart(source), end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** Vite plugin (content-script build): `why` out of the doc-only files, before TypeScript is compiled. */
export const stripDocsPlugin = {
  name: 'inbox-pilot-strip-docs',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    const file = id.split('?')[0] ?? id;
    if (!DOC_ONLY_FILES.includes(resolve(file))) return null;
    return { code: stripDocs(code, file), map: null };
  },
};

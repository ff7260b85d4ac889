import { describe, expect, it } from 'vitest';
import { exportLibraryCsv, exportLibraryJson, parseLibraryFile, LIBRARY_FORMAT } from '../../../utils/replies/import';
import { STARTER_REPLIES } from '../../../utils/replies/starter';
import type { ReplyDraft } from '../../../utils/replies/types';

const drafts: ReplyDraft[] = [
  ...STARTER_REPLIES.map(({ starterKey: _k, ...d }) => d),
  { title: 'Formule', body: '=HYPERLINK("http://x")\n-5 % avec le code @ami', language: 'any', tags: ['promo'], shortcut: 'formule' },
  { title: 'Guillemets; virgules, "et" retours', body: 'Ligne 1\nLigne 2 ; "citée"', language: 'fr', tags: [] },
];

const valid = (r: ReturnType<typeof parseLibraryFile>) => {
  if (!r.ok) throw new Error(`fatal ${r.fatal.code}`);
  return r;
};

describe('round trip', () => {
  it('JSON export -> import gives the same replies', () => {
    const r = valid(parseLibraryFile(exportLibraryJson(drafts), { fileName: 'library.json' }));
    expect(r.errors).toEqual([]);
    expect(r.valid.map((v) => v.draft)).toEqual(drafts);
  });

  it.each([',', ';'] as const)('CSV export -> import gives the same replies (separator %j)', (sep) => {
    const csv = exportLibraryCsv(drafts, sep);
    const r = valid(parseLibraryFile(csv, { fileName: 'library.csv' }));
    expect(r.errors).toEqual([]);
    expect(r.valid.map((v) => v.draft)).toEqual(drafts);
  });

  it('neutralises formula-like cells in the CSV export', () => {
    const csv = exportLibraryCsv(drafts);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")`);
    expect(csv).not.toMatch(/(^|[,\n])=HYPERLINK/);
  });
});

describe('bad files', () => {
  it('malformed JSON is a clear fatal error', () => {
    const r = parseLibraryFile('{"format": "inbox-pilot/saved-replies", "version": 1, "replies": [', { fileName: 'x.json' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fatal.code).toBe('invalidJson');
  });

  it('a JSON file of another version or format is refused', () => {
    const v2 = JSON.stringify({ format: LIBRARY_FORMAT, version: 2, replies: [] });
    expect(parseLibraryFile(v2)).toMatchObject({ ok: false, fatal: { code: 'unsupportedVersion', version: '2' } });
    expect(parseLibraryFile('[{"title":"a","body":"b"}]')).toMatchObject({ ok: false, fatal: { code: 'notALibrary' } });
    expect(parseLibraryFile('{"foo": 1}')).toMatchObject({ ok: false, fatal: { code: 'notALibrary' } });
  });

  it('a CSV without the required columns names them', () => {
    expect(parseLibraryFile('title;language\nA;fr\n', { fileName: 'x.csv' })).toMatchObject({
      ok: false,
      fatal: { code: 'missingColumns', columns: ['body'] },
    });
  });

  it('accepts French headers', () => {
    const r = valid(parseLibraryFile('Titre;Texte;Langue;Étiquettes;Raccourci\nHoraires;Ouvert 9h-18h;français;horaires, ouverture;/Horaires\n'));
    expect(r.valid[0]!.draft).toEqual({ title: 'Horaires', body: 'Ouvert 9h-18h', language: 'fr', tags: ['horaires', 'ouverture'], shortcut: 'horaires' });
  });

  it('reports every bad row with its line and reason, and keeps the good rows', () => {
    const csv = [
      'title,body,language,tags,shortcut',
      'Good,Fine body,en,,good',
      'No body,,en,,',
      'Bad language,Text,klingon,,',
      ',Body without title,fr,,',
      'Extra,cells,en,,,surprise',
      '"Multi',
      'line title",Body,any,,',
      'Bad shortcut,Text,en,,has space',
    ].join('\r\n');
    const r = valid(parseLibraryFile(csv, { fileName: 'x.csv' }));
    expect(r.total).toBe(7);
    expect(r.valid.map((v) => v.row)).toEqual([1, 6]);
    expect(r.errors).toEqual([
      { row: 2, line: 3, field: 'body', code: 'required' },
      { row: 3, line: 4, field: 'language', code: 'invalid' },
      { row: 4, line: 5, field: 'title', code: 'required' },
      { row: 5, line: 6, code: 'extraCells' },
      { row: 7, line: 9, field: 'shortcut', code: 'invalid' },
    ]);
  });

  it('empty bodies and non-object JSON rows are row errors', () => {
    const json = JSON.stringify({ format: LIBRARY_FORMAT, version: 1, replies: [{ title: 'A', body: '   ' }, 'oops', { title: 'B', body: 'ok', tags: 'x; y' }] });
    const r = valid(parseLibraryFile(json));
    expect(r.errors).toEqual([
      { row: 1, field: 'body', code: 'required' },
      { row: 2, code: 'notAnObject' },
    ]);
    expect(r.valid[0]!.draft.tags).toEqual(['x', 'y']);
  });

  // How long this takes is a benchmark figure (scripts/bench/replies.ts), not a timed test.
  it('a 1 MB body is refused with a clear error, and the rows after it still import', () => {
    const huge = 'x'.repeat(1_000_000);
    const r = valid(parseLibraryFile(`title,body\nHuge,${huge}\nSmall,ok\n`));
    expect(r.errors).toEqual([{ row: 1, line: 2, field: 'body', code: 'tooLong' }]);
    expect(r.valid.map((v) => v.draft.title)).toEqual(['Small']);
  });

  it('an empty file, or a header without rows, is empty', () => {
    expect(parseLibraryFile('')).toMatchObject({ ok: false, fatal: { code: 'empty' } });
    expect(parseLibraryFile('\uFEFFtitle,body\r\n')).toMatchObject({ ok: false, fatal: { code: 'empty' } });
  });

  it('an unterminated quote is fatal with its line', () => {
    expect(parseLibraryFile('title,body\nA,"oops\n', { fileName: 'a.csv' })).toMatchObject({ ok: false, fatal: { code: 'unterminatedQuote', line: 2 } });
  });
});

describe('checks against the library', () => {
  it('flags replies already in the library, duplicates in the file and taken shortcuts', () => {
    const existing = [{ title: 'Horaires', body: 'Ouvert de 9 h à 18 h.', shortcut: 'horaires' }];
    const csv = 'title;body;shortcut\nhoraires;ouvert de 9 h a 18 h.;\nNouveau;Texte;horaires\nDeux;Pareil;\nDeux;Pareil;\n';
    const r = valid(parseLibraryFile(csv, { existing }));
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'alreadyInLibrary'],
      [2, 'shortcutTaken'],
      [4, 'duplicateInFile'],
    ]);
    expect(r.valid.map((v) => v.row)).toEqual([3]);
  });
});

import { describe, expect, it } from 'vitest';
import { csvCell, detectSeparator, neutraliseFormula, parseCsv, restoreNeutralised, toCsv } from '../../../utils/csv';
import { csvCell as statsCsvCell, detailCsv } from '../../../utils/stats/csv';

const cells = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r.records.map((rec) => rec.cells);
};

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, CRLF and embedded line breaks', () => {
    expect(cells('a,b\r\n"x, y","say ""hi""\r\nthen go"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\r\nthen go'],
    ]);
  });

  it('gives the starting line of records spanning lines', () => {
    const r = parseCsv('h1,h2\n"multi\nline",x\nlast,y\n');
    expect(r.ok && r.records.map((rec) => rec.line)).toEqual([1, 2, 4]);
  });

  it('strips a BOM, skips blank lines, keeps empty cells', () => {
    expect(cells('\uFEFFa;b\n\n1;\n')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('detects the separator from the header', () => {
    expect(detectSeparator('titre;corps;tags\n"a,b";c;d')).toBe(';');
    expect(detectSeparator('title,body\n')).toBe(',');
    expect(detectSeparator('title\tbody\n')).toBe('\t');
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('a,b\n1,"never closed\n2,3\n')).toEqual({ ok: false, error: 'unterminatedQuote', line: 2 });
  });

  it('reads a file without a final line break', () => {
    expect(cells('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('formula neutralisation', () => {
  it.each(['=1+1', '+33 6 12', '-5 %', '@SUM(A1)', '\tx', '\rx'])('prefixes %j and restores it', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(restoreNeutralised(neutraliseFormula(cell))).toBe(cell);
  });

  it('leaves ordinary cells and a real leading apostrophe alone', () => {
    expect(neutraliseFormula('Bonjour')).toBe('Bonjour');
    expect(restoreNeutralised("'tis the season")).toBe("'tis the season");
  });

  it('writes a BOM, CRLF, and quotes what needs quoting', () => {
    expect(toCsv([['a', 'b;c', 'say "x"', '=cmd']], ';')).toBe('\uFEFFa;"b;c";"say ""x""";\'=cmd\r\n');
    const round = cells(toCsv([['t', 'line1\nline2', ' pad ']]));
    expect(round).toEqual([['t', 'line1\nline2', ' pad ']]);
  });
});

describe('one CSV writer for saved replies and stats (issue 12)', () => {
  const cases: Array<[string, string]> = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded ', '" padded "'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+33 6 12', "'+33 6 12"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['=1,2', "\"'=1,2\""],
  ];
  it.each(cases)('%j -> %j in both files', (value, expected) => {
    expect(csvCell(value, ',')).toBe(expected);
    expect(statsCsvCell(value, ',')).toBe(expected);
    expect(toCsv([[value]], ',')).toBe(`\uFEFF${expected}\r\n`);
  });
  it('quotes the separator in use only', () => {
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
  });
  it('a stats detail file and a saved-replies file quote the same cell the same way', () => {
    const name = ' =Léa, "the boss" ';
    const replies = toCsv([[name]], ';');
    const stats = detailCsv([{ pageId: 'p', conversation: 'c', agent: name, customerAt: 0, repliedAt: 1000, responseSeconds: 1, businessResponseSeconds: 1, withinTarget: true, approximate: false, source: 'this-browser' } as never], { separator: ';', bom: false });
    expect(stats).toContain(replies.slice(1, -2));
  });
});

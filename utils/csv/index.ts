/**
 * RFC 4180 CSV, as spreadsheets write it: quoted fields with doubled quotes,
 * CRLF or LF line ends, line breaks inside quotes, an optional UTF-8 BOM, and
 * `,` or `;` (French Excel) or tab as the separator, detected from the header.
 */

export type Separator = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (records can span lines). */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; separator: Separator; records: CsvRecord[] } | { ok: false; error: 'unterminatedQuote'; line: number };

/** The separator the header line uses most (outside quotes); `,` when none. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Separator]++;
  }
  const best = (Object.keys(counts) as Separator[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

export function parseCsv(input: string, separator: Separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvParse {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    // Blank lines are not records.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch; // A stray quote inside an unquoted cell is kept as written (lenient, like spreadsheets).
    i++;
  }
  if (quoted) return { ok: false, error: 'unterminatedQuote', line: quoteLine };
  if (cell !== '' || cells.length) endRecord();
  return { ok: true, separator, records };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or
 * CR) gets a leading apostrophe on export, so opening a shared library in
 * Excel never runs anything. Import removes exactly that apostrophe again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The one quoting rule of every CSV Inbox Pilot writes (saved replies and stats): formula starts
 * neutralised first, then RFC 4180 quoting (quotes doubled) for a cell holding the separator, a
 * quote, CR or LF, and also for leading or trailing spaces, which spreadsheets would otherwise trim.
 */
export function csvCell(value: string, separator: string): string {
  const cell = neutraliseFormula(value);
  return /["\r\n]/.test(cell) || cell.includes(separator) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows -> CSV text with a BOM (keeps accents in Excel), CRLF line ends, formula-like cells neutralised. */
export function toCsv(rows: string[][], separator: Separator = ','): string {
  return '\uFEFF' + rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator)).join('\r\n') + '\r\n';
}

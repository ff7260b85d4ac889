/**
 * Library files: our versioned JSON and a CSV spreadsheets can open. Parsing
 * is pure and all-or-nothing per row: it reports every bad row with the
 * reason, and the caller imports nothing unless the user confirms the valid
 * rows. Export lives here too so the round trip is tested in one place.
 */
import { fold } from './text';
import { parseCsv, restoreNeutralised, toCsv, type Separator } from '../csv';
import { LIMITS, validateReplyDraft, type DraftField, type DraftIssueCode } from './validate';
import type { ReplyDraft } from './types';

export const LIBRARY_FORMAT = 'inbox-pilot/saved-replies';
export const LIBRARY_VERSION = 1;
/** Larger than any real library (10,000 replies of 1,000 characters); refuses a wrong file early. */
export const MAX_FILE_CHARS = 15_000_000;

export const CSV_COLUMNS = ['title', 'body', 'language', 'tags', 'shortcut'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ['title', 'body'];
/** Header names accepted per column (folded), so a French team's spreadsheet works as is. */
const COLUMN_ALIASES: Record<string, Column> = {
  title: 'title', titre: 'title', nom: 'title', name: 'title',
  body: 'body', texte: 'body', text: 'body', corps: 'body', message: 'body', reponse: 'body', reply: 'body',
  language: 'language', langue: 'language', lang: 'language',
  tags: 'tags', etiquettes: 'tags', 'mots-cles': 'tags', 'mots cles': 'tags', labels: 'tags',
  shortcut: 'shortcut', raccourci: 'shortcut',
};

export type ImportFormat = 'json' | 'csv';

export type FatalError =
  | { code: 'empty' }
  | { code: 'tooLarge'; limit: number }
  | { code: 'invalidJson'; detail: string }
  | { code: 'notALibrary' }
  | { code: 'unsupportedVersion'; version: string }
  | { code: 'unterminatedQuote'; line: number }
  | { code: 'missingColumns'; columns: string[] }
  | { code: 'tooManyRows'; limit: number };

export type RowErrorCode = DraftIssueCode | 'notAnObject' | 'extraCells' | 'duplicateInFile' | 'alreadyInLibrary' | 'shortcutTaken';

export interface RowError {
  /** 1-based position among the file's replies (data rows for CSV). */
  row: number;
  /** CSV only: the file line where the row starts. */
  line?: number;
  field?: DraftField;
  code: RowErrorCode;
}

export interface ValidRow {
  row: number;
  draft: ReplyDraft;
}

export type ImportResult =
  | { ok: false; format: ImportFormat; fatal: FatalError }
  | { ok: true; format: ImportFormat; total: number; valid: ValidRow[]; errors: RowError[] };

/** What the file is checked against: the replies already in the library. */
export interface ExistingReply {
  title: string;
  body: string;
  shortcut?: string;
}

export function detectFormat(text: string, fileName?: string): ImportFormat {
  const ext = fileName?.toLowerCase().match(/\.(json|csv|txt|tsv)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

interface RawRow {
  row: number;
  line?: number;
  fields: unknown;
  extraCells?: boolean;
}

function rowsFromJson(text: string): { rows: RawRow[] } | { fatal: FatalError } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { fatal: { code: 'invalidJson', detail: error instanceof Error ? error.message : String(error) } };
  }
  const obj = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : null) as Record<string, unknown> | null;
  if (!obj || obj.format !== LIBRARY_FORMAT) return { fatal: { code: 'notALibrary' } };
  if (obj.version !== LIBRARY_VERSION) return { fatal: { code: 'unsupportedVersion', version: String(obj.version ?? '?') } };
  if (!Array.isArray(obj.replies)) return { fatal: { code: 'notALibrary' } };
  return { rows: obj.replies.map((fields, i) => ({ row: i + 1, fields })) };
}

function rowsFromCsv(text: string): { rows: RawRow[] } | { fatal: FatalError } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { fatal: { code: 'unterminatedQuote', line: parsed.line } };
  const [header, ...data] = parsed.records;
  if (!header) return { fatal: { code: 'empty' } };
  const columns = header.cells.map((h) => COLUMN_ALIASES[fold(h).trim()] ?? null);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return { fatal: { code: 'missingColumns', columns: missing } };
  return {
    rows: data.map((record, i) => {
      const fields: Partial<Record<Column, string>> = {};
      record.cells.forEach((cell, c) => {
        const column = columns[c];
        if (column && fields[column] === undefined) fields[column] = restoreNeutralised(cell);
      });
      // More cells than headers: usually an unquoted separator inside a body.
      const extraCells = record.cells.length > header.cells.length && record.cells.slice(header.cells.length).some((c) => c.trim() !== '');
      return { row: i + 1, line: record.line, fields, extraCells };
    }),
  };
}

const sameText = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/** Parses and checks a library file. Never throws. */
export function parseLibraryFile(text: string, options: { fileName?: string; existing?: ExistingReply[] } = {}): ImportResult {
  const format = detectFormat(text, options.fileName);
  if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, format, fatal: { code: 'empty' } };
  if (text.length > MAX_FILE_CHARS) return { ok: false, format, fatal: { code: 'tooLarge', limit: MAX_FILE_CHARS } };
  const source = format === 'json' ? rowsFromJson(text) : rowsFromCsv(text);
  if ('fatal' in source) return { ok: false, format, fatal: source.fatal };
  if (source.rows.length === 0) return { ok: false, format, fatal: { code: 'empty' } };
  if (source.rows.length > LIMITS.replies) return { ok: false, format, fatal: { code: 'tooManyRows', limit: LIMITS.replies } };

  const existing = options.existing ?? [];
  const existingKeys = new Set(existing.map((r) => `${sameText(r.title)}\n${sameText(r.body)}`));
  const takenShortcuts = new Set(existing.flatMap((r) => (r.shortcut ? [r.shortcut.toLowerCase()] : [])));
  const seenKeys = new Set<string>();
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];

  for (const raw of source.rows) {
    const where = { row: raw.row, ...(raw.line ? { line: raw.line } : {}) };
    if (typeof raw.fields !== 'object' || raw.fields === null || Array.isArray(raw.fields)) {
      errors.push({ ...where, code: 'notAnObject' });
      continue;
    }
    const rowErrors: RowError[] = [];
    if (raw.extraCells) rowErrors.push({ ...where, code: 'extraCells' });
    const { value, issues } = validateReplyDraft(raw.fields);
    for (const issue of issues) rowErrors.push({ ...where, field: issue.field, code: issue.code });
    if (!issues.length) {
      const key = `${sameText(value.title)}\n${sameText(value.body)}`;
      if (existingKeys.has(key)) rowErrors.push({ ...where, code: 'alreadyInLibrary' });
      else if (seenKeys.has(key)) rowErrors.push({ ...where, code: 'duplicateInFile' });
      else if (value.shortcut && takenShortcuts.has(value.shortcut)) rowErrors.push({ ...where, field: 'shortcut', code: 'shortcutTaken' });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    seenKeys.add(`${sameText(value.title)}\n${sameText(value.body)}`);
    if (value.shortcut) takenShortcuts.add(value.shortcut);
    valid.push({ row: raw.row, draft: value });
  }
  return { ok: true, format, total: source.rows.length, valid, errors };
}

const draftOf = (r: ReplyDraft): ReplyDraft => ({
  title: r.title,
  body: r.body,
  language: r.language,
  tags: [...r.tags],
  ...(r.shortcut ? { shortcut: r.shortcut } : {}),
});

/** The library as our versioned JSON (content only: usage stays personal). */
export function exportLibraryJson(replies: ReplyDraft[], now = new Date()): string {
  return JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, exportedAt: now.toISOString(), replies: replies.map(draftOf) }, null, 2);
}

/** The library as CSV: `;` for French spreadsheets, `,` otherwise; formula-like cells neutralised. */
export function exportLibraryCsv(replies: ReplyDraft[], separator: Separator = ','): string {
  return toCsv(
    [[...CSV_COLUMNS], ...replies.map((r) => [r.title, r.body, r.language, r.tags.join(', '), r.shortcut ?? ''])],
    separator,
  );
}

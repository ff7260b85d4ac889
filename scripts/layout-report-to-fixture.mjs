#!/usr/bin/env node
// Turns a layout report (copied by a user from the sidebar or the options page; see
// utils/inbox/layout-report.ts) into a fixture of tests/fixtures/layouts/, which the adapter's unit
// tests (selector table, golden snapshots) then read like any other layout.
//
//   node scripts/layout-report-to-fixture.mjs <report.html> <name> ["what this layout is"]
//
// writes tests/fixtures/layouts/report-<name>.html. A file that is not a report, or that holds a
// script, is refused with a message and nothing is written.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPORT_MARKER = 'inbox-pilot-layout-report v1';

/** The fixture text for a report, or throws an Error saying what is wrong with it. */
export function reportToFixture(report, description = 'A user layout report') {
  if (typeof report !== 'string' || !report.trim()) throw new Error('the report is empty');
  const first = report.split('\n', 1)[0];
  const head = /^<!-- (.+?) captured-at=(\d+) url=(\S+)( truncated-after=\d+)? -->$/.exec(first);
  if (!head || head[1] !== REPORT_MARKER) throw new Error(`not a layout report: the first line must start with "<!-- ${REPORT_MARKER}"`);
  if (/<script[\s>]/i.test(report)) throw new Error('the report holds a <script>: refused (reports never do)');
  if (!/<body[\s>]/i.test(report)) throw new Error('the report has no <body>: it was cut while copying');
  const rest = report.slice(first.length + 1);
  const safeDescription = description.replace(/--/g, '- -');
  return `<!-- ${safeDescription} (from a layout report${head[4] ? `, truncated after ${head[4].split('=')[1]} elements` : ''}).\n     captured-at=${head[2]} url=${head[3]} -->\n${rest}`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [file, name, description] = process.argv.slice(2);
  if (!file || !name || !/^[a-z0-9-]+$/.test(name)) {
    console.error('usage: node scripts/layout-report-to-fixture.mjs <report.html> <name: a-z 0-9 -> ["description"]');
    process.exit(2);
  }
  try {
    const fixture = reportToFixture(readFileSync(file, 'utf8'), description);
    const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'layouts', `report-${name}.html`);
    if (existsSync(out)) throw new Error(`${out} exists already: pick another name`);
    writeFileSync(out, fixture);
    console.log(`wrote ${out}`);
  } catch (error) {
    console.error(`layout-report-to-fixture: ${error.message}`);
    process.exit(1);
  }
}

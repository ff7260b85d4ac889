import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RepliesDatabase } from '../../../utils/replies/db';
import { exportLibraryCsv, exportLibraryJson, MAX_FILE_CHARS, parseLibraryFile } from '../../../utils/replies/import';
import { ensureSeeded, importReplies, listReplies } from '../../../utils/replies/store';
import { LIMITS } from '../../../utils/replies/validate';
import type { ReplyDraft } from '../../../utils/replies/types';
import { oversized, randomInputs, truncations, wrongVersions, type BadInput } from './bad-inputs';

/**
 * Saved-replies import fed broken files. The options page imports only the
 * rows the file validates, after the agent confirms; a broken FILE must give
 * a clear error (a fatal code, or every row rejected with a reason) and leave
 * the library exactly as it was.
 */
const FATAL_CODES = ['empty', 'tooLarge', 'invalidJson', 'notALibrary', 'unsupportedVersion', 'unterminatedQuote', 'missingColumns', 'tooManyRows'];

const drafts: ReplyDraft[] = [
  { title: 'Livraison', body: 'Bonjour, votre colis part demain. Marie', language: 'fr', tags: ['livraison'], shortcut: 'liv' },
  { title: 'Opening hours', body: 'Hello, we are open 9:00 to 18:00, Monday to Saturday.', language: 'en', tags: ['hours'] },
  { title: 'Retour', body: 'Bonjour,\nvous pouvez nous renvoyer l’article sous 30 jours.', language: 'fr', tags: [] },
];

let db: RepliesDatabase;
beforeEach(async () => {
  db = new RepliesDatabase(`bad-replies-${Math.random()}`);
  await ensureSeeded(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const contents = async () => ({ replies: await db.replies.toArray(), usage: await db.usage.toArray(), meta: await db.meta.toArray() });

/** What the options page does: parse, then import the valid rows (the agent confirms). */
async function importLikeTheOptionsPage(text: string, fileName?: string) {
  const existing = await listReplies(db);
  const result = parseLibraryFile(text, { fileName, existing });
  if (result.ok && result.valid.length) await importReplies(db, result.valid.map((v) => v.draft));
  return result;
}

describe('saved-replies import: bad files change nothing', () => {
  it('the valid exports themselves import (the bad cases are bad for their own reason)', async () => {
    const json = await importLikeTheOptionsPage(exportLibraryJson(drafts), 'library.json');
    expect(json).toMatchObject({ ok: true, errors: [] });
    const csv = parseLibraryFile(exportLibraryCsv(drafts, ';'), { fileName: 'library.csv' });
    expect(csv.ok && csv.valid.length).toBe(drafts.length);
  });

  it('rejects broken JSON files with a fatal error and writes nothing', async () => {
    const valid = exportLibraryJson(drafts);
    const cases: BadInput[] = [
      ...truncations(valid),
      ...wrongVersions(valid),
      ...randomInputs(31).filter((c) => /^\s*[[{]/.test(c.text) || c.text.trim() === ''),
      { name: 'replies is not a list', text: JSON.stringify({ ...JSON.parse(valid), replies: { a: 1 } }) },
      { name: 'too large', text: oversized(valid, MAX_FILE_CHARS + 10).text },
      {
        name: `more than ${LIMITS.replies} replies`,
        text: JSON.stringify({ ...JSON.parse(valid), replies: Array.from({ length: LIMITS.replies + 1 }, (_, i) => ({ ...drafts[1], title: `T${i}` })) }),
      },
    ];
    for (const input of cases) {
      const before = await contents();
      const result = await importLikeTheOptionsPage(input.text, 'library.json');
      expect(result.ok, input.name).toBe(false);
      if (!result.ok) expect(FATAL_CODES, input.name).toContain(result.fatal.code);
      expect(await contents(), input.name).toEqual(before);
    }
  }, 60_000);

  it('rejects random and foreign files (read as CSV) and writes nothing', async () => {
    for (const input of randomInputs(47)) {
      const before = await contents();
      const result = await importLikeTheOptionsPage(input.text);
      // Either a fatal error, or no row accepted and every row explained.
      if (result.ok) {
        expect(result.valid, input.name).toEqual([]);
        expect(result.errors.length, input.name).toBeGreaterThan(0);
      } else expect(FATAL_CODES, input.name).toContain(result.fatal.code);
      expect(await contents(), input.name).toEqual(before);
    }
  });

  it('rejects a CSV cut inside a quoted field, and one with rows too long, and writes nothing', async () => {
    const csv = exportLibraryCsv(drafts, ',');
    const cut = csv.slice(0, csv.indexOf('vous pouvez')); // inside the quoted multi-line body
    const tooLong = `title,body\n${'x'.repeat(LIMITS.title + 1)},${'y'.repeat(LIMITS.body + 1)}\n`;
    for (const [name, text] of [['cut in a quote', cut], ['fields too long', tooLong]] as const) {
      const before = await contents();
      const result = await importLikeTheOptionsPage(text, 'library.csv');
      if (result.ok) {
        expect(result.valid, name).toEqual([]);
        expect(result.errors.length, name).toBeGreaterThan(0);
      } else expect(FATAL_CODES, name).toContain(result.fatal.code);
      expect(await contents(), name).toEqual(before);
    }
  });

  it('importReplies itself refuses invalid drafts all-or-nothing (a forged message cannot bypass the parser)', async () => {
    const before = await contents();
    await expect(importReplies(db, [drafts[0], { title: '', body: 42 }, drafts[1]])).rejects.toThrow();
    await expect(importReplies(db, ['<script>', null, 7])).rejects.toThrow();
    expect(await contents()).toEqual(before);
  });
});

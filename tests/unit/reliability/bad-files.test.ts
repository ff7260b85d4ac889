import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { generalSettings } from '../../../utils/settings/general';
import { applySettings, exportSettings, parseSettingsFile, SETTINGS_FILE_MAX_BYTES, settingsSections } from '../../../utils/settings/transfer';
import { makeBundle, MAX_BUNDLE_BYTES, MAX_BUNDLE_RESPONSES, nestingDepth, validateBundle } from '../../../utils/stats/bundle';
import { openStatsDb, type StatsDb } from '../../../utils/stats/db';
import { importResponses } from '../../../utils/stats/store';
import type { ResponseRecord } from '../../../utils/stats/types';
import { IMPORT_CLOCK_SKEW_MS, StatsInputError } from '../../../utils/stats/validate';
import { oversized, randomInputs, truncations, wrongVersions, type BadInput } from './bad-inputs';

/**
 * Every import fed broken files: each must answer with a clear error and
 * leave everything as it was. "Everything" is read back from the real stores
 * (extension storage, the stats database), not assumed.
 */

const storageSnapshot = () => browser.storage.local.get(null);

describe('settings import: bad files change nothing', () => {
  let valid: string;
  const KNOWN_CODES = ['too-large', 'not-json', 'not-settings-file', 'unsupported-version', 'invalid-section'];

  beforeEach(async () => {
    await generalSettings.setValue({ agentName: 'Marie', companyNames: ['Acme'], targetMinutes: 12, goalPercent: 80, language: 'fr' });
    valid = await exportSettings(new Date('2026-11-20T09:00:00Z'));
  });

  /** What the options page does with a chosen file. */
  async function importLikeTheOptionsPage(text: string) {
    const parsed = parseSettingsFile(text);
    if (parsed.ok) await applySettings(parsed.values);
    return parsed;
  }

  const cases = (): BadInput[] => [
    ...truncations(valid),
    ...wrongVersions(valid),
    ...randomInputs(11),
    oversized(valid, SETTINGS_FILE_MAX_BYTES + 1),
    oversized(valid, 8 * 1024 * 1024),
    { name: 'a section that is not an object', text: JSON.stringify({ ...JSON.parse(valid), settings: { general: 'garbage' } }) },
    { name: 'a section that is an array', text: JSON.stringify({ ...JSON.parse(valid), settings: { general: [1, 2] } }) },
    { name: 'settings is an array', text: JSON.stringify({ ...JSON.parse(valid), settings: [] }) },
    {
      name: 'one valid field, one out of range',
      text: JSON.stringify({ ...JSON.parse(valid), settings: { general: { agentName: 'Paul', targetMinutes: 1e9 } } }),
    },
  ];

  it('the valid export itself imports (the bad cases are bad for their own reason)', async () => {
    expect((await importLikeTheOptionsPage(valid)).ok).toBe(true);
  });

  it('rejects every broken file with a known error code and writes nothing', async () => {
    for (const input of cases()) {
      const before = await storageSnapshot();
      const parsed = await importLikeTheOptionsPage(input.text);
      expect(parsed.ok, input.name).toBe(false);
      if (!parsed.ok) {
        expect(parsed.errors.length, input.name).toBeGreaterThan(0);
        for (const e of parsed.errors) expect(KNOWN_CODES, input.name).toContain(e.code);
      }
      expect(await storageSnapshot(), input.name).toEqual(before);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('every registered settings section refuses garbage (all-or-nothing across sections)', async () => {
    const base = JSON.parse(valid) as { settings: Record<string, unknown> };
    for (const name of Object.keys(settingsSections)) {
      const before = await storageSnapshot();
      const text = JSON.stringify({ ...base, settings: { ...base.settings, [name]: 'garbage' } });
      expect((await importLikeTheOptionsPage(text)).ok, name).toBe(false);
      expect(await storageSnapshot(), name).toEqual(before);
    }
  });
});

describe('stats bundle import: bad files change nothing', () => {
  let db: StatsDb;
  const now = Date.parse('2026-11-20T12:00:00Z');
  const record = (i: number): ResponseRecord => ({
    id: `123|c${i}|${1_763_600_000 + i}`,
    pageId: '123',
    conversation: `c${i}`,
    customerAt: now - 3_600_000 + i * 1000,
    repliedAt: now - 3_000_000 + i * 1000,
    agent: 'Marie',
    responseSeconds: 600,
    businessResponseSeconds: 600,
    withinTarget: false,
    source: 'this-browser',
    precision: 'exact',
  });

  beforeEach(async () => {
    db = openStatsDb(`bad-files-${Math.random()}`);
    await db.responses.bulkAdd([record(1), record(2)]);
  });
  afterEach(async () => {
    await db.delete();
  });

  const contents = async () => ({ responses: await db.responses.toArray(), pending: await db.pending.toArray() });

  /** What the background's `stats:import` handler does: validate everything, then one transaction. */
  async function importLikeTheBackground(text: string) {
    const records = validateBundle(text, now);
    return importResponses(db, records);
  }

  const valid = () => JSON.stringify(makeBundle([record(3), record(4)], now));

  it('the valid bundle itself imports', async () => {
    await expect(importLikeTheBackground(valid())).resolves.toEqual({ added: 2, duplicates: 0, replaced: 0 });
  });

  it('rejects every broken bundle with a StatsInputError and writes nothing', async () => {
    const tooMany = { name: `more than ${MAX_BUNDLE_RESPONSES} responses`, text: JSON.stringify(makeBundle(Array.from({ length: MAX_BUNDLE_RESPONSES + 1 }, (_, i) => record(i)), now)) };
    const oneBadRecord = {
      name: 'one broken record among good ones',
      text: JSON.stringify(makeBundle([record(5), { ...record(6), responseSeconds: -1 }, record(7)], now)),
    };
    const cases = [...truncations(valid()), ...wrongVersions(valid()), ...randomInputs(23), tooMany, oneBadRecord];
    for (const input of cases) {
      const before = await contents();
      let error: unknown = null;
      try {
        await importLikeTheBackground(input.text);
      } catch (e) {
        error = e;
      }
      expect(error, input.name).toBeInstanceOf(StatsInputError);
      expect((error as Error).message.length, input.name).toBeGreaterThan(10);
      expect(await contents(), input.name).toEqual(before);
    }
  }, 60_000);

  it('is not fooled by an oversized bundle padded with unknown fields (nothing imported beyond its records)', async () => {
    const before = await contents();
    const result = await importLikeTheBackground(oversized(valid(), 4 * 1024 * 1024).text);
    expect(result).toEqual({ added: 2, duplicates: 0, replaced: 0 });
    expect((await contents()).responses).toHaveLength(before.responses.length + 2);
  });
});

describe('stats bundle import: consistency, dates and shape (issue 16)', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  const good = (over: Partial<ResponseRecord> = {}): ResponseRecord => ({
    id: '123|c1|1763636400',
    pageId: '123',
    conversation: 'c1',
    customerAt: now - 600_000,
    repliedAt: now - 540_000,
    agent: 'Marie',
    responseSeconds: 60,
    businessResponseSeconds: 60,
    withinTarget: true,
    source: 'this-browser',
    precision: 'exact',
    ...over,
  });
  const refusal = (records: unknown[]) => {
    try {
      validateBundle(JSON.stringify(makeBundle(records as ResponseRecord[], now)), now);
      return null;
    } catch (e) {
      expect(e).toBeInstanceOf(StatsInputError);
      return (e as Error).message;
    }
  };

  it('accepts a consistent record, and rounding of a second', () => {
    expect(refusal([good()])).toBeNull();
    expect(refusal([good({ repliedAt: now - 539_400 })])).toBeNull(); // 60.6 s stored as 60
  });

  it('refuses a duration its timestamps do not give (34,000,000 s over 60 s)', () => {
    expect(refusal([good({ responseSeconds: 34_000_000, businessResponseSeconds: 34_000_000 })])).toMatch(/responseSeconds.*34000000.*60 s apart/);
    expect(refusal([good({ responseSeconds: 62 })])).toMatch(/60 s apart/);
  });

  it('refuses business time longer than the response', () => {
    expect(refusal([good({ businessResponseSeconds: 3600 })])).toMatch(/businessResponseSeconds/);
  });

  it('refuses replies dated beyond clock skew (23 h ahead), accepts a few minutes ahead', () => {
    const ahead = (ms: number) => good({ customerAt: now + ms - 60_000, repliedAt: now + ms });
    expect(refusal([ahead(23 * 3_600_000)])).toMatch(/in the future/);
    expect(refusal([ahead(IMPORT_CLOCK_SKEW_MS + 1000)])).toMatch(/in the future/);
    expect(refusal([ahead(2 * 60_000)])).toBeNull();
  });

  it('refuses a deeply nested file without parsing it, and says why', () => {
    const deep = '['.repeat(5_000_000);
    expect(() => validateBundle(deep, now)).toThrow(/nested deeper/);
    const closed = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => validateBundle(closed, now)).toThrow(/nested deeper/);
  });

  it('measures nesting outside strings only', () => {
    expect(nestingDepth('{"a":[{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(nestingDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(nestingDepth(JSON.stringify(makeBundle([good()], now)))).toBe(3);
  });

  it('refuses text larger than the size limit before parsing', () => {
    expect(() => validateBundle(' '.repeat(MAX_BUNDLE_BYTES + 1), now)).toThrow(/larger than/);
  });
});

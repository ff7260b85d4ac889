import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { listFiles } from '../security/scan';
import { RepliesDatabase } from '../../../utils/replies/db';
import { declareStatsSchema, STATS_DB_VERSION, STATS_SCHEMA } from '../../../utils/stats/db';

/**
 * Cross-check of every stored thing across upgrades. The owners test their
 * own migrations with real old data; this file enumerates ALL storage items
 * and databases in the source so that none is forgotten:
 * - every persisted storage item (local:/sync:) is versioned, keys are
 *   unique, and an item at version N has a migration for each of 2..N (WXT
 *   silently skips a missing step, and runs no migration at all when the
 *   `migrations` option is absent);
 * - every such item migrates from each older version without throwing;
 * - every Dexie database upgrades from each older version keeping every row.
 */
const root = resolve(__dirname, '../../..');

interface DeclaredItem {
  file: string;
  key: string;
  exportName: string | null;
  version: number | null;
  migrationSteps: number[] | null;
}

/** The text of a call's argument list starting at `open` (the index of its `(`). */
function callArguments(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return code.slice(open + 1, i);
  }
  return code.slice(open + 1);
}

function declaredItems(): DeclaredItem[] {
  const files = ['utils', 'components', 'entrypoints'].flatMap((d) => listFiles(join(root, d), /\.(ts|tsx)$/));
  const items: DeclaredItem[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:export\s+const\s+(\w+)\s*=\s*)?storage\.defineItem\s*(?:<[^(]*>)?\s*\(/g)) {
      const args = callArguments(code, m.index! + m[0].length - 1);
      const key = /^\s*['"`]([^'"`]+)['"`]/.exec(args)?.[1] ?? '(dynamic key)';
      const version = /\bversion\s*:\s*(\d+)/.exec(args);
      const migrations = /\bmigrations\s*:\s*\{([\s\S]*)\}/.exec(args);
      items.push({
        file: relative(root, file),
        key,
        exportName: m[1] ?? null,
        version: version ? Number(version[1]) : null,
        migrationSteps: migrations ? [...migrations[1]!.matchAll(/(?:^|[,{\s])(\d+)\s*:/g)].map((s) => Number(s[1])) : null,
      });
    }
  }
  return items;
}

const persisted = (i: DeclaredItem) => /^(local|sync|managed):/.test(i.key);

describe('storage items: enumerated from the source', () => {
  const items = declaredItems();

  it('finds the items (an empty scan would pass vacuously)', () => {
    expect(items.map((i) => i.key)).toEqual(expect.arrayContaining(['local:settings.general', 'local:ui.sidebarCollapsed']));
  });

  it('every persisted item has a literal key and a version', () => {
    const bad = items.filter(persisted).filter((i) => i.version === null || i.key === '(dynamic key)');
    expect(bad.map((i) => `${i.file}: ${i.key}`)).toEqual([]);
  });

  it('no two items share a storage key', () => {
    const keys = items.map((i) => i.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('an item at version N declares a migration for every step 2..N', () => {
    const gaps = items
      .filter((i) => (i.version ?? 1) > 1)
      .flatMap((i) => {
        const want = Array.from({ length: i.version! - 1 }, (_, k) => k + 2);
        const missing = want.filter((v) => !(i.migrationSteps ?? []).includes(v));
        return missing.length ? [`${i.file}: ${i.key} v${i.version} lacks migrations for ${missing.join(', ')}`] : [];
      });
    expect(gaps).toEqual([]);
  });

  it('every persisted item migrates from each older version without throwing and ends at its version', async () => {
    for (const declared of items.filter(persisted)) {
      if (!declared.exportName) continue; // a non-exported item cannot be reached here; the checks above still cover it
      const mod = (await import(/* @vite-ignore */ join(root, declared.file))) as Record<string, unknown>;
      const item = mod[declared.exportName] as { key: string; fallback: unknown; migrate: () => Promise<void>; getMeta: () => Promise<{ v?: number }> };
      expect(item.key, declared.file).toBe(declared.key);
      const target = declared.version ?? 1;
      const [area, name] = declared.key.split(/:(.*)/s) as ['local' | 'sync', string];
      for (let from = 1; from < target; from++) {
        await browser.storage[area].clear();
        await browser.storage[area].set({ [name]: item.fallback ?? {}, [`${name}$`]: { v: from } });
        await expect(item.migrate(), `${declared.key} from v${from}`).resolves.toBeUndefined();
        expect((await item.getMeta()).v, `${declared.key} from v${from}`).toBe(target);
        expect((await browser.storage[area].get(name))[name], `${declared.key} from v${from}: value lost`).not.toBeUndefined();
      }
    }
  });
});

/** A row for a table from its Dexie index spec: `At`-suffixed fields are times, others strings. */
function rowFor(spec: string, n: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const fields = spec.split(',').flatMap((part) => part.trim().replace(/^[&*+]+/, '').replace(/^\[|\]$/g, '').split('+')).filter(Boolean);
  for (const f of fields) row[f] = /At$/.test(f) ? 1_763_000_000_000 + n * 1000 : `${f}-${n}`;
  return row;
}

describe('Dexie databases: every older version upgrades keeping every row', () => {
  it('stats: from each version of STATS_SCHEMA to the latest', async () => {
    expect(STATS_SCHEMA.map((s) => s.version)).toEqual(Array.from({ length: STATS_DB_VERSION }, (_, i) => i + 1));
    for (const step of STATS_SCHEMA.slice(0, -1)) {
      const name = `upgrade-stats-v${step.version}-${Math.random()}`;
      const old = new Dexie(name);
      declareStatsSchema(old, step.version);
      await old.open();
      const seeded: Record<string, unknown[]> = {};
      for (const [table, spec] of Object.entries(step.stores)) {
        if (spec === null) continue;
        const rows = Array.from({ length: 5 }, (_, n) => rowFor(spec, n));
        await old.table(table).bulkAdd(rows);
        seeded[table] = (await old.table(table).toCollection().primaryKeys()).sort();
      }
      old.close();

      const upgraded = new Dexie(name);
      declareStatsSchema(upgraded);
      await upgraded.open();
      expect(upgraded.verno).toBe(STATS_DB_VERSION);
      for (const [table, keys] of Object.entries(seeded)) {
        expect((await upgraded.table(table).toCollection().primaryKeys()).sort(), `${table} after v${step.version} -> v${STATS_DB_VERSION}`).toEqual(keys);
      }
      upgraded.close();
      await Dexie.delete(name);
    }
  });

  it('saved replies: a database declared in a class exposes no older schema, so it must still be at version 1', () => {
    // When RepliesDatabase gets a version 2, export its schema steps (as utils/stats/db.ts does)
    // and add it to the upgrade check above: this test fails until then.
    const db = new RepliesDatabase(`upgrade-replies-${Math.random()}`);
    expect(db.verno).toBe(1);
  });
});

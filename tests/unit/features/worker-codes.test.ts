import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { MessageError, sendMessage } from '../../../utils/messaging';
import { registerStatsBackground } from '../../../components/features/stats/background';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { featureSwitches } from '../../../utils/settings/features';
import { customer, MIN, reply, T0 } from '../stats/fixtures';

beforeEach(async () => {
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
});

describe('messaging errors carry codes (issue 12)', () => {
  it('a refused event comes back as invalid-request with its index, not as text to parse', async () => {
    registerStatsBackground();
    const future = customer('late', Date.now() + 3 * 86_400_000);
    const error = await sendMessage('stats:events', { events: [customer('a', T0), future] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('invalid-request');
    expect((error as MessageError).index).toBe(1);
  });

  it('a malformed request is invalid-request without an index', async () => {
    registerStatsBackground();
    const error = await sendMessage('stats:events', 'nonsense' as never).catch((e: unknown) => e);
    expect((error as MessageError).code).toBe('invalid-request');
    expect((error as MessageError).index).toBeUndefined();
  });
});

describe('stats recording switched off', () => {
  it('the worker acknowledges and records nothing; switched on again, it records', async () => {
    registerStatsBackground();
    await featureSwitches.setValue({ stats: false });
    const off = await sendMessage('stats:events', { events: [customer('a', T0), reply('a', T0 + MIN)] });
    expect(off.acked).toHaveLength(2);
    expect(await statsDb().responses.count()).toBe(0);
    await featureSwitches.setValue({ stats: true });
    await sendMessage('stats:events', { events: [customer('b', T0), reply('b', T0 + MIN)] });
    expect(await statsDb().responses.count()).toBe(1);
  });
});

describe('the worker owns the databases (issue 12)', () => {
  it('the popup, the options page and the content script never open a database themselves', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []));
    const pages = [...files('components/popup'), ...files('components/options'), ...files('components/sidebar'), ...files('entrypoints/popup'), ...files('entrypoints/options')];
    // A feature's worker part is background.ts, and background-*.ts for the worker-only modules it splits out.
    const features = files('components/features').filter((f) => !/[/\\]background(-[a-z-]+)?\.ts$/.test(f));
    const opening = [...pages, ...features].filter((f) => /utils\/(stats|replies)\/db'/.test(readFileSync(f, 'utf8')));
    expect(opening).toEqual([]);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type E2EBrowser } from './harness';
import { storedResponses } from './stats-support';

/**
 * Issue 16, "bad input stays in its box", in the real extension: a 50 MB stats bundle of `[[[…`
 * imported from the options page is refused with a message, the data stays intact, and the popup
 * and the options page keep working.
 */
let browser: E2EBrowser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a hostile team bundle', () => {
  it('50 MB of "[[[…" is refused with a message; the data, the popup and the options page are intact', async () => {
    const now = Date.now();
    const good = {
      format: 'inbox-pilot-stats',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      responses: [
        { id: 'p|bad-input|1', pageId: 'p', conversation: 'bad-input', customerAt: now - 120_000, repliedAt: now - 60_000, agent: 'Léa', responseSeconds: 60, businessResponseSeconds: 60, withinTarget: true, source: 'this-browser', precision: 'exact' },
      ],
    };
    const options = await browser.openOptions();
    const input = options.getByTestId('data-import');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/Imported 1/);
    const before = (await storedResponses(options)).length;

    // Playwright passes buffers up to 50 MB only: the file goes through the disk.
    const dir = await mkdtemp(join(tmpdir(), 'inbox-pilot-bad-input-'));
    const deep = join(dir, 'deep.json');
    await writeFile(deep, Buffer.alloc(50 * 1024 * 1024, '['));
    await input.setInputFiles(deep);
    await expect.poll(() => options.getByTestId('data-status').textContent(), { timeout: 30_000 }).toMatch(/refused.*nested deeper/i);
    await rm(dir, { recursive: true, force: true });
    expect((await storedResponses(options)).length).toBe(before);

    // Both pages still work: the popup shows the week, the options page answers.
    const popup = await browser.openPopup();
    await popup.getByTestId('stats-table').waitFor();
    await expect(popup.locator('[data-testid="stats-table"] tbody tr[data-agent="Léa"] [data-col="responses"]').textContent()).resolves.toBe('1');
    await options.reload();
    await options.getByTestId('data-section').waitFor();
    expect((await browser.allErrors()).filter((e) => !/inbox/.test(e.where))).toEqual([]);
    await popup.close();
    await options.close();
  }, 120_000);

  it('a bundle whose duration disagrees with its timestamps, or dated 23 h ahead, is refused with a message', async () => {
    const now = Date.now();
    const record = { id: 'p|x|1', pageId: 'p', conversation: 'x', customerAt: now - 120_000, repliedAt: now - 60_000, agent: 'Paul', responseSeconds: 34_000_000, businessResponseSeconds: 60, withinTarget: false, source: 'this-browser', precision: 'exact' };
    const options = await browser.openOptions();
    const input = options.getByTestId('data-import');
    await input.waitFor({ state: 'attached' });
    const bundle = (r: object) => Buffer.from(JSON.stringify({ format: 'inbox-pilot-stats', version: 1, exportedAt: new Date(now).toISOString(), responses: [r] }));
    await input.setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: bundle(record) });
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/refused.*34000000.*60 s apart/);
    const ahead = { ...record, customerAt: now + 23 * 3_600_000 - 60_000, repliedAt: now + 23 * 3_600_000, responseSeconds: 60 };
    await input.setInputFiles({ name: 'ahead.json', mimeType: 'application/json', buffer: bundle(ahead) });
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/refused.*in the future/);
    expect((await storedResponses(options)).filter((r) => r.conversation === 'x')).toEqual([]);
    await options.close();
  });
});

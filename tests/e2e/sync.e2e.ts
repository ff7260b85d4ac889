import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, sidebar, EXTENSION_DIR, type E2EBrowser } from './harness';
import { couchRequest, runTeamSetup, startCouch, type Couch } from './couch';
import { waitForResponses } from './stats-support';

// Team sync end to end: pouchdb-server on a free loopback port (started with node), the team set
// up with `npm run team:setup`, two agents' and a manager's browsers (separate Chromium profiles,
// the built extension, the simulated inbox).
//
// The one difference from a user's install: Chromium shows its permission prompt for the team
// server's origin as a native dialog a test cannot answer, so these browsers load a copy of the
// build whose manifest already grants http://127.0.0.1/* (the options page's permission request
// then resolves at once, as after a user's "Allow"). The shipped manifest only has it as optional.
let couch: Couch;
let extensionDir: string;
const DB = 'acme-team';
const browsers: Record<string, E2EBrowser> = {};
const passwords: Record<string, string> = { marie: 'pw1', paul: 'pw2', chloe: 'pw3' };

beforeAll(async () => {
  couch = await startCouch();
  const setup = await runTeamSetup(['--url', couch.url, '--db', DB, '--admin', 'admin:secret', '--agent', 'marie:pw1', '--agent', 'paul:pw2', '--manager', 'chloe:pw3']);
  expect(setup.stderr).toBe('');
  extensionDir = mkdtempSync(join(tmpdir(), 'inbox-pilot-sync-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
  for (const user of ['marie', 'paul', 'chloe']) browsers[user] = await launch({ extensionDir, allowOrigins: [couch.url] });
}, 120_000);

afterAll(async () => {
  for (const b of Object.values(browsers)) await b.close().catch(() => undefined);
  await couch?.stop();
  couch?.dispose();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

/** Sends a protocol message from an extension page (as the popup or options would). */
function message<T = any>(page: Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(
    async ([type, data]) => {
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ app: 'inbox-pilot', type, data });
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return reply.value;
    },
    [type, data] as const,
  );
}

async function connect(user: string, password = passwords[user]!): Promise<Page> {
  const options = await browsers[user]!.openOptions();
  const section = options.locator('[data-testid="sync-section"]');
  await section.waitFor();
  await section.locator('[data-testid="sync-url"]').fill(couch.url);
  await section.locator('[data-testid="sync-db"]').fill(DB);
  await section.locator('[data-testid="sync-user"]').fill(user);
  await section.locator('[data-testid="sync-password"]').fill(password);
  await section.locator('[data-testid="sync-connect"]').click();
  return options;
}

/** Response documents on the server, read as the admin. */
async function serverRecords(prefix: string): Promise<string[]> {
  const q = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const r = await couchRequest(`${couch.url}/${DB}/_all_docs?${q}`, 'admin:secret', 'GET');
  return (r.json?.rows ?? []).map((row: { id: string }) => row.id);
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 300));
    last = await read();
  }
  return last;
}

async function reply(user: string, agent: string, index: number): Promise<string> {
  const inbox = await browsers[user]!.openInbox({ layout: '2025-11' });
  await sidebar(inbox).waitFor();
  const id = (await inbox.evaluate(() => window.__sim.list().map((c) => c.id)))[index]!;
  await inbox.evaluate((id) => window.__sim.openConversation(id), id);
  await inbox.locator('[data-lexical-editor="true"]').waitFor();
  await inbox.waitForTimeout(2000);
  await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Bonjour, ma commande ?'), id);
  await inbox.waitForTimeout(1200);
  await inbox.evaluate(([id, agent]) => window.__sim.agentReply(id!, 'Oui, partie ce matin.', agent!), [id, agent]);
  const popup = await browsers[user]!.openPopup();
  await waitForResponses(popup, [id], 1);
  await popup.close();
  await inbox.close();
  return id;
}

describe('team sync', () => {
  it('a wrong password gets a clear error and saves nothing', async () => {
    const options = await connect('marie', 'not-the-password');
    const status = options.locator('[data-testid="sync-status-message"]');
    await expect(status.textContent({ timeout: 15_000 })).resolves.toBe('Wrong user name or password.');
    expect((await message(options, 'sync:status')).connection).toBeNull();
    await options.close();
  });

  it("replies typed in both agents' browsers reach the manager's popup with the right agents", async () => {
    for (const user of ['marie', 'paul', 'chloe']) {
      const options = await connect(user);
      await options.locator('[data-testid="sync-state"]').waitFor({ timeout: 20_000 });
      await options.close();
    }
    const m = await reply('marie', 'Marie Dupont', 0);
    const p = await reply('paul', 'Paul Girard', 1);
    for (const user of ['marie', 'paul']) {
      const page = await browsers[user]!.openOptions();
      const { state } = await message(page, 'sync:now');
      expect(state).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
      await page.close();
    }
    expect((await serverRecords('resp:marie:')).some((id) => id.includes(m))).toBe(true);
    expect((await serverRecords('resp:paul:')).some((id) => id.includes(p))).toBe(true);

    const chloe = await browsers.chloe!.openOptions();
    await message(chloe, 'sync:now');
    await chloe.close();
    const popup = await browsers.chloe!.openPopup();
    const team = popup.locator('[data-testid="sync-team"]');
    await team.waitFor({ timeout: 15_000 });
    for (const [user, agent] of [['marie', 'Marie Dupont'], ['paul', 'Paul Girard']] as const) {
      const row = team.locator(`tr[data-user="${user}"]`);
      await expect(row.locator('td').first().textContent()).resolves.toBe('1');
      await expect(row.textContent()).resolves.toContain(agent);
      await expect(row.getAttribute('data-stale')).resolves.toBe('false');
      // The manager's own stats table now covers the team.
      await popup.locator(`[data-testid="stats-table"] tbody tr[data-agent="${agent}"]`).waitFor();
    }
    // Opening the popup made the manager's browser sync again: the line says so, then "Synced".
    await until('the sync line to say Synced', () => popup.locator('[data-testid="sync-status"]').textContent(), (t) => /^Synced · Last sync/.test(t ?? ''));
    await popup.close();
  }, 180_000);

  it("the manager's library change reaches an agent, whose personal replies stay", async () => {
    const chloe = await browsers.chloe!.openOptions();
    await message(chloe, 'sync:publish', { what: 'library' });
    await chloe.close();
    const marie = await browsers.marie!.openOptions();
    const count = () =>
      marie.evaluate(
        () =>
          new Promise<{ team: number; personal: number }>((resolve, reject) => {
            const open = indexedDB.open('inbox-pilot-replies');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('replies').objectStore('replies').getAllKeys();
              req.onsuccess = () => {
                const keys = req.result.map(String);
                open.result.close();
                resolve({ team: keys.filter((k) => k.startsWith('team-')).length, personal: keys.filter((k) => !k.startsWith('team-')).length });
              };
            };
          }),
      );
    const before = await count();
    expect(before.team).toBe(0);
    await message(marie, 'sync:now');
    const after = await until('team replies at marie', count, (c) => c.team > 0);
    expect(after.personal).toBe(before.personal);
    await marie.close();
  }, 60_000);

  it("an agent's worker stopped in the middle of a 3,000-record push loses and duplicates nothing", async () => {
    const b = browsers.paul!;
    const page = await b.openOptions();
    const base = Date.now() - 3 * 86_400_000;
    await page.evaluate(
      (base) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('inbox-pilot-stats');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('responses', 'readwrite');
            const store = tx.objectStore('responses');
            for (let i = 0; i < 3000; i++) {
              const customerAt = base + i * 60_000;
              store.put({ id: `bulk|c${i}|${Math.floor(customerAt / 1000)}`, pageId: 'bulk', conversation: `c${i}`, customerAt, repliedAt: customerAt + 90_000, agent: 'Paul Girard', responseSeconds: 90, businessResponseSeconds: 90, withinTarget: true, source: 'this-browser', precision: 'exact' });
            }
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      base,
    );
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    void message(page, 'sync:now').catch(() => undefined); // dies with the worker
    const partial = await until('part of the push on the server', () => serverRecords('resp:paul:bulk'), (ids) => ids.length > 0, 60_000);
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(partial.length).toBeLessThan(3000);
    // The next start resumes from the checkpoints.
    const { state } = await until('a complete sync after the restart', () => message(page, 'sync:now'), (r: any) => r.state.phase === 'idle' && r.state.waiting === 0, 90_000);
    expect(state.lastError).toBeNull();
    const ids = await serverRecords('resp:paul:bulk');
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
    await page.close();
  }, 240_000);

  it('with the server stopped, records wait and the state says so; after a restart they arrive', async () => {
    await couch.stop();
    const id = await reply('marie', 'Marie Dupont', 2);
    const options = await browsers.marie!.openOptions();
    const { state } = await message(options, 'sync:now');
    expect(state).toMatchObject({ phase: 'error', lastError: { kind: 'unreachable' } });
    expect(state.waiting).toBeGreaterThan(0);
    const popup = await browsers.marie!.openPopup();
    const line = popup.locator('[data-testid="sync-error"]');
    await expect(line.textContent({ timeout: 15_000 })).resolves.toContain('Server unreachable');
    await expect(popup.locator('[data-testid="sync-status"]').getAttribute('data-waiting')).resolves.not.toBe('0');
    await popup.close();
    await couch.start();
    const after = await message(options, 'sync:now');
    expect(after.state).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
    expect((await serverRecords('resp:marie:')).some((x) => x.includes(id))).toBe(true);
    await options.close();
  }, 180_000);

  it("the server refuses an agent writing another agent's record or editing her own (direct HTTP)", async () => {
    const doc = { type: 'response', user: 'paul', browser: 'x', customerAt: 1, repliedAt: 2 };
    expect((await couchRequest(`${couch.url}/${DB}/resp:paul:forged`, 'marie:pw1', 'PUT', doc)).status).toBe(403);
    const [own] = await serverRecords('resp:marie:');
    const current = await couchRequest(`${couch.url}/${DB}/${encodeURIComponent(own!)}`, 'marie:pw1', 'GET');
    expect((await couchRequest(`${couch.url}/${DB}/${encodeURIComponent(own!)}`, 'marie:pw1', 'PUT', { ...current.json, responseSeconds: 1 })).status).toBe(403);
    expect((await couchRequest(`${couch.url}/${DB}/_all_docs`, null, 'GET')).status).toBe(401);
    // Deleting (the retention job's write) is a manager's: refused to an agent, even for her own record.
    const rev = current.json._rev as string;
    expect((await couchRequest(`${couch.url}/${DB}/${encodeURIComponent(own!)}?rev=${rev}`, 'marie:pw1', 'DELETE')).status).toBe(403);
    expect((await couchRequest(`${couch.url}/${DB}/${encodeURIComponent(own!)}`, 'admin:secret', 'GET')).status).toBe(200);
  });

  it('with an inbox open, the minute alarm syncs a reply without "Sync now"', async () => {
    const b = browsers.paul!;
    const inbox = await b.openInbox({ layout: '2025-11' });
    await sidebar(inbox).waitFor();
    const id = (await inbox.evaluate(() => window.__sim.list().map((c) => c.id)))[3]!;
    await inbox.evaluate((id) => window.__sim.openConversation(id), id);
    await inbox.locator('[data-lexical-editor="true"]').waitFor();
    await inbox.waitForTimeout(2000);
    await inbox.evaluate((id) => window.__sim.addCustomerMessage(id, 'Toujours là ?'), id);
    await inbox.waitForTimeout(1200);
    await inbox.evaluate((id) => window.__sim.agentReply(id, 'Oui !', 'Paul Girard'), id);
    const popup = await b.openPopup();
    await waitForResponses(popup, [id], 1);
    // The inbox tab told the worker it is open (no tabs permission involved).
    const seen = await popup.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('sync.inboxSeenAt'))['sync.inboxSeenAt']);
    expect(typeof seen).toBe('number');
    await popup.close();
    // Nobody presses "Sync now": the record reaches the server with the next alarms (every minute while the inbox is open).
    await until('the alarm to push the reply', () => serverRecords('resp:paul:'), (ids) => ids.some((x) => x.includes(id)), 150_000);
    await inbox.close();
  }, 200_000);

  it('every request the extensions made went to the team server only', () => {
    for (const b of Object.values(browsers)) {
      const outside = b.extensionNetworkRequests().filter((r) => !r.url.startsWith(`${couch.url}/`));
      expect(outside).toEqual([]);
    }
  });
});

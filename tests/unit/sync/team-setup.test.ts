// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest, runTeamSetup, startCouch, freePort, type Couch } from '../../e2e/couch';
import { DESIGN_DOC_ID } from '../../../utils/sync/rules.js';

// The team rules as the server enforces them: pouchdb-server on a free loopback port, set up
// with the operators' command, then plain HTTP requests as each kind of user.
let couch: Couch;
let db: string;
const DB = 'acme-team';
const users = ['--agent', 'marie:pw1', '--agent', 'paul:pw2', '--manager', 'chloe:pw3'];
const setupArgs = () => ['--url', couch.url, '--db', DB, '--admin', 'admin:secret', ...users];
const record = (user: string, id = 'p1|c1|1000') => ({ type: 'response', user, browser: 'b-1', agent: 'Marie D', pageId: 'p1', conversation: 'c1', customerAt: 1_000_000, repliedAt: 1_060_000, responseSeconds: 60, businessResponseSeconds: 60, withinTarget: true, precision: 'exact', id });

beforeAll(async () => {
  couch = await startCouch({ inMemory: true });
  db = `${couch.url}/${DB}`;
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  couch?.dispose();
});

describe('npm run team:setup', () => {
  it('creates the database, users, _security and rules, and a second run changes nothing it need not', async () => {
    const first = await runTeamSetup(setupArgs());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('database acme-team: created');
    expect(first.stdout).toContain('design document (team rules): created');
    const second = await runTeamSetup(setupArgs());
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('database acme-team: already there');
    expect(second.stdout).toContain('_security: unchanged');
    expect(second.stdout).toContain('design document (team rules): unchanged');
    const design = await couchRequest(`${db}/${DESIGN_DOC_ID}`, 'admin:secret', 'GET');
    expect(design.json._rev).toMatch(/^1-/);
    const sec = await couchRequest(`${db}/_security`, 'admin:secret', 'GET');
    expect(sec.json.members.roles).toEqual(['agent', 'manager']);
    for (const [u, role] of [['marie', 'agent'], ['chloe', 'manager']]) {
      const s = await couchRequest(`${couch.url}/_session`, `${u}:${u === 'marie' ? 'pw1' : 'pw3'}`, 'GET');
      expect(s.json.userCtx).toEqual({ name: u, roles: [role] });
    }
  }, 120_000);

  it('exits non-zero with a clear message when the admin password is wrong', async () => {
    const r = await runTeamSetup(['--url', couch.url, '--db', DB, '--admin', 'admin:wrong', ...users]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('admin credentials were refused');
  }, 60_000);

  it('exits non-zero with a clear message when the server is unreachable', async () => {
    const port = await freePort();
    const r = await runTeamSetup(['--url', `http://127.0.0.1:${port}`, '--db', DB, '--admin', 'admin:secret']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot reach the server');
  }, 60_000);

  it('refuses bad arguments before any request', async () => {
    const r = await runTeamSetup(['--url', couch.url, '--db', 'Bad Name', '--admin', 'admin:secret']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--db must be a CouchDB database name');
    const r2 = await runTeamSetup(['--url', couch.url, '--db', DB, '--admin', 'admin:secret', '--agent', 'nopassword']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('--agent expects name:password');
  }, 60_000);
});

describe('the server enforces the team rules (direct HTTP)', () => {
  it('anonymous requests can neither read nor write', async () => {
    expect((await couchRequest(`${db}/_all_docs`, null, 'GET')).status).toBe(401);
    expect((await couchRequest(`${db}/resp:marie:x`, null, 'PUT', record('marie'))).status).toBe(401);
    expect((await couchRequest(`${db}/_all_docs`, 'marie:wrong', 'GET')).status).toBe(401);
  });

  it("an agent creates her own record but not another agent's, even through replication's new_edits=false", async () => {
    expect((await couchRequest(`${db}/resp:marie:r1`, 'marie:pw1', 'PUT', record('marie'))).status).toBe(201);
    const other = await couchRequest(`${db}/resp:paul:r1`, 'marie:pw1', 'PUT', record('paul'));
    expect(other.status).toBe(403);
    expect(other.json.reason).toContain('only create your own records');
    const disguised = await couchRequest(`${db}/resp:marie:r2`, 'marie:pw1', 'PUT', record('paul'));
    expect(disguised.status).toBe(403);
    const bulk = await couchRequest(`${db}/_bulk_docs`, 'marie:pw1', 'POST', { new_edits: false, docs: [{ _id: 'resp:paul:r9', _rev: '1-abc', ...record('paul') }] });
    expect(bulk.json[0].error).toBe('forbidden');
    expect((await couchRequest(`${db}/resp:paul:r9`, 'admin:secret', 'GET')).status).toBe(404);
  });

  it('records are append-only: their owner can neither edit nor delete them; a manager may delete (retention) but not edit', async () => {
    const put = await couchRequest(`${db}/resp:paul:r3`, 'paul:pw2', 'PUT', record('paul'));
    const rev = put.json.rev as string;
    const edit = await couchRequest(`${db}/resp:paul:r3?rev=${rev}`, 'paul:pw2', 'PUT', { ...record('paul'), responseSeconds: 1 });
    expect(edit.status).toBe(403);
    expect(edit.json.reason).toContain('append-only');
    expect((await couchRequest(`${db}/resp:paul:r3?rev=${rev}`, 'paul:pw2', 'DELETE')).status).toBe(403);
    expect((await couchRequest(`${db}/resp:paul:r3?rev=${rev}`, 'chloe:pw3', 'PUT', { ...record('paul'), responseSeconds: 1 })).status).toBe(403);
    expect((await couchRequest(`${db}/resp:paul:r3`, 'admin:secret', 'GET')).json.responseSeconds).toBe(60);
    expect((await couchRequest(`${db}/resp:paul:r3?rev=${rev}`, 'chloe:pw3', 'DELETE')).status).toBe(200);
  });

  it('only managers write the team library and settings; agents read them', async () => {
    const lib = { type: 'library', replies: [{ id: 'r1', title: 'Hello', text: 'Hello!' }], updatedBy: 'chloe', updatedAt: 1 };
    expect((await couchRequest(`${db}/team:library`, 'marie:pw1', 'PUT', lib)).status).toBe(403);
    expect((await couchRequest(`${db}/team:library`, 'chloe:pw3', 'PUT', lib)).status).toBe(201);
    expect((await couchRequest(`${db}/team:library`, 'paul:pw2', 'GET')).json.replies[0].title).toBe('Hello');
    expect((await couchRequest(`${db}/team:other`, 'chloe:pw3', 'PUT', { type: 'other' })).status).toBe(403);
  });

  it('team users cannot change the rules or the security object', async () => {
    expect((await couchRequest(`${db}/${DESIGN_DOC_ID}`, 'chloe:pw3', 'PUT', { validate_doc_update: 'function(){}' })).status).toBeGreaterThanOrEqual(401);
    expect((await couchRequest(`${db}/_security`, 'chloe:pw3', 'PUT', {})).status).toBeGreaterThanOrEqual(401);
  });
});

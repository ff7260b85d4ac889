#!/usr/bin/env node
// Sets up a team database on a CouchDB 3 (or pouchdb-server) for Inbox Pilot's team sync:
//   npm run team:setup -- --url http://127.0.0.1:5984 --db acme-team --admin admin:secret \
//     --agent marie:pw1 --agent paul:pw2 --manager chloe:pw3
// Creates (or brings up to date) the database, the users with roles agent/manager, the
// _security object (members only: anonymous requests can neither read nor write) and the
// design document whose validate_doc_update enforces the team rules (utils/sync/rules.js).
// Idempotent: running it again changes only what differs (a user's password and roles are
// set again). Exit codes: 0 done, 1 bad arguments, 2 server unreachable, 3 admin refused,
// 4 the server refused a step.
import { designDoc, securityObject, AGENT_ROLE, MANAGER_ROLE, DESIGN_DOC_ID } from '../utils/sync/rules.js';

export class SetupError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

function splitPair(value, flag) {
  const at = typeof value === 'string' ? value.indexOf(':') : -1;
  if (at <= 0 || at === value.length - 1) throw new SetupError(`${flag} expects name:password, got "${value ?? ''}"`, 1);
  return { name: value.slice(0, at), password: value.slice(at + 1) };
}

export function parseArgs(argv) {
  const out = { url: '', db: '', admin: null, users: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--url', '--db', '--admin', '--agent', '--manager'].includes(flag)) throw new SetupError(`Unknown option ${flag}`, 1);
    if (value === undefined || value.startsWith('--')) throw new SetupError(`${flag} needs a value`, 1);
    i++;
    if (flag === '--url') out.url = value.replace(/\/+$/, '');
    else if (flag === '--db') out.db = value;
    else if (flag === '--admin') out.admin = splitPair(value, flag);
    else out.users.push({ ...splitPair(value, flag), role: flag === '--agent' ? AGENT_ROLE : MANAGER_ROLE });
  }
  if (!out.url) throw new SetupError('--url is required (for example --url https://couch.example.com)', 1);
  let parsed;
  try {
    parsed = new URL(out.url);
  } catch {
    throw new SetupError(`--url is not a URL: ${out.url}`, 1);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new SetupError(`--url must be http(s): ${out.url}`, 1);
  // CouchDB database names: lowercase letter first, then a-z 0-9 _$()+-/
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(out.db)) throw new SetupError(`--db must be a CouchDB database name (lowercase letter first, then a-z 0-9 _$()+-/), got "${out.db}"`, 1);
  if (!out.admin) throw new SetupError('--admin name:password is required (a server admin)', 1);
  const names = out.users.map((u) => u.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new SetupError(`User ${twice} is given twice`, 1);
  if (names.includes(out.admin.name)) throw new SetupError(`${out.admin.name} is the admin; give team users other names`, 1);
  return out;
}

function client(url, admin) {
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  return async function request(method, path, body) {
    let res;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (e) {
      const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e);
      throw new SetupError(`Cannot reach the server at ${url} (${cause}). Check --url and that CouchDB is running.`, 2);
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { raw: text };
    }
    return { status: res.status, json };
  };
}

function refused(step, res) {
  return new SetupError(`The server refused to ${step}: HTTP ${res.status} ${res.json?.error ?? ''} ${res.json?.reason ?? ''}`.trim(), 4);
}

/** Puts a document unless an equal one is there; returns 'created' | 'updated' | 'unchanged'. */
async function upsert(request, path, doc, same) {
  const got = await request('GET', path);
  if (got.status === 200 && same(got.json)) return 'unchanged';
  if (got.status !== 200 && got.status !== 404) throw refused(`read ${path}`, got);
  const put = await request('PUT', path, got.status === 200 ? { ...doc, _rev: got.json._rev } : doc);
  if (put.status !== 201 && put.status !== 202) throw refused(`write ${path}`, put);
  return got.status === 200 ? 'updated' : 'created';
}

/** Runs the setup; returns a list of what it did, or throws a SetupError. */
export async function teamSetup(options, log = () => {}) {
  const { url, db, admin, users } = options;
  const request = client(url, admin);
  const session = await request('GET', '/_session');
  if (session.status === 401) throw new SetupError(`The admin credentials were refused by ${url} (wrong name or password for "${admin.name}").`, 3);
  if (session.status !== 200) throw refused('open a session', session);
  if (!session.json?.userCtx?.roles?.includes('_admin')) {
    throw new SetupError(`"${admin.name}" is not a server admin on ${url} (the server answered without the _admin role; on a fresh server check that the admin was created).`, 3);
  }
  const steps = [];
  const dbPath = `/${encodeURIComponent(db)}`;
  const created = await request('PUT', dbPath);
  if (created.status === 201 || created.status === 202) steps.push(`database ${db}: created`);
  else if (created.status === 412) steps.push(`database ${db}: already there`);
  else throw refused(`create the database ${db}`, created);
  log(steps.at(-1));

  // CouchDB 3 creates _users on cluster setup; a single node set up by hand may lack it.
  const usersDb = await request('PUT', '/_users');
  if (![201, 202, 412].includes(usersDb.status)) throw refused('create the _users database', usersDb);
  for (const user of users) {
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`;
    const doc = { _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: [user.role], password: user.password };
    // Passwords are stored hashed, so they cannot be compared: a user is written again each run (idempotent in effect).
    const what = await upsert(request, path, doc, () => false);
    steps.push(`user ${user.name} (${user.role}): ${what === 'created' ? 'created' : 'password and roles set'}`);
    log(steps.at(-1));
  }

  const security = securityObject();
  const currentSecurity = await request('GET', `${dbPath}/_security`);
  if (currentSecurity.status !== 200) throw refused('read _security', currentSecurity);
  if (JSON.stringify(currentSecurity.json) === JSON.stringify(security)) steps.push('_security: unchanged');
  else {
    const put = await request('PUT', `${dbPath}/_security`, security);
    if (put.status !== 200 && put.status !== 201) throw refused('write _security', put);
    steps.push('_security: members are the roles agent and manager');
  }
  log(steps.at(-1));

  const design = designDoc();
  const what = await upsert(request, `${dbPath}/${DESIGN_DOC_ID}`, design, (cur) => cur.validate_doc_update === design.validate_doc_update);
  steps.push(`design document (team rules): ${what}`);
  log(steps.at(-1));
  return steps;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    const options = parseArgs(process.argv.slice(2));
    await teamSetup(options, (line) => console.log(`team:setup ${line}`));
    console.log(`team:setup done: ${options.url}/${options.db} is ready for Inbox Pilot's team sync.`);
  } catch (e) {
    console.error(`team:setup failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof SetupError ? e.code : 4);
  }
}

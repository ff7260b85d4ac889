import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A pouchdb-server on a free loopback port, started with `node` (not npx, whose child would
 * outlive it), for the team-sync tests. Stop it with stop(); restart() keeps its data
 * (on disk in a temporary folder unless started in memory).
 */
export interface Couch {
  url: string;
  port: number;
  admin: { name: string; password: string };
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Removes the data folder; call after the last stop(). */
  dispose(): void;
}

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

async function waitUp(url: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startCouch(opts: { inMemory?: boolean } = {}): Promise<Couch> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'inbox-pilot-couch-'));
  const url = `http://127.0.0.1:${port}`;
  const admin = { name: 'admin', password: 'secret' };
  let child: ChildProcess | null = null;
  const start = async () => {
    const args = [SERVER, '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', '--config', join(dir, 'config.json'), '--dir', dir];
    if (opts.inMemory) args.push('--in-memory');
    child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
    await waitUp(url);
    // Admin party on a fresh server: create the admin (kept in config.json across restarts).
    const who = await fetch(`${url}/_session`, { headers: { authorization: `Basic ${btoa(`${admin.name}:${admin.password}`)}` } });
    if (who.status === 401 || !(await who.json()).userCtx?.roles?.includes('_admin')) {
      const put = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
      if (!put.ok) throw new Error(`could not create the admin: ${put.status}`);
    }
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
  };
  await start();
  return { url, port, admin, start, stop, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `npm run team:setup -- <args>` as an operator would; resolves with its exit code and output. */
export function runTeamSetup(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile('npm', ['run', '--silent', 'team:setup', '--', ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      res({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A request as the given user (null: anonymous). */
export async function couchRequest(url: string, user: string | null, method: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (user) headers.authorization = `Basic ${btoa(user)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

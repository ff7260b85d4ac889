/**
 * The team-server connection the user types in the options (pure validation). HTTPS is
 * required, except for a server on this machine (127.0.0.1 / localhost), which is for tests
 * and local setups only.
 */
export interface SyncConnection {
  /** Server root, no trailing slash (https://couch.example.com or http://127.0.0.1:5984). */
  url: string;
  db: string;
  user: string;
  password: string;
  /** 'manager' browsers pull the team's records; read from the server's _session on connect. */
  role: 'agent' | 'manager';
}

export type ConnectionIssue = 'url' | 'https' | 'db' | 'user' | 'password';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function validateConnection(input: { url?: unknown; db?: unknown; user?: unknown; password?: unknown }): { value: Omit<SyncConnection, 'role'> | null; issues: ConnectionIssue[] } {
  const issues: ConnectionIssue[] = [];
  const rawUrl = typeof input.url === 'string' ? input.url.trim() : '';
  let url = '';
  try {
    const parsed = new URL(rawUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') issues.push('url');
    else if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) issues.push('https');
    else if (parsed.username || parsed.password || parsed.search || parsed.hash) issues.push('url');
    else url = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    issues.push('url');
  }
  const db = typeof input.db === 'string' ? input.db.trim() : '';
  if (!/^[a-z][a-z0-9_$()+/-]{0,237}$/.test(db)) issues.push('db');
  const user = typeof input.user === 'string' ? input.user.trim() : '';
  if (!user || user.includes(':') || user.length > 100) issues.push('user');
  const password = typeof input.password === 'string' ? input.password : '';
  if (!password) issues.push('password');
  return { value: issues.length ? null : { url, db, user, password }, issues };
}

/** The match pattern the browser grants at runtime (optional_host_permissions). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The database URL PouchDB's http adapter replicates with. */
export function databaseUrl(connection: Pick<SyncConnection, 'url' | 'db'>): string {
  return `${connection.url}/${encodeURIComponent(connection.db)}`;
}

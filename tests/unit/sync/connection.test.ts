import { describe, expect, it } from 'vitest';
import { databaseUrl, originPattern, validateConnection } from '../../../utils/sync/connection';

const ok = { url: 'https://couch.example.com/', db: 'acme-team', user: 'marie', password: 'pw' };

describe('validateConnection', () => {
  it('accepts HTTPS servers and trims the trailing slash', () => {
    expect(validateConnection(ok)).toEqual({ value: { ...ok, url: 'https://couch.example.com' }, issues: [] });
    expect(validateConnection({ ...ok, url: 'https://example.com/couch/' }).value!.url).toBe('https://example.com/couch');
  });
  it('requires HTTPS except on this machine', () => {
    expect(validateConnection({ ...ok, url: 'http://couch.example.com' }).issues).toEqual(['https']);
    expect(validateConnection({ ...ok, url: 'http://192.168.1.5:5984' }).issues).toEqual(['https']);
    expect(validateConnection({ ...ok, url: 'http://127.0.0.1:5984' }).issues).toEqual([]);
    expect(validateConnection({ ...ok, url: 'http://localhost:5984' }).issues).toEqual([]);
    expect(validateConnection({ ...ok, url: 'http://127.0.0.1.evil.com' }).issues).toEqual(['https']);
  });
  it('refuses URLs that are not plain server roots', () => {
    for (const url of ['', 'couch.example.com', 'ftp://x.com', 'https://u:p@x.com', 'https://x.com/?a=1', 'https://x.com/#f', 42]) {
      expect(validateConnection({ ...ok, url }).issues).toContain('url');
    }
  });
  it('checks the database name, user and password', () => {
    expect(validateConnection({ ...ok, db: 'Acme' }).issues).toEqual(['db']);
    expect(validateConnection({ ...ok, db: '_users' }).issues).toEqual(['db']);
    expect(validateConnection({ ...ok, user: '' }).issues).toEqual(['user']);
    expect(validateConnection({ ...ok, user: 'a:b' }).issues).toEqual(['user']);
    expect(validateConnection({ ...ok, password: '' }).issues).toEqual(['password']);
    expect(validateConnection({}).issues).toEqual(['url', 'db', 'user', 'password']);
  });
});

describe('origins and database URLs', () => {
  it('asks for the server host only', () => {
    expect(originPattern('https://couch.example.com/team')).toBe('https://couch.example.com/*');
    expect(originPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
  });
  it('encodes the database name', () => {
    expect(databaseUrl({ url: 'https://x.com', db: 'acme/team' })).toBe('https://x.com/acme%2Fteam');
  });
});

import { describe, expect, it } from 'vitest';
import { designDoc, securityObject, validateDocUpdate } from '../../../utils/sync/rules.js';

const agent = (name: string) => ({ name, roles: ['agent'] });
const manager = (name: string) => ({ name, roles: ['manager'] });
const admin = { name: 'admin', roles: ['_admin'] };
const rec = (user: string, extra: Record<string, unknown> = {}) => ({ _id: `resp:${user}:p|c|1`, user, browser: 'b1', customerAt: 1, repliedAt: 2, ...extra });

function verdict(newDoc: Record<string, unknown>, oldDoc: Record<string, unknown> | null, user: { name: string | null; roles: string[] }): string {
  try {
    validateDocUpdate(newDoc, oldDoc, user);
    return 'ok';
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return err.forbidden ? `forbidden: ${err.forbidden}` : `unauthorized: ${err.unauthorized}`;
  }
}

describe('validate_doc_update (the team rules)', () => {
  it('lets an agent create her own response record', () => {
    expect(verdict(rec('marie'), null, agent('marie'))).toBe('ok');
    expect(verdict({ _id: 'beat:marie:b1:2026-12-03T16', user: 'marie' }, null, agent('marie'))).toBe('ok');
  });
  it("refuses another agent's record, by id or by user field", () => {
    expect(verdict(rec('paul'), null, agent('marie'))).toMatch(/forbidden: You may only create your own records/);
    expect(verdict({ ...rec('marie'), user: 'paul' }, null, agent('marie'))).toMatch(/forbidden: A record must name its writer/);
    expect(verdict({ ...rec('marie'), _id: 'resp:marie' }, null, agent('marie'))).toMatch(/forbidden: You may only create/);
    expect(verdict({ ...rec('x'), _id: 'resp:marie-x:1', user: 'marie' }, null, agent('marie'))).toMatch(/forbidden/);
  });
  it('is append-only: no edit by anyone but an admin, deletion only by a manager', () => {
    const old = rec('marie');
    expect(verdict({ ...old, repliedAt: 3 }, old, agent('marie'))).toMatch(/append-only: .* cannot be edited/);
    expect(verdict({ ...old, repliedAt: 3 }, old, manager('chloe'))).toMatch(/append-only/);
    expect(verdict({ _id: old._id, _deleted: true }, old, agent('marie'))).toMatch(/only a manager's retention job/);
    expect(verdict({ _id: old._id, _deleted: true }, old, manager('chloe'))).toBe('ok');
    expect(verdict({ ...old, repliedAt: 3 }, old, admin)).toBe('ok');
    // After a retention delete the id may be written again (a tombstone is not a record).
    expect(verdict(old, { _id: old._id, _deleted: true }, agent('marie'))).toBe('ok');
  });
  it('keeps message text, customer names and malformed records out', () => {
    expect(verdict(rec('marie', { text: 'hi' }), null, agent('marie'))).toMatch(/never carry message text/);
    expect(verdict(rec('marie', { customerName: 'Zoé' }), null, agent('marie'))).toMatch(/never carry/);
    expect(verdict(rec('marie', { repliedAt: '2' }), null, agent('marie'))).toMatch(/numeric customerAt and repliedAt/);
    expect(verdict(rec('marie', { browser: '' }), null, agent('marie'))).toMatch(/must name its browser/);
  });
  it('lets only managers write the team library and settings, of the right type', () => {
    expect(verdict({ _id: 'team:library', type: 'library' }, null, agent('marie'))).toMatch(/Only a manager/);
    expect(verdict({ _id: 'team:library', type: 'library' }, null, manager('chloe'))).toBe('ok');
    expect(verdict({ _id: 'team:settings', type: 'settings' }, { _id: 'team:settings' }, manager('chloe'))).toBe('ok');
    expect(verdict({ _id: 'team:settings', type: 'library' }, null, manager('chloe'))).toMatch(/must say its type/);
    expect(verdict({ _id: 'team:x', type: 'x' }, null, manager('chloe'))).toMatch(/Unknown team document/);
    expect(verdict({ _id: 'team:library', _deleted: true }, null, agent('marie'))).toMatch(/Only a manager/);
  });
  it('refuses unknown kinds and users without a team role', () => {
    expect(verdict({ _id: 'other:1', user: 'marie' }, null, agent('marie'))).toMatch(/Unknown document kind/);
    expect(verdict(rec('marie'), null, { name: 'marie', roles: [] })).toMatch(/^unauthorized/);
    expect(verdict(rec('marie'), null, { name: null, roles: [] })).toMatch(/^unauthorized/);
    expect(verdict(rec('marie'), null, { name: null, roles: ['agent'] })).toMatch(/^unauthorized/);
  });
  it('travels as an anonymous ES5 function the server can evaluate', () => {
    const src = designDoc().validate_doc_update;
    expect(src.startsWith('function (') || src.startsWith('function(')).toBe(true);
    expect(src).not.toMatch(/=>|\blet\b|\bconst\b|`/);
    const fn = new Function(`return (${src})`)() as typeof validateDocUpdate;
    expect(() => fn(rec('paul'), null, agent('marie'))).toThrow();
    expect(() => fn(rec('marie'), null, agent('marie'))).not.toThrow();
  });
  it('makes the team roles the only members', () => {
    expect(securityObject().members.roles).toEqual(['agent', 'manager']);
  });
});

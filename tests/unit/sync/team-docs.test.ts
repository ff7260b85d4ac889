import { describe, expect, it } from 'vitest';
import { applyTeamSettings, libraryFromLocal, planTeamLibrary, readTeamLibrary, readTeamSettings, teamDocMeta, teamLibraryDoc, teamSettingsDoc } from '../../../utils/sync/team-docs';
import { validateDocUpdate } from '../../../utils/sync/rules.js';
import { DEFAULT_GENERAL_SETTINGS } from '../../../utils/settings/general';
import { DEFAULT_TIMING_SETTINGS } from '../../../utils/timers/settings';
import type { SavedReply } from '../../../utils/replies/types';

const schedule = { timeZone: 'Europe/Paris', weekly: { mon: [['09:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: ['2026-12-25'] };
const settings = { targetMinutes: 10, goalPercent: 80, companyNames: ['Acme'], businessHours: schedule, retentionWeeks: 30 };
const meta = { updatedAt: 5, updatedBy: 'chloe' };
const reply = (id: string, extra: Partial<SavedReply> = {}): SavedReply => ({ id, title: `T ${id}`, body: `Body ${id}`, language: 'any', tags: [], usageCount: 0, lastUsedAt: null, createdAt: 1, updatedAt: 1, ...extra });

describe('team settings', () => {
  it('round-trip through the document, which a manager may write and an agent may not', () => {
    const doc = teamSettingsDoc(settings as never, meta);
    expect(readTeamSettings(doc)).toEqual(settings);
    expect(teamDocMeta(doc)).toEqual(meta);
    expect(() => validateDocUpdate(doc, null, { name: 'chloe', roles: ['manager'] })).not.toThrow();
    expect(() => validateDocUpdate(doc, null, { name: 'marie', roles: ['agent'] })).toThrow();
  });
  it('are refused whole when any field is invalid', () => {
    for (const bad of [{ targetMinutes: 0 }, { goalPercent: 101 }, { companyNames: 'Acme' }, { businessHours: { timeZone: 'Nowhere/City', weekly: {}, holidays: [] } }, { retentionWeeks: 0 }, { retentionWeeks: 521 }, { retentionWeeks: 'all' }]) {
      expect(readTeamSettings({ type: 'settings', ...settings, ...bad })).toBeNull();
    }
    expect(readTeamSettings({ ...settings })).toBeNull();
    expect(readTeamSettings(null)).toBeNull();
    expect(readTeamSettings({ type: 'settings', ...settings, businessHours: null })!.businessHours).toBeNull();
    // A document published before the retention setting existed: the default 52 weeks.
    expect(readTeamSettings({ type: 'settings', ...settings, retentionWeeks: undefined })!.retentionWeeks).toBe(52);
  });
  it('replace the shared fields and keep the personal ones', () => {
    const general = { ...DEFAULT_GENERAL_SETTINGS, agentName: 'Marie', language: 'fr' as const };
    const timing = { ...DEFAULT_TIMING_SETTINGS, warningLeadMinutes: 3 };
    const out = applyTeamSettings(general, timing, readTeamSettings(teamSettingsDoc(settings as never, meta))!);
    expect(out.general).toEqual({ ...general, targetMinutes: 10, goalPercent: 80, companyNames: ['Acme'] });
    expect(out.timing).toEqual({ ...timing, businessHours: schedule });
    expect(teamDocMeta(null)).toEqual({ updatedAt: 0, updatedBy: '' });
  });
});

describe('team library', () => {
  it('keeps valid replies and drops invalid or duplicate ones', () => {
    const lib = readTeamLibrary(teamLibraryDoc({ replies: [{ id: 'a', title: 'Hi', body: 'Hello', language: 'any', tags: [] }] }, meta));
    expect(lib!.replies).toHaveLength(1);
    const mixed = readTeamLibrary({ type: 'library', replies: [{ id: 'a', title: 'Hi', body: 'Hello', language: 'any', tags: [] }, { id: 'a', title: 'Dup', body: 'x', language: 'any', tags: [] }, { id: 'b c', title: 'Bad id', body: 'x', language: 'any', tags: [] }, { id: 'd', title: '', body: '', language: 'any', tags: [] }, null] });
    expect(mixed!.replies.map((r) => r.id)).toEqual(['a']);
    expect(readTeamLibrary({ type: 'library' })).toBeNull();
    expect(readTeamLibrary({ type: 'settings', replies: [] })).toBeNull();
  });
  it('plans the local library: team replies added, updated and removed, personal replies untouched', () => {
    const local = [reply('mine', { shortcut: 'hi' }), reply('team-old'), reply('team-a', { usageCount: 4, title: 'T a' })];
    const plan = planTeamLibrary(local, { replies: [{ id: 'a', title: 'New title', body: 'Body a', language: 'any', tags: [] }, { id: 'b', title: 'B', body: 'b', language: 'fr', tags: ['x'], shortcut: 'hi' }] }, 99);
    expect(plan.remove).toEqual(['team-old']);
    expect(plan.put.map((r) => r.id)).toEqual(['team-a', 'team-b']);
    expect(plan.put[0]).toMatchObject({ title: 'New title', usageCount: 4, createdAt: 1, updatedAt: 99 });
    expect(plan.put[1]!.shortcut).toBeUndefined(); // the personal reply keeps its shortcut
  });
  it('changes nothing when the team library is unchanged', () => {
    const local = [reply('team-a', { title: 'A', body: 'a' })];
    expect(planTeamLibrary(local, { replies: [{ id: 'a', title: 'A', body: 'a', language: 'any', tags: [] }] }, 5)).toEqual({ put: [], remove: [] });
  });
  it("publishes a manager's replies under stable ids", () => {
    const lib = libraryFromLocal([reply('u1', { shortcut: 'x' }), reply('team-a')]);
    expect(lib.replies.map((r) => r.id)).toEqual(['u1', 'a']);
    expect(lib.replies[0]).toEqual({ id: 'u1', title: 'T u1', body: 'Body u1', language: 'any', tags: [], shortcut: 'x' });
    expect(readTeamLibrary(teamLibraryDoc(lib, meta))!.replies).toHaveLength(2);
  });
});

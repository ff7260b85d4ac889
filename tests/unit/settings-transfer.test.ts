import { describe, expect, it } from 'vitest';
import { generalSettings } from '../../utils/settings/general';
import { applySettings, exportSettings, parseSettingsFile, SETTINGS_FILE_MAX_BYTES } from '../../utils/settings/transfer';

describe('settings export / import', () => {
  it('round-trips the settings', async () => {
    await generalSettings.setValue({ agentName: 'Marie', companyNames: ['Acme'], targetMinutes: 15, goalPercent: 85, language: 'fr' });
    const text = await exportSettings(new Date('2026-11-21T10:00:00Z'));
    expect(Object.keys(JSON.parse(text).settings)).toEqual(['general', 'timing', 'draft', 'stats', 'features']);
    await generalSettings.removeValue();
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await applySettings(parsed.values);
    expect(await generalSettings.getValue()).toEqual({ agentName: 'Marie', companyNames: ['Acme'], targetMinutes: 15, goalPercent: 85, language: 'fr' });
  });

  it.each([
    ['truncated JSON', '{"format":"inbox-pilot-settings","version":1,"sett', 'not-json'],
    ['random bytes', '\u0000\u00ff garbage', 'not-json'],
    ['another JSON file', '{"hello":"world"}', 'not-settings-file'],
    ['a JSON array', '[1,2,3]', 'not-settings-file'],
    ['a future version', '{"format":"inbox-pilot-settings","version":99,"settings":{}}', 'unsupported-version'],
    ['an invalid section', '{"format":"inbox-pilot-settings","version":1,"settings":{"general":{"targetMinutes":-3}}}', 'invalid-section'],
    ['an oversized file', `{"format":"inbox-pilot-settings","version":1,"settings":{},"pad":"${'x'.repeat(SETTINGS_FILE_MAX_BYTES)}"}`, 'too-large'],
  ])('rejects %s with a clear error', (_name, text, code) => {
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.code).toBe(code);
  });

  it('reports sections it does not know without failing', () => {
    const parsed = parseSettingsFile('{"format":"inbox-pilot-settings","version":1,"settings":{"general":{"agentName":"Paul"},"future":{}}}');
    expect(parsed).toMatchObject({ ok: true, unknownSections: ['future'] });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('reads a %s section as an unknown section, not as a built-in', async (name) => {
    const parsed = parseSettingsFile(`{"format":"inbox-pilot-settings","version":1,"settings":{"${name}":{"x":1},"general":{"agentName":"Paul"}}}`);
    expect(parsed).toMatchObject({ ok: true, unknownSections: [name] });
    if (!parsed.ok) return;
    expect(Object.keys(parsed.values)).toEqual(['general']);
    await applySettings(parsed.values);
    expect((await generalSettings.getValue()).agentName).toBe('Paul');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, validateGeneralSettings } from '../../utils/settings/general';
import { localeFromLanguageTag, resolveLocale } from '../../utils/i18n';

describe('general settings', () => {
  it('falls back to the defaults (5 minutes, 90 %, auto language)', async () => {
    expect(await generalSettings.getValue()).toEqual(DEFAULT_GENERAL_SETTINGS);
    expect(DEFAULT_GENERAL_SETTINGS).toMatchObject({ targetMinutes: 5, goalPercent: 90, language: 'auto' });
  });

  it('normalises valid input', () => {
    const { value, issues } = validateGeneralSettings({
      agentName: '  Marie  ',
      companyNames: ['Acme', ' Acme ', '', 'Acme SAV'],
      targetMinutes: 15,
      goalPercent: 90.4,
      language: 'fr',
    });
    expect(issues).toEqual([]);
    expect(value).toEqual({ agentName: 'Marie', companyNames: ['Acme', 'Acme SAV'], targetMinutes: 15, goalPercent: 90, language: 'fr' });
  });

  it.each([
    [{ targetMinutes: 0 }, 'targetMinutes'],
    [{ targetMinutes: NaN }, 'targetMinutes'],
    [{ goalPercent: 101 }, 'goalPercent'],
    [{ agentName: 'x'.repeat(41) }, 'agentName'],
    [{ language: 'de' }, 'language'],
    [{ companyNames: 'Acme' }, 'companyNames'],
  ])('reports %o as a problem with %s and keeps the default', (input, field) => {
    const { value, issues } = validateGeneralSettings(input);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(value[field as keyof typeof value]).toEqual(DEFAULT_GENERAL_SETTINGS[field as keyof typeof value]);
  });
});

describe('UI language', () => {
  it('follows the browser unless overridden', () => {
    expect(localeFromLanguageTag('fr-CA')).toBe('fr');
    expect(localeFromLanguageTag('de-DE')).toBe('en');
    expect(resolveLocale('auto', 'fr-FR')).toBe('fr');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
    expect(resolveLocale('fr', 'en-US')).toBe('fr');
  });
});

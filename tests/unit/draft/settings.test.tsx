import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { DraftSection } from '../../../components/features/draft/options';
import { uiLocale } from '../../../utils/i18n';
import { DEFAULT_DRAFT_SETTINGS, draftSettings, validateDraftSettings } from '../../../utils/draft/settings';
import { RULE_IDS } from '../../../utils/draft/types';

describe('draft settings', () => {
  it('defaults: every rule on, 500/1,000 characters, 140-character first sentence, 90 % similarity, 3 steps', async () => {
    const stored = await draftSettings.getValue();
    expect(stored).toEqual(DEFAULT_DRAFT_SETTINGS);
    expect(RULE_IDS.every((id) => stored.enabled[id])).toBe(true);
    expect(stored).toMatchObject({ maxLength: 500, hardMaxLength: 1000, keyPointMaxChars: 140, savedReplySimilarity: 90, minSteps: 3, acronyms: [] });
  });

  it('normalises valid input', () => {
    const { value, issues } = validateDraftSettings({
      enabled: { shouting: false, 'unknown-rule': true },
      maxLength: '600',
      hardMaxLength: 1200.4,
      acronyms: [' loxam ', 'LOXAM', '', 'Ikea'],
    });
    expect(issues).toEqual([]);
    expect(value.enabled.shouting).toBe(false);
    expect(value.enabled['too-long']).toBe(true);
    expect(value).toMatchObject({ maxLength: 600, hardMaxLength: 1200, acronyms: ['LOXAM', 'IKEA'] });
    expect(Object.keys(value.enabled).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([
    [{ maxLength: 10 }, 'maxLength'],
    [{ keyPointMaxChars: 'abc' }, 'keyPointMaxChars'],
    [{ savedReplySimilarity: 101 }, 'savedReplySimilarity'],
    [{ minSteps: true }, 'minSteps'],
    [{ maxLength: 900, hardMaxLength: 800 }, 'hardMaxLength'],
    [{ enabled: 'yes' }, 'enabled'],
    [{ enabled: { shouting: 'no' } }, 'enabled'],
    [{ acronyms: 'SAV' }, 'acronyms'],
    [{ acronyms: ['X'.repeat(21)] }, 'acronyms'],
  ])('reports %o as a problem with %s and keeps the defaults', (input, field) => {
    const { value, issues } = validateDraftSettings(input);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(value.maxLength).toBe(DEFAULT_DRAFT_SETTINGS.maxLength);
    expect(value.hardMaxLength).toBe(DEFAULT_DRAFT_SETTINGS.hardMaxLength);
  });

  it('treats garbage as the defaults', () => {
    for (const input of [null, undefined, 42, 'x', []]) expect(validateDraftSettings(input).value).toEqual(DEFAULT_DRAFT_SETTINGS);
  });
});

describe('options: draft section', () => {
  let root: HTMLElement;
  beforeEach(() => {
    uiLocale.value = 'en';
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const input = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('saves a rule switch, a threshold and extra acronyms', async () => {
    render(<DraftSection />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-form"]')).not.toBeNull());
    const shouting = root.querySelector<HTMLInputElement>('input[data-rule="shouting"]')!;
    shouting.click();
    input(root.querySelector<HTMLInputElement>('#draft-maxLength')!, '700');
    input(root.querySelector<HTMLTextAreaElement>('#draft-acronyms')!, 'loxam, ikea');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-status"]')?.textContent).toBe('Saved.'));
    const stored = await draftSettings.getValue();
    expect(stored.enabled.shouting).toBe(false);
    expect(stored.maxLength).toBe(700);
    expect(stored.acronyms).toEqual(['LOXAM', 'IKEA']);
  });

  it('refuses an out-of-range threshold and saves nothing', async () => {
    render(<DraftSection />, root);
    await vi.waitFor(() => expect(root.querySelector('#draft-keyPointMaxChars')).not.toBeNull());
    input(root.querySelector<HTMLInputElement>('#draft-keyPointMaxChars')!, '5');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('#draft-keyPointMaxChars-error')?.textContent).toBe('Enter a number between 40 and 1000.'));
    expect(await draftSettings.getValue()).toEqual(DEFAULT_DRAFT_SETTINGS);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { uiLocale } from '../../../utils/i18n';
import { featureSwitches, validateFeatureSwitches } from '../../../utils/settings/features';
import { optionsParts } from '../../../components/features/registry/options';
import { FeaturesSection } from '../../../components/options/sections/FeaturesSection';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  uiLocale.value = 'en';
});

async function mount() {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<FeaturesSection features={optionsParts.map((p) => p.meta)} />, root));
  await vi.waitFor(() => expect(root.querySelector('[data-feature-switch]')).not.toBeNull());
  return (id: string) => root.querySelector<HTMLInputElement>(`[data-feature-switch="${id}"]`)!;
}

describe('options: per-feature on/off', () => {
  it('offers timers, suggestions, draft checks and stats recording, all on by default, EN and FR', async () => {
    const box = await mount();
    expect([...root.querySelectorAll<HTMLInputElement>('[data-feature-switch]')].map((b) => [b.dataset.featureSwitch, b.checked])).toEqual([
      ['timers', true],
      ['draft', true],
      ['replies', true],
      ['stats', true],
    ]);
    expect(box('stats').parentElement!.textContent).toContain('Stats recording');
    await act(() => void (uiLocale.value = 'fr'));
    expect(box('stats').parentElement!.textContent).toContain('Enregistrement des statistiques');
    expect(root.querySelector('h2')!.textContent).toBe('Fonctionnalités');
  });

  it('a switch saves at once and follows changes made elsewhere', async () => {
    const box = await mount();
    await act(() => box('draft').click());
    await vi.waitFor(async () => expect(await featureSwitches.getValue()).toEqual({ draft: false }));
    expect(box('draft').checked).toBe(false);
    await act(async () => void (await featureSwitches.setValue({ draft: false, timers: false })));
    await vi.waitFor(() => expect(box('timers').checked).toBe(false));
  });

  it('an imported settings file keeps only known switches with boolean values', () => {
    expect(validateFeatureSwitches({ timers: false, stats: true, bogus: true, draft: 'no' })).toEqual({
      value: { timers: false, stats: true },
      issues: [
        { field: 'bogus', code: 'invalid' },
        { field: 'draft', code: 'invalid' },
      ],
    });
    expect(validateFeatureSwitches([1]).issues).toEqual([{ field: 'features', code: 'invalid' }]);
    expect(validateFeatureSwitches(undefined)).toEqual({ value: {}, issues: [] });
  });
});

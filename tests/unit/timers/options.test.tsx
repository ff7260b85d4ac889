import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { TimersSection } from '../../../components/features/timers/options';
import { timingSettings } from '../../../utils/timers/settings';
import { uiLocale } from '../../../utils/i18n';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  uiLocale.value = 'en';
});

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => render(<TimersSection />, host));
  await settle();
}
const q = <T extends Element>(sel: string) => host.querySelector<T>(sel)!;
async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const submit = async () => {
  await act(() => {
    q<HTMLFormElement>('[data-testid="timers-form"]').dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
  });
  await settle();
};

describe('timers options section', () => {
  it('saves the defaults: always open, lead 1 minute', async () => {
    await mount();
    expect(q<HTMLInputElement>('#timers-lead').value).toBe('1');
    await type(q('#timers-lead'), '2');
    await submit();
    expect(q('[data-testid="timers-status"]').textContent).toBe('Saved.');
    expect(await timingSettings.getValue()).toMatchObject({ warningLeadMinutes: 2, businessHours: null });
  });

  it('edits a weekly schedule, and explains errors without saving', async () => {
    await mount();
    await act(() => q<HTMLInputElement>('[data-testid="timers-hours-schedule"]').click());
    expect(host.querySelector('[data-testid="timers-schedule"]')).not.toBeNull();
    // Monday's default split shift: make the afternoon overlap the morning.
    const monday = host.querySelectorAll<HTMLInputElement>('tr[data-day="mon"] input[type="time"]');
    await type(monday[2]!, '12:00');
    await type(q('#timers-holidays'), '2026-12-25\nnot a date');
    await type(q('#timers-lead'), '-3');
    await submit();
    const text = host.textContent!;
    expect(text).toContain('Monday, hours 2: overlaps other hours.');
    expect(text).toContain('Line 2: not a valid date (YYYY-MM-DD).');
    expect(text).toContain('Enter a number of minutes between 0 and 240.');
    expect(q('[data-testid="timers-status"]').textContent).toContain('Nothing was saved');
    expect((await timingSettings.getValue()).businessHours).toBeNull();

    await type(monday[2]!, '13:30');
    await type(q('#timers-holidays'), '2026-12-25\n');
    await type(q('#timers-lead'), '1');
    await submit();
    const saved = await timingSettings.getValue();
    expect(saved.businessHours?.weekly.mon).toEqual([['09:00', '12:30'], ['13:30', '18:00']]);
    expect(saved.businessHours?.holidays).toEqual(['2026-12-25']);
    expect(saved.businessHours?.timeZone).toBeTruthy();
  });

  it('speaks French', async () => {
    uiLocale.value = 'fr';
    await mount();
    expect(host.textContent).toContain('Minuteurs de réponse et alertes');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { Tour } from '../../../components/sidebar/Tour';
import { uiLocale } from '../../../utils/i18n';
import type { InboxHealth } from '../../../utils/inbox/types';
import type { FeatureSlot } from '../../../components/sidebar/feature-host';

const healthy: InboxHealth = { found: { list: true, thread: true, composer: true }, missing: [], recognized: true };
let hosts: HTMLElement[] = [];
afterEach(() => {
  hosts.forEach((h) => render(null, h));
  hosts = [];
  document.body.replaceChildren();
  uiLocale.value = 'en';
});

async function mount(node: preact.ComponentChild) {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  await act(async () => render(node, host));
  return host;
}
const click = (host: HTMLElement, testid: string) => act(async () => (host.querySelector(`[data-testid="${testid}"]`) as HTMLButtonElement).click());

describe('the first-run tour', () => {
  it('walks three steps forward and back, and Done ends it', async () => {
    const onDone = vi.fn();
    const host = await mount(<Tour onDone={onDone} />);
    const step = () => host.querySelector('[data-testid="tour"]')!.getAttribute('data-step');
    expect(step()).toBe('1');
    expect(host.textContent).toContain('Quick tour · 1 of 3');
    expect(host.querySelector('[data-testid="tour-back"]')).toBeNull();
    await click(host, 'tour-next');
    expect(step()).toBe('2');
    await click(host, 'tour-back');
    expect(step()).toBe('1');
    await click(host, 'tour-next');
    await click(host, 'tour-next');
    expect(step()).toBe('3');
    expect(host.querySelector('[data-testid="tour-next"]')!.textContent).toBe('Done');
    expect(onDone).not.toHaveBeenCalled();
    await click(host, 'tour-next');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('can be skipped at any step, and never takes the focus', async () => {
    const onDone = vi.fn();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const host = await mount(<Tour onDone={onDone} />);
    expect(document.activeElement).toBe(input);
    await click(host, 'tour-next');
    await click(host, 'tour-skip');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('speaks French', async () => {
    uiLocale.value = 'fr';
    const host = await mount(<Tour onDone={() => undefined} />);
    expect(host.textContent).toContain('Visite rapide · 1 sur 3');
    expect(host.querySelector('[data-testid="tour-skip"]')!.textContent).toBe('Passer la visite');
  });

  it('shows in the sidebar only until it is done, and only once the features are there', async () => {
    const showTour = signal(true);
    const started = signal(false);
    const host = await mount(
      <Sidebar collapsed={signal(false)} onToggle={() => undefined} health={signal(healthy)} features={signal([])} started={started} showTour={showTour} onTourDone={() => (showTour.value = false)} />,
    );
    expect(host.querySelector('[data-testid="tour"]')).toBeNull();
    await act(() => void (started.value = true));
    // The tour is in the sidebar's lazy chunk: it shows once that has loaded.
    await vi.waitFor(() => expect(host.querySelector('[data-testid="tour"]')).not.toBeNull());
    await click(host, 'tour-skip');
    expect(host.querySelector('[data-testid="tour"]')).toBeNull();
  });

  it('keeps its slot above the panels from the first paint, and the loading line below them: neither moves a panel when the features have started', async () => {
    const showTour = signal(true);
    const started = signal(false);
    const Panel = () => <p data-testid="a-panel">rows</p>;
    const features = signal<FeatureSlot[]>([{ id: 'timers', title: () => 'Waiting', state: 'running', Panel, fail: () => undefined, retry: () => undefined }]);
    const host = await mount(
      <Sidebar collapsed={signal(false)} onToggle={() => undefined} health={signal(healthy)} features={features} started={started} showTour={showTour} onTourDone={() => (showTour.value = false)} />,
    );
    const order = () => [...host.querySelectorAll('[data-testid="tour-slot"], [data-testid="a-panel"], [data-testid="sidebar-loading"]')].map((el) => el.getAttribute('data-testid'));
    expect(order()).toEqual(['tour-slot', 'a-panel', 'sidebar-loading']);
    await act(() => void (started.value = true));
    await vi.waitFor(() => expect(host.querySelector('[data-testid="tour-slot"] [data-testid="tour"]')).not.toBeNull());
    expect(order()).toEqual(['tour-slot', 'a-panel']);
    await click(host, 'tour-skip');
    expect(order()).toEqual(['a-panel']);
  });
});

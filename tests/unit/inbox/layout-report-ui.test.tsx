import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LayoutReportSection } from '../../../components/options/sections/LayoutReportSection';
import { LayoutNotice } from '../../../components/sidebar/LayoutNotice';
import { uiLocale } from '../../../utils/i18n';
import type { InboxHealth } from '../../../utils/inbox/types';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  uiLocale.value = 'en';
  vi.restoreAllMocks();
});
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => render(node, host));
}
const click = async (sel: string) => {
  await act(() => host.querySelector<HTMLButtonElement>(sel)!.click());
  await settle();
};
function clipboard() {
  const writeText = vi.fn(async (_: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

describe('options page: layout report', () => {
  it('says so when no inbox tab answers, in English and French', async () => {
    const writeText = clipboard();
    await mount(<LayoutReportSection request={async () => null} />);
    await click('[data-testid="options-layout-report"]');
    expect(host.querySelector('[role="alert"]')!.textContent).toMatch(/No open inbox tab answered/);
    uiLocale.value = 'fr';
    await settle();
    expect(host.textContent).toMatch(/Rapport de disposition/);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies the report the inbox tab sent', async () => {
    const writeText = clipboard();
    await mount(<LayoutReportSection request={async () => '<!-- inbox-pilot-layout-report v1 -->'} />);
    await click('[data-testid="options-layout-report"]');
    expect(writeText).toHaveBeenCalledWith('<!-- inbox-pilot-layout-report v1 -->');
    expect(host.querySelector('[role="status"]')!.textContent).toMatch(/Copied/);
  });
});

describe('sidebar: layout notice', () => {
  const broken: InboxHealth = { found: { list: false, thread: true, composer: true }, missing: ['list'], recognized: true };
  it('offers the report when a part is missing and says whether the copy worked', async () => {
    let ok = false;
    await mount(<LayoutNotice health={broken} onCopyReport={async () => ok} />);
    await click('[data-testid="copy-layout-report"]');
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    ok = true;
    await click('[data-testid="copy-layout-report"]');
    expect(host.textContent).toMatch(/no names, no messages/);
  });

  it('shows nothing when every part is recognized', async () => {
    await mount(<LayoutNotice health={{ ...broken, found: { list: true, thread: true, composer: true }, missing: [] }} onCopyReport={async () => true} />);
    expect(host.innerHTML).toBe('');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { SidebarFooter } from '../../../components/sidebar/SidebarFooter';
import { bindingsOf, shortcutSettingsFor, TOGGLE_SIDEBAR_COMMAND } from '../../../utils/shortcuts/commands';
import { COMMAND_ORDER, registerShortcutsBackground } from '../../../components/features/shortcuts/background';
import { sidebarCollapsed } from '../../../utils/settings/general';
import { onMessages } from '../../../utils/messaging';
import { uiLocale } from '../../../utils/i18n';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  uiLocale.value = 'en';
  document.body.replaceChildren();
});

describe('shortcut settings and bindings (pure)', () => {
  it('points each browser to where its shortcuts are changed', () => {
    expect(shortcutSettingsFor(FIREFOX)).toEqual({ kind: 'firefox-api' });
    expect(shortcutSettingsFor(EDGE)).toEqual({ kind: 'tab', url: 'edge://extensions/shortcuts' });
    expect(shortcutSettingsFor(CHROME)).toEqual({ kind: 'tab', url: 'chrome://extensions/shortcuts' });
    expect(shortcutSettingsFor('')).toEqual({ kind: 'tab', url: 'chrome://extensions/shortcuts' });
  });

  it('keeps only our commands, in order, with the key the browser reports (or none)', () => {
    const all = [
      { name: '_execute_action', shortcut: 'Alt+Shift+A' },
      { name: 'insert-top-suggestion', shortcut: ' Ctrl+Shift+Y ' },
      { name: 'toggle-sidebar', shortcut: '' },
    ];
    expect(bindingsOf(all, ['toggle-sidebar', 'insert-top-suggestion'])).toEqual([
      { name: 'toggle-sidebar', shortcut: '' },
      { name: 'insert-top-suggestion', shortcut: 'Ctrl+Shift+Y' },
    ]);
    expect(bindingsOf([], ['toggle-sidebar'])).toEqual([{ name: 'toggle-sidebar', shortcut: '' }]);
  });
});

describe('the background part', () => {
  it('lists the real bindings, opens the stats page, and the toggle command flips the stored collapse', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([
      { name: 'toggle-sidebar', shortcut: 'Alt+Shift+K' },
      { name: 'insert-top-suggestion', shortcut: '' },
    ]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    let onCommand: (command: string) => void = () => undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((fn) => void (onCommand = fn as (c: string) => void));
    registerShortcutsBackground();
    const { sendMessage } = await import('../../../utils/messaging');
    expect(await sendMessage('shortcuts:list', undefined)).toEqual({
      commands: [
        { name: 'toggle-sidebar', shortcut: 'Alt+Shift+K' },
        { name: 'insert-top-suggestion', shortcut: '' },
      ],
    });
    expect(COMMAND_ORDER[0]).toBe(TOGGLE_SIDEBAR_COMMAND);
    expect(await sendMessage('ui:open', { target: 'stats' })).toEqual({ opened: true });
    expect(create.mock.calls[0]![0]!.url).toMatch(/\/popup\.html$/);

    await sidebarCollapsed.setValue(false);
    onCommand(TOGGLE_SIDEBAR_COMMAND);
    await vi.waitFor(async () => expect(await sidebarCollapsed.getValue()).toBe(true));
    onCommand(TOGGLE_SIDEBAR_COMMAND);
    await vi.waitFor(async () => expect(await sidebarCollapsed.getValue()).toBe(false));
    onCommand('something-else');
    await new Promise((r) => setTimeout(r, 0));
    expect(await sidebarCollapsed.getValue()).toBe(false);
  });
});

describe('the sidebar footer', () => {
  async function mount(answer: 'fail' | Array<{ name: string; shortcut: string }>) {
    const opened: string[] = [];
    cleanup.push(
      onMessages({
        'shortcuts:list': () => {
          if (answer === 'fail') throw new Error('no commands API');
          return { commands: answer };
        },
        'ui:open': ({ target }) => (opened.push(target), { opened: true }),
      }),
    );
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => render(<SidebarFooter />, host));
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
    cleanup.push(() => render(null, host));
    return { host, opened };
  }

  it('shows each shortcut with its real key, says when none is set, and links to change them', async () => {
    const { host, opened } = await mount([
      { name: 'toggle-sidebar', shortcut: 'Alt+Shift+K' },
      { name: 'insert-top-suggestion', shortcut: '' },
    ]);
    const rows = [...host.querySelectorAll('[data-command]')].map((r) => r.textContent);
    expect(rows).toEqual(['Collapse or expand this sidebarAlt+Shift+K', 'Insert the top saved-reply suggestionno key set']);
    expect(host.querySelector('kbd')!.textContent).toBe('Alt+Shift+K');
    await act(async () => (host.querySelector('[data-testid="change-shortcuts"]') as HTMLButtonElement).click());
    await act(async () => (host.querySelector('[data-testid="open-stats"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(opened).toEqual(['shortcut-settings', 'stats']));
  });

  it('says so when the shortcuts cannot be read, in French too', async () => {
    uiLocale.value = 'fr';
    const { host } = await mount('fail');
    expect(host.querySelector('[data-testid="shortcuts"]')).toBeNull();
    expect(host.textContent).toContain('Les raccourcis n’ont pas pu être lus');
    expect(host.querySelector('[data-testid="change-shortcuts"]')!.textContent).toBe('Modifier les raccourcis');
  });
});

import { browser } from 'wxt/browser';
import { onMessages } from '../../../utils/messaging';
import { INSERT_TOP_COMMAND } from '../replies/background';
import { sidebarCollapsed } from '../../../utils/settings/general';
import { bindingsOf, shortcutSettingsFor, TOGGLE_SIDEBAR_COMMAND } from '../../../utils/shortcuts/commands';

export const COMMAND_ORDER = [TOGGLE_SIDEBAR_COMMAND, INSERT_TOP_COMMAND];

async function openShortcutSettings(): Promise<boolean> {
  const where = shortcutSettingsFor(navigator.userAgent);
  if (where.kind === 'firefox-api') {
    const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
    if (!commands.openShortcutSettings) return false;
    await commands.openShortcutSettings();
    return true;
  }
  await browser.tabs.create({ url: where.url });
  return true;
}

/** Keyboard commands and the pages the sidebar links to. */
export function registerShortcutsBackground(): void {
  onMessages({
    'shortcuts:list': async () => ({ commands: bindingsOf(await browser.commands.getAll(), COMMAND_ORDER) }),
    'ui:open': async ({ target }) => {
      if (target === 'shortcut-settings') return { opened: await openShortcutSettings() };
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      return { opened: true };
    },
  });
  try {
    browser.commands.onCommand.addListener((command) => {
      // The sidebar follows the stored value in every inbox tab (liveItem), so no tab needs a message.
      if (command === TOGGLE_SIDEBAR_COMMAND) void sidebarCollapsed.getValue().then((collapsed) => sidebarCollapsed.setValue(!collapsed)).catch(() => undefined);
    });
  } catch {
    // No commands API (Firefox for Android, test doubles): the toggle button still works.
  }
}

/**
 * The extension's keyboard commands and where a user changes their keys.
 * Pure: the background and the sidebar share it; tests cover every branch.
 */
export const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

export interface CommandBinding {
  name: string;
  /** As the browser reports it ('' when the user removed the key or it clashed with another extension). */
  shortcut: string;
}

/** Where the browser lets a user change extension shortcuts. */
export type ShortcutSettings = { kind: 'firefox-api' } | { kind: 'tab'; url: string };

/**
 * Chrome and Edge have a shortcuts page (openable only from the extension);
 * Firefox 137+ has `commands.openShortcutSettings()`. Edge's user agent says
 * `Edg/`; Firefox's `Firefox/`.
 */
export function shortcutSettingsFor(userAgent: string): ShortcutSettings {
  if (/\bFirefox\//.test(userAgent)) return { kind: 'firefox-api' };
  if (/\bEdg\//.test(userAgent)) return { kind: 'tab', url: 'edge://extensions/shortcuts' };
  return { kind: 'tab', url: 'chrome://extensions/shortcuts' };
}

/** Only our named commands, with their keys, in a stable order (the browser's own `_execute_*` are left out). */
export function bindingsOf(commands: ReadonlyArray<{ name?: string; shortcut?: string }>, order: readonly string[]): CommandBinding[] {
  return order.map((name) => ({ name, shortcut: commands.find((c) => c.name === name)?.shortcut?.trim() ?? '' }));
}

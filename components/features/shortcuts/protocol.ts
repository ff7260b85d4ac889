import type { CommandBinding } from '../../../utils/shortcuts/commands';

/** Sidebar -> background: what only the background can do (commands API, opening extension and browser pages). */
export interface ShortcutsProtocol {
  /** The real key of each command, read from `commands.getAll()` (content scripts cannot call it). */
  'shortcuts:list': { request: void; response: { commands: CommandBinding[] } };
  /** Opens the browser's shortcut settings, or the stats page (the popup's page) in a tab. */
  'ui:open': { request: { target: 'shortcut-settings' | 'stats' }; response: { opened: boolean } };
}

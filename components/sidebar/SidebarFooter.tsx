import { useEffect, useState } from 'preact/hooks';
import { messagesFor } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import type { CommandBinding } from '../../utils/shortcuts/commands';
import { sidebarPartsMessages } from './parts-strings';
import { SyncStatusLine } from '../features/sync/status';

const t = messagesFor(sidebarPartsMessages);

/**
 * The keyboard shortcuts with the keys the browser really binds (an agent may
 * have changed them, or another extension taken one), a link to change them,
 * and the team's stats page. Everything here goes through the background:
 * content scripts cannot read `commands` nor open extension pages.
 */
export function SidebarFooter() {
  const [commands, setCommands] = useState<CommandBinding[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    sendMessage('shortcuts:list', undefined).then(
      (r) => current && setCommands(r.commands),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);
  const open = (target: 'shortcut-settings' | 'stats') =>
    sendMessage('ui:open', { target }).then(
      (r) => r.opened || setFailed(true),
      () => setFailed(true),
    );

  return (
    <footer class="ip-footer" data-testid="sidebar-footer">
      <h2 class="ip-footer-title">{t.value.shortcuts}</h2>
      {commands && (
        <dl class="ip-shortcuts" data-testid="shortcuts">
          {commands.map((c) => (
            <div key={c.name} data-command={c.name}>
              <dt>{t.value[`command_${c.name}` as 'command_toggle-sidebar'] ?? c.name}</dt>
              <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="ip-muted">{t.value.noShortcut}</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      {failed && <p class="ip-muted">{t.value.shortcutsUnavailable}</p>}
      <SyncStatusLine />
      <p class="ip-footer-actions">
        <button type="button" class="ip-link" onClick={() => void open('shortcut-settings')} data-testid="change-shortcuts">
          {t.value.changeShortcuts}
        </button>
        <button type="button" class="ip-link" onClick={() => void open('stats')} data-testid="open-stats">
          {t.value.openStats}
        </button>
      </p>
    </footer>
  );
}

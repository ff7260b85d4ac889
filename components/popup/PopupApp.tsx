// PLACEHOLDER until issue 7 lands (the managers' stats).
import { browser } from 'wxt/browser';
import { uiLocale } from '../../utils/i18n';

export function PopupApp() {
  return (
    <main class="page" data-testid="popup">
      <h1>Inbox Pilot</h1>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {uiLocale.value === 'fr' ? 'Réglages' : 'Settings'}
      </button>
    </main>
  );
}

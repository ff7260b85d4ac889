import { useEffect } from 'preact/hooks';
import { messagesFor, resolveLocale, uiLocale } from '../../utils/i18n';
import { generalSettings } from '../../utils/settings/general';
import { optionsMessages } from './messages';
import { GeneralSection } from './sections/GeneralSection';
import { TimersSection } from './sections/TimersSection';
import { DraftSection } from './sections/DraftSection';
import { RepliesSection } from './sections/RepliesSection';
import { DataSection } from './sections/DataSection';
import { SettingsTransferSection } from './sections/SettingsTransferSection';
import { LayoutReportSection } from './sections/LayoutReportSection';
import { SyncSection } from '../features/sync/options';

const t = messagesFor(optionsMessages);

/** Follows the language setting so the page re-renders when it changes. */
function useUiLocale() {
  useEffect(() => {
    const apply = (s: { language: 'auto' | 'fr' | 'en' } | null) => {
      uiLocale.value = resolveLocale(s?.language ?? 'auto');
      document.documentElement.lang = uiLocale.value;
    };
    void generalSettings.getValue().then(apply, () => apply(null));
    return generalSettings.watch(apply);
  }, []);
}

export function OptionsApp() {
  useUiLocale();
  return (
    <main class="page">
      <h1>{t.value.title}</h1>
      <GeneralSection />
      <TimersSection />
      <DraftSection />
      <RepliesSection />
      <DataSection />
      <SyncSection />
      <SettingsTransferSection />
      <LayoutReportSection />
    </main>
  );
}

import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { messagesFor } from '../../../utils/i18n';
import { sendToTab } from '../../../utils/messaging';
import { layoutReportMessages } from './layout-report-strings';

const t = messagesFor(layoutReportMessages);

/**
 * The report needs the inbox tab's DOM: ask every tab; only an inbox tab's content script answers
 * (other tabs have no receiver). Needs no `tabs` permission: ids are enough to message a tab.
 */
export async function requestLayoutReport(): Promise<string | null> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      return (await sendToTab(tab.id, 'inbox:layout-report', undefined)).report;
    } catch {
      // No inbox content script in that tab.
    }
  }
  return null;
}

export function LayoutReportSection({ request = requestLayoutReport }: { request?: () => Promise<string | null> }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const onCopy = async () => {
    try {
      const report = await request();
      if (report === null) return setStatus({ kind: 'error', text: t.value.noInbox });
      await navigator.clipboard.writeText(report);
      setStatus({ kind: 'ok', text: t.value.copied });
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.failed(error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <section class="section" aria-labelledby="layout-report-title">
      <h2 id="layout-report-title">{t.value.title}</h2>
      <p class="muted">{t.value.hint}</p>
      <p>
        <button type="button" onClick={onCopy} data-testid="options-layout-report">
          {t.value.copy}
        </button>
      </p>
      {status && (
        <div class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          <p>{status.text}</p>
        </div>
      )}
    </section>
  );
}

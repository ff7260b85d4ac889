import { useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import { applySettings, exportSettings, parseSettingsFile, type SettingsImportError } from '../../../utils/settings/transfer';
import { downloadText } from '../../ui/download';
import { optionsMessages } from '../strings';

const t = messagesFor(optionsMessages);

function errorText(e: SettingsImportError): string {
  switch (e.code) {
    case 'too-large': return t.value.imp_too_large;
    case 'not-json': return t.value.imp_not_json;
    case 'not-settings-file': return t.value.imp_not_settings;
    case 'unsupported-version': return t.value.imp_version(String(e.version));
    case 'invalid-section': return t.value.imp_section(e.section);
  }
}

export function SettingsTransferSection() {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; lines: string[] } | null>(null);

  const onExport = async () => {
    const text = await exportSettings();
    downloadText(`inbox-pilot-settings-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json');
  };

  const onImport = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) return setStatus({ kind: 'error', lines: parsed.errors.map(errorText) });
    try {
      await applySettings(parsed.values);
      const lines = [t.value.imported];
      if (parsed.unknownSections.length) lines.push(t.value.importIgnored(parsed.unknownSections.join(', ')));
      setStatus({ kind: 'ok', lines });
    } catch (error) {
      setStatus({ kind: 'error', lines: [t.value.imp_failed(error instanceof Error ? error.message : String(error))] });
    }
  };

  return (
    <section class="section" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t.value.transfer}</h2>
      <p class="muted">{t.value.transferHint}</p>
      <p>
        <button type="button" onClick={onExport}>{t.value.exportSettings}</button>{' '}
        <label class="btn">
          {t.value.importSettings}
          <input type="file" accept=".json,application/json" hidden onChange={onImport} data-testid="settings-import" />
        </label>
      </p>
      {status && (
        <div class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.lines.map((l) => <p key={l}>{l}</p>)}
        </div>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { messagesFor, uiLocale } from '../../../../utils/i18n';
import { sendMessage } from '../../../../utils/messaging';
import {
  exportLibraryCsv,
  exportLibraryJson,
  MAX_FILE_CHARS,
  parseLibraryFile,
  type FatalError,
  type ImportResult,
  type RowError,
} from '../../../../utils/replies/import';
import type { SavedReply } from '../../../../utils/replies/types';
import { libraryEditorMessages } from './strings';

const t = messagesFor(libraryEditorMessages);

export function fatalText(fatal: FatalError): string {
  const m = t.value;
  switch (fatal.code) {
    case 'empty': return m.fatal_empty;
    case 'tooLarge': return m.fatal_tooLarge;
    case 'invalidJson': return m.fatal_invalidJson(fatal.detail);
    case 'notALibrary': return m.fatal_notALibrary;
    case 'unsupportedVersion': return m.fatal_unsupportedVersion(fatal.version);
    case 'unterminatedQuote': return m.fatal_unterminatedQuote(fatal.line);
    case 'missingColumns': return m.fatal_missingColumns(fatal.columns.join(', '));
    case 'tooManyRows': return m.fatal_tooManyRows(fatal.limit);
  }
}

export function rowErrorText(error: RowError): string {
  const m = t.value;
  const field = error.field ? m[`field_${error.field}`] : '';
  return `${m.rowLabel(error.row, error.line)} — ${m[`row_${error.code}`](field)}`;
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Pending = Extract<ImportResult, { ok: true }>;

/** Export buttons and the two-step import: check the file, then import only on confirmation. */
export function ImportExport({ library, onImported }: { library: SavedReply[]; onImported: () => void }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const stamp = new Date().toISOString().slice(0, 10);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // Choosing the same file again must re-check it.
    setPending(null);
    if (!file) return;
    if (file.size > MAX_FILE_CHARS * 4) return setStatus({ kind: 'error', text: t.value.fatal_tooLarge });
    setStatus({ kind: 'info', text: t.value.importReading });
    try {
      const result = parseLibraryFile(await file.text(), { fileName: file.name, existing: library });
      if (!result.ok) return setStatus({ kind: 'error', text: fatalText(result.fatal) });
      if (!result.valid.length) {
        setPending(result);
        return setStatus({ kind: 'error', text: t.value.importNone });
      }
      setPending(result);
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.importFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const { added } = await sendMessage('replies:import', { drafts: pending.valid.map((v) => v.draft) });
      setPending(null);
      setStatus({ kind: 'ok', text: t.value.importDone(added) });
      onImported();
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.importFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  const badRows = pending ? new Set(pending.errors.map((e) => e.row)).size : 0;
  return (
    <div class="replies-transfer" data-testid="replies-transfer">
      <h3>{t.value.importExport}</h3>
      <p class="hint muted">{t.value.importExportHint}</p>
      <div class="replies-transfer-actions">
        <button type="button" onClick={() => download(`saved-replies-${stamp}.json`, 'application/json', exportLibraryJson(library))}>
          {t.value.exportJson}
        </button>
        <button
          type="button"
          onClick={() => download(`saved-replies-${stamp}.csv`, 'text/csv;charset=utf-8', exportLibraryCsv(library, uiLocale.value === 'fr' ? ';' : ','))}
        >
          {t.value.exportCsv}
        </button>
      </div>
      <div class="field">
        <label for="replies-import-file">{t.value.importFile}</label>
        <input id="replies-import-file" type="file" accept=".json,.csv,application/json,text/csv" onChange={onFile} data-testid="replies-import-file" />
      </div>
      {pending && (
        <div class="replies-import-review" data-testid="replies-import-review">
          {pending.valid.length > 0 && (
            <p role="status">{badRows ? t.value.importPartial(pending.valid.length, badRows) : t.value.importReady(pending.valid.length)}</p>
          )}
          {pending.errors.length > 0 && (
            <ul class="error replies-import-errors" data-testid="replies-import-errors">
              {pending.errors.slice(0, 200).map((e, i) => (
                <li key={i}>{rowErrorText(e)}</li>
              ))}
              {pending.errors.length > 200 && <li>…</li>}
            </ul>
          )}
          {pending.valid.length > 0 && (
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()} data-testid="replies-import-confirm">
              {badRows ? t.value.importConfirmValid(pending.valid.length) : t.value.importConfirm(pending.valid.length)}
            </button>
          )}{' '}
          <button type="button" onClick={() => (setPending(null), setStatus({ kind: 'info', text: t.value.importCancelled }))}>
            {t.value.cancel}
          </button>
        </div>
      )}
      {status && (
        <p class={`status ${status.kind === 'info' ? '' : status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="replies-import-status">
          {status.text}
        </p>
      )}
    </div>
  );
}

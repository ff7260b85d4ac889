import { useEffect, useState } from 'preact/hooks';
import { messagesFor, uiLocale } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { bundleFileName, makeBundle, MAX_BUNDLE_BYTES } from '../../../utils/stats/bundle';
import { downloadText } from '../../../utils/stats/download';
import { dataMessages, formatBytes } from './options-strings';
import { DEFAULT_STATS_SETTINGS, statsSettings, validateStatsSettings, type StatsSettings } from '../../../utils/stats/settings';

const t = messagesFor(dataMessages);
type Status = { kind: 'ok' | 'error'; text: string } | null;
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Retention, CSV separator, storage use, team bundles and erasing: the stats' controls. */
export function DataSection() {
  const [form, setForm] = useState<{ retentionWeeks: string; csvSeparator: StatsSettings['csvSeparator'] } | null>(null);
  const [retentionError, setRetentionError] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [usage, setUsage] = useState<{ count: number; used: number | null; quota: number | null } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const refreshUsage = async () => {
    const count = await sendMessage('stats:count', undefined).then((r) => r.count, () => 0);
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    setUsage({ count, used: estimate?.usage ?? null, quota: estimate?.quota ?? null });
  };

  useEffect(() => {
    statsSettings.getValue().then(
      (s) => setForm({ retentionWeeks: String(s.retentionWeeks), csvSeparator: s.csvSeparator }),
      () => setForm({ retentionWeeks: String(DEFAULT_STATS_SETTINGS.retentionWeeks), csvSeparator: DEFAULT_STATS_SETTINGS.csvSeparator }),
    );
    void refreshUsage();
  }, []);

  const run = async (action: () => Promise<string>, failure: (reason: string) => string = t.value.failed) => {
    setBusy(true);
    try {
      setStatus({ kind: 'ok', text: await action() });
    } catch (e) {
      setStatus({ kind: 'error', text: failure(reason(e)) });
    } finally {
      setBusy(false);
      void refreshUsage();
    }
  };

  const onSave = (e: Event) => {
    e.preventDefault();
    if (!form) return;
    const { value, issues } = validateStatsSettings({
      retentionWeeks: form.retentionWeeks.trim() === '' ? NaN : Number(form.retentionWeeks),
      csvSeparator: form.csvSeparator,
    });
    setRetentionError(issues.some((i) => i.field === 'retentionWeeks'));
    if (issues.length) return;
    void run(async () => {
      await statsSettings.setValue(value);
      await sendMessage('stats:purge', undefined).catch(() => undefined); // the alarm will do it otherwise
      return t.value.saved;
    }, t.value.saveFailed);
  };

  const onExport = () =>
    run(async () => {
      const { responses } = await sendMessage('stats:export', undefined);
      const name = bundleFileName();
      downloadText(name, JSON.stringify(makeBundle(responses)), 'application/json');
      return t.value.exported(responses.length, name);
    });

  const onImport = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BUNDLE_BYTES) {
      // Refused on its size alone: reading it would load it whole into this page and the worker.
      const locale = uiLocale.value;
      setStatus({ kind: 'error', text: t.value.importTooLarge(formatBytes(file.size, locale), formatBytes(MAX_BUNDLE_BYTES, locale)) });
      return;
    }
    void run(async () => {
      const { added, duplicates } = await sendMessage('stats:import', { bundle: await file.text() });
      return t.value.imported(added, duplicates);
    }, t.value.importFailed);
  };

  const onErase = () =>
    run(async () => {
      await sendMessage('stats:erase', undefined);
      setConfirming(false);
      return t.value.erased;
    });

  if (!form) {
    return (
      <section class="section">
        <p class="muted">{t.value.loading}</p>
      </section>
    );
  }

  return (
    <section class="section" aria-labelledby="data-title" data-testid="data-section">
      <h2 id="data-title">{t.value.title}</h2>
      <p class="muted">{t.value.intro}</p>
      <form onSubmit={onSave} noValidate>
        <div class="field">
          <label for="data-retention">{t.value.retentionWeeks}</label>
          <input
            id="data-retention"
            type="number"
            min={1}
            max={520}
            step={1}
            value={form.retentionWeeks}
            aria-invalid={retentionError || undefined}
            aria-describedby={retentionError ? 'data-retention-error' : 'data-retention-hint'}
            onInput={(e) => setForm({ ...form, retentionWeeks: e.currentTarget.value })}
          />
          <span class="hint" id="data-retention-hint">{t.value.retentionHint}</span>
          {retentionError && (
            <span class="error" role="alert" id="data-retention-error">
              {t.value.retentionRange}
            </span>
          )}
        </div>
        <div class="field">
          <label for="data-separator">{t.value.csvSeparator}</label>
          <select
            id="data-separator"
            value={form.csvSeparator}
            onChange={(e) => setForm({ ...form, csvSeparator: e.currentTarget.value as StatsSettings['csvSeparator'] })}
          >
            <option value="auto">{t.value.csvAuto}</option>
            <option value=",">{t.value.csvComma}</option>
            <option value=";">{t.value.csvSemicolon}</option>
          </select>
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t.value.save}
        </button>
      </form>

      <h3>{t.value.storage}</h3>
      <p data-testid="data-usage">
        {usage === null
          ? t.value.loading
          : usage.used !== null && usage.quota !== null
            ? t.value.storageUsage(usage.count, formatBytes(usage.used, uiLocale.value), formatBytes(usage.quota, uiLocale.value))
            : t.value.storageUnknown(usage.count)}
      </p>

      <h3>{t.value.team}</h3>
      <p class="muted">{t.value.teamHint}</p>
      <p class="actions">
        <button type="button" onClick={() => void onExport()} disabled={busy} data-testid="data-export">
          {t.value.exportBundle}
        </button>{' '}
        <label class="btn">
          {t.value.importBundle}
          <input type="file" accept=".json,application/json" style={{ position: "absolute", width: "1px", height: "1px", opacity: 0 }} onChange={onImport} disabled={busy} data-testid="data-import" />
        </label>
      </p>

      <p>
        {!confirming ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={busy} data-testid="data-erase">
            {t.value.erase}
          </button>
        ) : (
          <span role="group" aria-labelledby="data-erase-question">
            <span id="data-erase-question">{t.value.eraseConfirm(usage?.count ?? 0)}</span>{' '}
            <button type="button" class="danger" onClick={() => void onErase()} disabled={busy} data-testid="data-erase-confirm">
              {t.value.eraseYes}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t.value.cancel}
            </button>
          </span>
        )}
      </p>

      {status && (
        <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDuration, messagesFor, uiLocale } from '../../utils/i18n';
import { analyzeColumns } from '../../utils/stats/analysis';
import { columnsFromWire, columnsToRecords, type DayColumns } from '../../utils/stats/columns';
import { sendMessage } from '../../utils/messaging';
import { csvFileName, detailCsv, summaryCsv } from '../../utils/stats/csv';
import { downloadText } from '../../utils/stats/download';
import { csvSeparatorFor } from '../../utils/stats/settings';
import { compareWeeks, formatIsoWeek, isoWeekOf, parseIsoWeek, shiftWeek, weekRange, type IsoWeek } from '../../utils/stats/week';
import { AgentTable } from './AgentTable';
import { DayChart } from './DayChart';
import { SlowestResponses } from './SlowestResponses';
import { dateFormatter, formatPct, formatTarget } from './format';
import { popupMessages } from './strings';
import { useStatsSettings } from './useStatsSettings';
import { statsSettingsProblems } from '../../utils/stats/health';
import { SyncPopup } from '../features/sync/popup';
import './popup.css';

const t = messagesFor(popupMessages);

/** Asks the worker, which owns the database, for one week's day columns. */
function useWeekColumns(week: IsoWeek): { columns: DayColumns[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; columns: DayColumns[] | null; error: string | null }>({ key: '', columns: null, error: null });
  const key = formatIsoWeek(week);
  useEffect(() => {
    let current = true;
    setState({ key, columns: null, error: null });
    const { start, end } = weekRange(week);
    sendMessage('stats:week', { start, end }).then(
      (r) => current && setState({ key, columns: columnsFromWire(r.columns), error: null }),
      (e: unknown) => current && setState({ key, columns: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state : { columns: null, error: null };
}

export function PopupApp() {
  const settings = useStatsSettings();
  const thisWeek = useMemo(() => isoWeekOf(Date.now()), []);
  const [week, setWeek] = useState<IsoWeek>(thisWeek);
  const [pageId, setPageId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { columns, error } = useWeekColumns(week);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    statsSettingsProblems.getValue().then((p) => setProblems(Array.isArray(p) ? p : []), () => undefined);
  }, []);
  const weekText = formatIsoWeek(week);

  const analysis = useMemo(
    () =>
      columns && settings
        ? analyzeColumns(columns, { week, pageId, targetSeconds: settings.targetSeconds, useBusinessTime: settings.useBusinessTime })
        : null,
    [columns, settings, pageId, weekText],
  );

  const range = weekRange(week);
  const dayFmt = dateFormatter(uiLocale.value, { day: 'numeric', month: 'short' });
  const total = analysis?.rows.find((r) => r.agent === null);
  const separator = settings ? csvSeparatorFor(settings.csvSeparator, uiLocale.value) : ',';

  const exportCsv = (kind: 'summary' | 'detail') => {
    if (!analysis || !settings) return;
    const name = csvFileName(weekText, kind);
    const options = { week: weekText, separator, targetSeconds: settings.targetSeconds, useBusinessTime: settings.useBusinessTime };
    try {
      let text: string;
      // The detail comes from the same day columns as the table, so the two files always agree with it.
      if (kind === 'summary') text = summaryCsv(analysis.rows, options);
      else text = detailCsv(columnsToRecords(columns ?? [], range.start, range.end, pageId), options);
      downloadText(name, text, 'text/csv;charset=utf-8');
      setStatus(t.value.exported(name));
    } catch (e) {
      setStatus(t.value.loadFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <main class="page stats-popup" data-testid="popup">
      <header class="popup-head">
        <div>
          <h1>Inbox Pilot</h1>
          <p class="subtitle">{t.value.title}</p>
        </div>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.value.settings}
        </button>
      </header>

      <nav class="week-picker" aria-label={t.value.week}>
        <button type="button" aria-label={t.value.previousWeek} title={t.value.previousWeek} onClick={() => setWeek(shiftWeek(week, -1))} data-testid="week-prev">
          ‹
        </button>
        <label>
          <span class="visually-hidden">{t.value.week}</span>
          <input
            type="week"
            value={weekText}
            max={formatIsoWeek(thisWeek)}
            data-testid="week-input"
            onChange={(e) => {
              const parsed = parseIsoWeek(e.currentTarget.value);
              if (parsed) setWeek(parsed);
            }}
          />
        </label>
        <button
          type="button"
          aria-label={t.value.nextWeek}
          title={t.value.nextWeek}
          disabled={compareWeeks(week, thisWeek) >= 0}
          onClick={() => setWeek(shiftWeek(week, 1))}
          data-testid="week-next"
        >
          ›
        </button>
        {compareWeeks(week, thisWeek) !== 0 && (
          <button type="button" onClick={() => setWeek(thisWeek)}>
            {t.value.thisWeek}
          </button>
        )}
        <span class="muted">{t.value.weekOf(dayFmt.format(range.start), dayFmt.format(range.end - 1))}</span>
      </nav>

      {problems.length > 0 && (
        <p class="status error" role="alert" data-testid="settings-problems">
          {t.value.settingsProblems(problems.join(', '))}
        </p>
      )}
      {error && (
        <p class="status error" role="alert">
          {t.value.loadFailed(error)}
        </p>
      )}
      {!error && !analysis && (
        <p class="muted" role="status" data-testid="stats-loading">
          {t.value.loading}
        </p>
      )}

      {analysis && settings && (
        <>
          {analysis.pages.length > 1 && (
            <label class="page-picker">
              {t.value.page}{' '}
              <select value={pageId ?? '*'} onChange={(e) => setPageId(e.currentTarget.value === '*' ? null : e.currentTarget.value)}>
                <option value="*">{t.value.allPages}</option>
                {analysis.pages.map((p) => (
                  <option value={p}>{p === '' ? t.value.unknownPage : p}</option>
                ))}
              </select>
            </label>
          )}

          {!total || total.responses === 0 ? (
            <div class="empty" data-testid="stats-empty">
              <p>{t.value.empty}</p>
              <p class="muted">{t.value.emptyHint}</p>
            </div>
          ) : (
            <>
              <p
                class={`verdict ${total.withinTargetPct! >= settings.goalPercent ? 'met' : 'missed'}`}
                data-testid="stats-verdict"
                aria-label={`${total.withinTargetPct! >= settings.goalPercent ? t.value.verdictMet : t.value.verdictMissed}: ${t.value.verdict(formatPct(total.withinTargetPct, uiLocale.value), formatTarget(settings.targetSeconds), settings.goalPercent)}`}
              >
                <span aria-hidden="true">{total.withinTargetPct! >= settings.goalPercent ? '✓ ' : '✗ '}</span>
                {t.value.verdict(formatPct(total.withinTargetPct, uiLocale.value), formatTarget(settings.targetSeconds), settings.goalPercent)}
              </p>
              <p class="muted basis">{settings.useBusinessTime ? t.value.basisBusiness : t.value.basisWall}</p>

              <AgentTable rows={analysis.rows} />
              <DayChart days={analysis.days} />

              <h2>{t.value.slowest}</h2>
              <SlowestResponses rows={analysis.slowest} />

              <div class="exports">
                <button type="button" class="primary" onClick={() => exportCsv('summary')} data-testid="export-summary">
                  {t.value.exportSummary}
                </button>
                <button type="button" onClick={() => exportCsv('detail')} data-testid="export-detail">
                  {t.value.exportDetail}
                </button>
                {status && (
                  <span role="status" class="muted">
                    {status}
                  </span>
                )}
              </div>
            </>
          )}
        </>
      )}

      <SyncPopup weekColumns={compareWeeks(week, thisWeek) === 0 ? columns : null} />

      <details class="help">
        <summary>{t.value.helpTitle}</summary>
        <ul>
          <li>{t.value.defResponse}</li>
          <li>{t.value.defMedian}</li>
          <li>{t.value.defP90}</li>
          <li>{t.value.defAverage}</li>
          <li>{t.value.defWithin}</li>
          <li>{t.value.defBasis}</li>
          <li>{t.value.defPrecision}</li>
          <li>{t.value.defMeta}</li>
        </ul>
      </details>
    </main>
  );
}

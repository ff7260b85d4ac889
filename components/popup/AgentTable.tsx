import { useState } from 'preact/hooks';
import { formatDuration, messagesFor, uiLocale } from '../../utils/i18n';
import type { SummaryRow } from '../../utils/stats/summary';
import { formatPctSign } from './format';
import { popupMessages } from './strings';

const t = messagesFor(popupMessages);

type Column = 'agent' | 'responses' | 'approximate' | 'medianSeconds' | 'p90Seconds' | 'averageSeconds' | 'withinTargetPct';

function compare(a: SummaryRow, b: SummaryRow, column: Column): number {
  if (column === 'agent') return (a.agent ?? '').localeCompare(b.agent ?? '');
  return (a[column] ?? -1) - (b[column] ?? -1);
}

/** Per-agent figures, sortable by any column; the Page total stays last, in the footer. */
export function AgentTable({ rows }: { rows: SummaryRow[] }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'agent', descending: false });
  const agents = rows.filter((r) => r.agent !== null);
  const total = rows.find((r) => r.agent === null);
  const sorted = [...agents].sort((a, b) => {
    const c = compare(a, b, sort.column);
    return sort.descending ? -c : c;
  });

  const columns: Array<{ id: Column; label: string; num: boolean }> = [
    { id: 'agent', label: t.value.agent, num: false },
    { id: 'responses', label: t.value.responses, num: true },
    // The figures' precision: how many times were read from a coarse label ("5m").
    { id: 'approximate', label: t.value.approximateColumn, num: true },
    { id: 'medianSeconds', label: t.value.median, num: true },
    { id: 'p90Seconds', label: t.value.p90, num: true },
    { id: 'averageSeconds', label: t.value.average, num: true },
    { id: 'withinTargetPct', label: t.value.withinTarget, num: true },
  ];

  const cells = (r: SummaryRow) => [
    <td class="num" data-col="responses">{r.responses}</td>,
    <td class="num" data-col="approximate" title={r.approximate ? t.value.approximateCount(r.approximate, r.responses) : undefined}>
      {r.approximate || '–'}
    </td>,
    <td class="num" data-col="median">{r.medianSeconds === null ? '–' : formatDuration(r.medianSeconds)}</td>,
    <td class="num" data-col="p90">{r.p90Seconds === null ? '–' : formatDuration(r.p90Seconds)}</td>,
    <td class="num" data-col="average">{r.averageSeconds === null ? '–' : formatDuration(r.averageSeconds)}</td>,
    <td class="num" data-col="within">{formatPctSign(r.withinTargetPct, uiLocale.value)}</td>,
  ];

  return (
    <table data-testid="stats-table">
      <thead>
        <tr>
          {columns.map((c) => {
            const active = sort.column === c.id;
            return (
              <th class={c.num ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} scope="col">
                <button
                  type="button"
                  class="sort"
                  title={t.value.sortBy(c.label)}
                  data-sort={c.id}
                  onClick={() => setSort({ column: c.id, descending: active ? !sort.descending : c.id !== 'agent' })}
                >
                  {c.label}
                  <span aria-hidden="true">{active ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr data-agent={r.agent} key={r.agent}>
            <th scope="row">{r.agent === '' ? t.value.unknownAgent : r.agent}</th>
            {cells(r)}
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr data-agent="" data-total="true" class="total">
            <th scope="row">{t.value.total}</th>
            {cells(total)}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

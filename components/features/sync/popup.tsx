import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messagesFor, uiLocale } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { csvCell } from '../../../utils/stats/csv';
import { downloadText } from '../../../utils/stats/download';
import { isoWeekOf, weekRange, formatIsoWeek } from '../../../utils/stats/week';
import type { DayColumns } from '../../../utils/stats/columns';
import { teamBeatsSince, teamRecordsOf, teamWeek, type TeamAgentRow } from '../../../utils/sync/team';
import { formatSyncTime, SyncStatusLine, useSyncState } from './status';
import { syncStrings } from './strings';

const t = messagesFor(syncStrings);

/** The team view as CSV: one row per agent and browser (agents without a synced browser get one row). */
export function teamCsv(rows: TeamAgentRow[], week: string, separator: ',' | ';' = ','): string {
  const header = ['week', 'user', 'agent_labels', 'responses', 'within_target', 'browser', 'browser_last_sync', 'stale'];
  const lines = [header.join(separator)];
  for (const r of rows) {
    const browsers = r.browsers.length ? r.browsers : [{ browser: '', lastSyncAt: 0 }];
    for (const b of browsers) {
      lines.push(
        [week, csvCell(r.user, separator), csvCell(r.agents.join(' / '), separator), r.responses, r.withinTarget, csvCell(b.browser, separator), b.lastSyncAt ? new Date(b.lastSyncAt).toISOString() : '', r.stale].join(separator),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The popup's team part: the sync line, and for a manager every agent of the week with browsers and staleness. */
export function SyncPopup({ weekColumns = null }: { weekColumns?: DayColumns[] | null } = {}) {
  const state = useSyncState();
  const [role, setRole] = useState<'agent' | 'manager' | null>(null);
  const [team, setTeam] = useState<{ rows: TeamAgentRow[]; now: number } | null>(null);
  const week = useMemo(() => isoWeekOf(Date.now()), []);
  const lastSync = state?.lastSyncAt ?? null;
  const opened = useRef(false);
  const fromColumns = useRef(false);
  const loaded = state !== null;
  useEffect(() => {
    // Once the stored state is read (else its arrival would ask a second time).
    if (!loaded) return;
    let live = true;
    void sendMessage('sync:status', undefined)
      .then(async (s) => {
        if (!live) return;
        setRole(s.connection?.role ?? null);
        if (s.connection?.role !== 'manager') return;
        // A manager opening the popup wants the team's latest: sync once the view is shown (so the run does
        // not compete with the popup's own reads in the worker); the line and this view follow when it ends.
        const syncOnOpening = () => {
          if (opened.current || !live) return;
          opened.current = true;
          void sendMessage('sync:now', undefined).catch(() => undefined);
        };
        const { start, end } = weekRange(week);
        // Opening: the team view from the week's columns the popup already received (no second read of
        // the week in the worker); after a sync, the worker's fresh view.
        if (weekColumns && !fromColumns.current) {
          fromColumns.current = true;
          const b = await sendMessage('sync:beats', { since: teamBeatsSince(start) });
          if (live) setTeam({ rows: teamWeek({ records: teamRecordsOf(weekColumns, { start, end }, b.self), beats: b.beats, week: { start, end }, now: b.now }), now: b.now });
          syncOnOpening();
          return;
        }
        const r = await sendMessage('sync:team', { weekStart: start, weekEnd: end });
        if (live) setTeam(r);
        syncOnOpening();
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [loaded, lastSync, weekColumns]);
  if (!state) return null;
  const exportTeam = () => team && downloadText(`inbox-pilot-team-${formatIsoWeek(week)}.csv`, teamCsv(team.rows, formatIsoWeek(week), uiLocale.value === 'fr' ? ';' : ','), 'text/csv;charset=utf-8');
  return (
    <section class="sync-popup" data-testid="sync-popup" aria-labelledby={role === 'manager' ? 'sync-team-title' : undefined}>
      <SyncStatusLine />
      {role === 'manager' && team && (
        <>
          <h2 id="sync-team-title">{t.value.teamTitle}</h2>
          {team.rows.length === 0 ? (
            <p class="muted">{t.value.teamEmpty}</p>
          ) : (
            <table data-testid="sync-team">
              <thead>
                <tr>
                  <th scope="col">{t.value.teamAgent}</th>
                  <th scope="col">{t.value.teamResponses}</th>
                  <th scope="col">{t.value.teamWithin}</th>
                  <th scope="col">{t.value.teamBrowsers}</th>
                </tr>
              </thead>
              <tbody>
                {team.rows.map((r) => (
                  <tr key={r.user} data-user={r.user} data-stale={r.stale ? 'true' : 'false'}>
                    <th scope="row">
                      {r.user}
                      {r.agents.length > 0 && <span class="muted"> ({r.agents.join(', ')})</span>}
                      {r.stale && (
                        <span class="stale" data-testid="sync-stale">
                          {' '}
                          ⚠ {t.value.teamStale}
                        </span>
                      )}
                    </th>
                    <td>{r.responses}</td>
                    <td>{r.withinTarget}</td>
                    <td>{r.browsers.length ? r.browsers.map((b) => `${b.browser.slice(0, 6)} ${formatSyncTime(b.lastSyncAt, team.now)}`).join(', ') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" onClick={exportTeam} data-testid="sync-export-team">
            {t.value.exportTeam}
          </button>
        </>
      )}
    </section>
  );
}

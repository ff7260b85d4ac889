import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { messagesFor } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { originPattern, validateConnection, type ConnectionIssue } from '../../../utils/sync/connection';
import type { SyncConnectionView, TeamConflictView } from './protocol';
import { describeSyncState, formatSyncTime, useSyncState } from './status';
import { syncStrings } from './strings';

const t = messagesFor(syncStrings);
type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The options page's team sync section: connect, state, manager's sharing, overwritten team changes. */
export function SyncSection() {
  const [form, setForm] = useState({ url: '', db: '', user: '', password: '' });
  const [issues, setIssues] = useState<ConnectionIssue[]>([]);
  const [connection, setConnection] = useState<SyncConnectionView | null>(null);
  const [conflicts, setConflicts] = useState<TeamConflictView[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const state = useSyncState();

  const refresh = () =>
    sendMessage('sync:status', undefined).then(
      (r) => {
        setConnection(r.connection);
        setConflicts(r.conflicts);
        if (r.connection) setForm((f) => ({ ...f, url: r.connection!.url, db: r.connection!.db, user: r.connection!.user }));
      },
      () => undefined,
    );
  useEffect(() => void refresh(), []);

  const onConnect = (e: Event) => {
    e.preventDefault();
    const checked = validateConnection(form);
    setIssues(checked.issues);
    if (!checked.value) return;
    const value = checked.value;
    setBusy(true);
    setStatus(null);
    // Asked in the click itself (browsers want a user gesture): only this server's origin.
    void browser.permissions
      .request({ origins: [originPattern(value.url)] })
      .then(async (granted) => {
        if (!granted) return setStatus({ kind: 'error', text: t.value.permissionDenied });
        const r = await sendMessage('sync:connect', value);
        if (r.ok) {
          setConnection(r.connection);
          setForm((f) => ({ ...f, password: '' }));
          setStatus({ kind: 'ok', text: t.value.connectedAs(r.connection.user, r.connection.role === 'manager' ? t.value.roleManager : t.value.roleAgent, r.connection.db) });
        } else if ('issues' in r) setIssues(r.issues);
        else setStatus({ kind: 'error', text: r.error ? t.value[`error_${r.error.kind.replace('-', '_')}` as 'error_server'] : t.value.error_server });
      })
      .catch((err) => setStatus({ kind: 'error', text: String(err instanceof Error ? err.message : err) }))
      .finally(() => setBusy(false));
  };

  const act = (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    void action()
      .then(() => done && setStatus({ kind: 'ok', text: done }))
      .catch((err) => setStatus({ kind: 'error', text: String(err instanceof Error ? err.message : err) }))
      .finally(() => {
        setBusy(false);
        void refresh();
      });
  };

  const onDisconnect = () =>
    act(async () => {
      await sendMessage('sync:disconnect', undefined);
      if (connection) await browser.permissions.remove({ origins: [originPattern(connection.url)] }).catch(() => false);
      setConnection(null);
      setForm({ url: '', db: '', user: '', password: '' });
    }, t.value.disconnected);

  const field = (key: keyof typeof form, label: string, type = 'text') => {
    const issue = issues.find((i) => i === key || (key === 'url' && i === 'https'));
    return (
      <div class="field">
        <label for={`sync-${key}`}>{label}</label>
        <input
          id={`sync-${key}`}
          type={type}
          value={form[key]}
          autocomplete={type === 'password' ? 'current-password' : 'off'}
          disabled={busy || !!connection}
          aria-invalid={issue ? 'true' : undefined}
          aria-describedby={issue ? `sync-${key}-error` : undefined}
          onInput={(e) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })}
          data-testid={`sync-${key}`}
        />
        {issue && (
          <span class="error" role="alert" id={`sync-${key}-error`}>
            {t.value[`issue_${issue}`]}
          </span>
        )}
      </div>
    );
  };

  const described = state ? describeSyncState(state) : null;
  return (
    <section class="section" aria-labelledby="sync-title" data-testid="sync-section">
      <h2 id="sync-title">{t.value.title}</h2>
      <p class="muted">{t.value.intro}</p>
      <form onSubmit={onConnect} noValidate>
        {field('url', t.value.url, 'url')}
        {field('db', t.value.db)}
        {field('user', t.value.user)}
        {!connection && field('password', t.value.password, 'password')}
        <p class="hint" data-testid="sync-credentials-warning">{t.value.credentialsWarning}</p>
        {connection ? (
          <p>
            <button type="button" onClick={() => act(() => sendMessage('sync:now', undefined))} disabled={busy} data-testid="sync-now">
              {t.value.syncNow}
            </button>{' '}
            <button type="button" onClick={onDisconnect} disabled={busy} data-testid="sync-disconnect">
              {t.value.disconnect}
            </button>
          </p>
        ) : (
          <button type="submit" disabled={busy} data-testid="sync-connect">
            {busy ? t.value.connecting : t.value.connect}
          </button>
        )}
      </form>
      {connection && described && (
        <p class="muted" data-testid="sync-state" data-phase={state!.phase}>
          {t.value.connectedAs(connection.user, connection.role === 'manager' ? t.value.roleManager : t.value.roleAgent, connection.db)} {described.summary}
          {described.error && (
            <span class="error" role="alert" data-testid="sync-options-error" data-kind={state!.lastError?.kind}>
              {' '}
              {described.error}
            </span>
          )}
        </p>
      )}
      {connection?.role === 'manager' && (
        <div data-testid="sync-manager">
          <p class="muted">{t.value.managerNote}</p>
          <p>
            <button type="button" disabled={busy} onClick={() => act(() => sendMessage('sync:publish', { what: 'settings' }))} data-testid="sync-publish-settings">
              {t.value.publishSettings}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => act(() => sendMessage('sync:publish', { what: 'library' }))} data-testid="sync-publish-library">
              {t.value.publishLibrary}
            </button>
          </p>
        </div>
      )}
      {conflicts.length > 0 && (
        <div data-testid="sync-conflicts">
          <h3>{t.value.conflictsTitle}</h3>
          <ul>
            {conflicts.map((c) => (
              <li key={`${c.doc}-${c.rev}`}>
                {t.value.conflict(c.doc === 'library' ? t.value.docLibrary : t.value.docSettings, c.updatedBy || '?', formatSyncTime(c.updatedAt), c.winnerUpdatedBy || '?')}{' '}
                <code>{c.summary}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status && (
        <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="sync-status-message">
          {status.text}
        </p>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { messagesFor, uiLocale } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { libraryView, type LibrarySort } from '../../../utils/replies/library-view';
import { libraryRevision } from '../../../utils/replies/revision';
import type { SavedReply } from '../../../utils/replies/types';
import { libraryEditorMessages } from './options/strings';
import { ReplyForm, type FormTarget } from './options/ReplyForm';
import { ImportExport } from './options/ImportExport';
import './options/editor.css';

const t = messagesFor(libraryEditorMessages);

type Status = { kind: 'ok' | 'error'; text: string; undo?: SavedReply[] } | null;

const EMPTY_DRAFT: FormTarget['draft'] = { title: '', body: '', language: 'any', tags: [] };

/** The saved-replies library editor: list, search, sort, create/edit/duplicate, delete with undo, import/export. */
export function RepliesSection() {
  const [library, setLibrary] = useState<SavedReply[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('use');
  const [editing, setEditing] = useState<FormTarget | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const load = () =>
    sendMessage('replies:library', undefined).then(
      ({ replies }) => (setLibrary(replies), setFailed(false)),
      () => setFailed(true),
    );
  useEffect(() => {
    void load();
    // Changes made elsewhere (another options tab, usage counted from the inbox) show up live.
    return libraryRevision.watch(() => void load());
  }, []);

  const run = async (action: () => Promise<Status>) => {
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.saveFailed(error instanceof Error ? error.message : String(error)) });
    }
    void load();
  };

  const remove = (reply: SavedReply) =>
    run(async () => {
      const { deleted } = await sendMessage('replies:delete', { ids: [reply.id] });
      return { kind: 'ok', text: t.value.deleted(reply.title), undo: deleted };
    });
  const undo = (replies: SavedReply[]) =>
    run(async () => {
      await sendMessage('replies:restore', { replies });
      return { kind: 'ok', text: t.value.restored };
    });
  const addStarters = () =>
    run(async () => ({ kind: 'ok', text: t.value.startersAdded((await sendMessage('replies:add-starters', undefined)).added) }));

  const draftOf = (r: SavedReply): FormTarget['draft'] => ({ title: r.title, body: r.body, language: r.language, tags: r.tags, ...(r.shortcut ? { shortcut: r.shortcut } : {}) });
  const dateText = (at: number) => new Date(at).toLocaleDateString(uiLocale.value === 'fr' ? 'fr-FR' : 'en-GB');
  const langText = (l: SavedReply['language']) => (l === 'fr' ? t.value.langFr : l === 'en' ? t.value.langEn : t.value.langAny);

  if (failed && !library) return <section class="section"><h2>{t.value.title}</h2><p class="status error">{t.value.loadFailed}</p></section>;
  if (!library) return <section class="section"><h2>{t.value.title}</h2><p class="muted">{t.value.loading}</p></section>;
  const shown = libraryView(library, query, sort);

  return (
    <section class="section replies-editor" aria-labelledby="replies-title" data-testid="replies-section">
      <h2 id="replies-title">{t.value.title}</h2>
      <p class="muted">{t.value.intro}</p>
      <p class="hint muted">{t.value.placeholdersHint}</p>

      {editing ? (
        <ReplyForm
          key={editing.id ?? 'new'}
          target={editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setStatus({ kind: 'ok', text: t.value.saved });
            void load();
          }}
        />
      ) : (
        <div class="replies-toolbar">
          <button type="button" class="primary" onClick={() => (setEditing({ draft: EMPTY_DRAFT }), setStatus(null))} data-testid="replies-add">
            {t.value.add}
          </button>
          <input type="search" aria-label={t.value.search} placeholder={t.value.search} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="replies-filter" />
          <label>
            {t.value.sort}{' '}
            <select value={sort} onChange={(e) => setSort(e.currentTarget.value as LibrarySort)} data-testid="replies-sort">
              <option value="use">{t.value.sortUse}</option>
              <option value="title">{t.value.sortTitle}</option>
              <option value="recent">{t.value.sortRecent}</option>
            </select>
          </label>
        </div>
      )}

      {status && (
        <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="replies-status">
          {status.text}{' '}
          {status.undo && (
            <button type="button" onClick={() => void undo(status.undo!)} data-testid="replies-undo">{t.value.undo}</button>
          )}
        </p>
      )}

      <p class="muted" aria-live="polite">{library.length ? t.value.count(shown.length, library.length) : t.value.empty}</p>
      {library.length > 0 && shown.length === 0 && <p class="muted">{t.value.noMatch}</p>}
      {shown.length > 0 && (
        <table class="replies-table" data-testid="replies-table">
          <thead>
            <tr>
              <th>{t.value.colTitle}</th>
              <th>{t.value.colLanguage}</th>
              <th>{t.value.colTags}</th>
              <th>{t.value.colShortcut}</th>
              <th class="num">{t.value.colUses}</th>
              <th>{t.value.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="replies-row" data-reply-id={r.id}>
                <td>
                  <strong>{r.title}</strong>
                  <div class="muted replies-body-preview">{r.body.length > 140 ? `${r.body.slice(0, 137)}…` : r.body}</div>
                </td>
                <td>{langText(r.language)}</td>
                <td>{r.tags.join(', ')}</td>
                <td>{r.shortcut ? `/${r.shortcut}` : ''}</td>
                <td class="num">
                  {r.usageCount}
                  {r.lastUsedAt && <div class="muted">{t.value.lastUsed(dateText(r.lastUsedAt))}</div>}
                </td>
                <td class="replies-actions">
                  <button type="button" onClick={() => (setEditing({ id: r.id, draft: draftOf(r) }), setStatus(null))}>{t.value.edit}</button>
                  <button
                    type="button"
                    onClick={() => (setEditing({ draft: { ...draftOf(r), title: r.title + t.value.copySuffix, shortcut: undefined } }), setStatus(null))}
                  >
                    {t.value.duplicate}
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(r)} data-testid="replies-delete">{t.value.delete}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" onClick={() => void addStarters()}>{t.value.addStarters}</button>
      </p>
      <ImportExport library={library} onImported={() => void load()} />
    </section>
  );
}

import { useRef, useState } from 'preact/hooks';
import { messagesFor } from '../../../../utils/i18n';
import { MessageError, sendMessage } from '../../../../utils/messaging';
import { unknownPlaceholders } from '../../../../utils/replies/placeholders';
import { PLACEHOLDERS, type ReplyDraft, type ReplyLanguage } from '../../../../utils/replies/types';
import { validateReplyDraft, type DraftField, type DraftIssue } from '../../../../utils/replies/validate';
import { libraryEditorMessages } from './strings';

const t = messagesFor(libraryEditorMessages);

export interface FormTarget {
  /** Undefined: a new reply (also a duplicate). */
  id?: string;
  draft: ReplyDraft;
}

type Form = { title: string; body: string; language: ReplyLanguage; tags: string; shortcut: string };

function issueText(issue: DraftIssue | { field: DraftField; code: 'shortcutTaken' }): string {
  if (issue.code === 'shortcutTaken') return t.value.err_shortcutTaken;
  if (issue.code === 'invalid' && issue.field === 'shortcut') return t.value.err_invalid_shortcut;
  return t.value[`err_${issue.code}`];
}

/** Create / edit form for one reply. Validates like the import does; the background re-validates. */
export function ReplyForm({ target, onDone }: { target: FormTarget; onDone: (saved: boolean) => void }) {
  const [form, setForm] = useState<Form>({
    title: target.draft.title,
    body: target.draft.body,
    language: target.draft.language,
    tags: target.draft.tags.join(', '),
    shortcut: target.draft.shortcut ?? '',
  });
  const [issues, setIssues] = useState<Array<DraftIssue | { field: DraftField; code: 'shortcutTaken' }>>([]);
  const [status, setStatus] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  // The latest values even before a re-render (fast typing, autofill, then Enter).
  const latest = useRef(form);
  latest.current = form;

  const set = (patch: Partial<Form>) => {
    latest.current = { ...latest.current, ...patch };
    setForm(latest.current);
    setStatus(null);
  };
  const issueFor = (field: DraftField) => issues.find((i) => i.field === field);

  const insertPlaceholder = (name: string) => {
    const el = body.current;
    const mark = `{${name}}`;
    const start = el?.selectionStart ?? form.body.length;
    const end = el?.selectionEnd ?? start;
    const current = latest.current.body;
    set({ body: current.slice(0, start) + mark + current.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + mark.length, start + mark.length);
    });
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const { value, issues: found } = validateReplyDraft(latest.current);
    setIssues(found);
    if (found.length) return setStatus(t.value.fixErrors);
    try {
      await sendMessage('replies:save', { id: target.id, draft: value });
      onDone(true);
    } catch (error) {
      // The store's closed set of codes (utils/replies/store.ts StoreError) travels as the reply's detail.
      const code = error instanceof MessageError ? error.detail : error instanceof Error ? error.message : String(error);
      if (code === 'shortcutTaken') {
        setIssues([{ field: 'shortcut', code: 'shortcutTaken' }]);
        return setStatus(t.value.fixErrors);
      }
      const known = code === 'notFound' ? t.value.err_notFound : code;
      setStatus(t.value.saveFailed(known));
    }
  };

  const aria = (field: DraftField) => ({
    id: `reply-${field}`,
    'aria-invalid': issueFor(field) ? true : undefined,
    'aria-describedby': issueFor(field) ? `reply-${field}-error` : `reply-${field}-hint`,
  });
  const error = (field: DraftField) => {
    const issue = issueFor(field);
    return issue ? <span class="error" role="alert" id={`reply-${field}-error`}>{issueText(issue)}</span> : null;
  };
  const unknown = unknownPlaceholders(form.body);

  return (
    <form class="reply-form" onSubmit={onSubmit} noValidate data-testid="reply-form">
      <h3>{target.id ? t.value.formEdit : t.value.formNew}</h3>
      <div class="field">
        <label for="reply-title">{t.value.fieldTitle}</label>
        <input type="text" {...aria('title')} value={form.title} maxLength={200} onInput={(e) => set({ title: e.currentTarget.value })} />
        {error('title')}
      </div>
      <div class="field">
        <label for="reply-body">{t.value.fieldBody}</label>
        <textarea ref={body} rows={6} {...aria('body')} value={form.body} onInput={(e) => set({ body: e.currentTarget.value })} />
        <span class="hint" id="reply-body-hint">
          {PLACEHOLDERS.map((p) => (
            <button type="button" key={p} class="placeholder-chip" title={t.value.insertPlaceholder(`{${p}}`)} onClick={() => insertPlaceholder(p)}>
              {`{${p}}`}
            </button>
          ))}
        </span>
        {unknown.length > 0 && <span class="hint" role="status">{t.value.unknownPlaceholders(unknown.join(' '))}</span>}
        {error('body')}
      </div>
      <div class="field">
        <label for="reply-language">{t.value.fieldLanguage}</label>
        <select {...aria('language')} value={form.language} onChange={(e) => set({ language: e.currentTarget.value as ReplyLanguage })}>
          <option value="fr">{t.value.langFr}</option>
          <option value="en">{t.value.langEn}</option>
          <option value="any">{t.value.langAny}</option>
        </select>
        {error('language')}
      </div>
      <div class="field">
        <label for="reply-tags">{t.value.fieldTags}</label>
        <input type="text" {...aria('tags')} value={form.tags} onInput={(e) => set({ tags: e.currentTarget.value })} />
        <span class="hint" id="reply-tags-hint">{t.value.fieldTagsHint}</span>
        {error('tags')}
      </div>
      <div class="field">
        <label for="reply-shortcut">{t.value.fieldShortcut}</label>
        <input type="text" {...aria('shortcut')} value={form.shortcut} onInput={(e) => set({ shortcut: e.currentTarget.value })} />
        <span class="hint" id="reply-shortcut-hint">{t.value.fieldShortcutHint}</span>
        {error('shortcut')}
      </div>
      <div class="reply-form-actions">
        <button type="submit" class="primary" data-testid="reply-save">{t.value.save}</button>
        <button type="button" onClick={() => onDone(false)}>{t.value.cancel}</button>
      </div>
      {status && <p class="status error" role="alert">{status}</p>}
    </form>
  );
}

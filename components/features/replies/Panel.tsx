import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import type { SavedReplySummary } from './protocol';
import { fillPlaceholders, type PlaceholderValues } from '../../../utils/replies/placeholders';
import { repliesPanelMessages } from './strings';
import { repliesSearchMessages } from './standin';
import type { InsertOutcome, RepliesState } from './state';

const t = messagesFor(repliesPanelMessages);
const searchWords = messagesFor(repliesSearchMessages);

/** Quiet time after the last key before the library is searched. */
export const SEARCH_DEBOUNCE_MS = 120;

interface Row {
  reply: SavedReplySummary;
  matchedWords: string[];
}

/** The reply as it would be inserted now (placeholders filled where known), on one short line. */
function preview(body: string, values: PlaceholderValues): string {
  const flat = fillPlaceholders(body, values).text.replace(/\s+/g, ' ');
  return flat.length > 110 ? `${flat.slice(0, 107)}…` : flat;
}

function outcomeText(outcome: InsertOutcome): { kind: 'ok' | 'error'; text: string } {
  if (outcome.ok) {
    return { kind: 'ok', text: outcome.unfilled.length ? `${t.value.inserted} ${t.value.unfilled(outcome.unfilled.join(' '))}` : t.value.inserted };
  }
  const key = `fail_${outcome.reason.replace(/-/g, '_')}` as keyof typeof t.value;
  const text = t.value[key];
  return { kind: 'error', text: typeof text === 'string' ? text : t.value.fail_rejected };
}

/**
 * Suggestions for the open conversation, and a search over the whole library.
 * Keyboard: focus stays in the search box (combobox pattern); ↑/↓ move
 * through whichever list is shown, Enter inserts the highlighted reply.
 */
export function RepliesPanel({ state }: { state: RepliesState }) {
  const query = useSignal('');
  const active = useSignal(0);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const busy = useSignal(false);

  const searching = useComputed(() => query.value.trim() !== '');
  // The search runs in the background (which holds the library); only the latest query's answer is shown.
  const results = useSignal<{ query: string; replies: SavedReplySummary[] }>({ query: '', replies: [] });
  const sequence = useRef(0);
  // One search per pause in typing, not one per key: every message to the background waits behind a search.
  useSignalEffect(() => {
    const q = query.value;
    if (!q.trim()) return;
    const mine = ++sequence.current;
    const show = (replies: SavedReplySummary[]) => {
      if (mine === sequence.current) results.value = { query: q, replies };
    };
    const timer = setTimeout(() => state.search(q).then(show, () => show([])), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });
  const rows = useComputed<Row[]>(() =>
    searching.value
      ? (results.value.query === query.value ? results.value.replies : []).map((reply) => ({ reply, matchedWords: [] }))
      : state.suggestions.value.map((s) => ({ reply: s.reply, matchedWords: s.matchedWords })),
  );
  const activeIndex = Math.min(active.value, Math.max(0, rows.value.length - 1));

  const insert = async (reply: SavedReplySummary) => {
    if (busy.value) return;
    busy.value = true;
    try {
      status.value = outcomeText(await state.insert(reply));
    } catch {
      status.value = outcomeText({ ok: false, reason: 'rejected' });
    } finally {
      busy.value = false;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = rows.value.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!count) return;
      e.preventDefault();
      active.value = (activeIndex + (e.key === 'ArrowDown' ? 1 : count - 1)) % count;
    } else if (e.key === 'Enter' && !e.isComposing && !(e.target instanceof HTMLButtonElement)) {
      const row = rows.value[activeIndex];
      if (!row) return;
      e.preventDefault();
      void insert(row.reply);
    } else if (e.key === 'Escape' && query.value) {
      e.preventDefault();
      query.value = '';
      active.value = 0;
    }
  };

  const listId = 'ip-replies-list';
  const optionId = (i: number) => `ip-replies-option-${i}`;

  let notice: string | null = null;
  if (state.loadFailed.value) notice = t.value.loadFailed;
  else if (!state.librarySize.value) notice = t.value.emptyLibrary;
  else if (searching.value) notice = rows.value.length || results.value.query !== query.value ? null : t.value.noResults;
  else if (!state.hasConversation.value) notice = searchWords.value.noConversation;
  else if (!state.pendingText.value) notice = t.value.nothingPending;
  else if (!rows.value.length) notice = t.value.nothingRelevant;

  return (
    <div class="ip-replies" onKeyDown={onKeyDown} data-testid="replies-panel">
      <input
        type="search"
        class="ip-replies-search"
        role="combobox"
        aria-label={searchWords.value.search}
        aria-controls={listId}
        aria-expanded={rows.value.length > 0}
        aria-activedescendant={rows.value.length ? optionId(activeIndex) : undefined}
        aria-describedby="ip-replies-hint"
        placeholder={searchWords.value.searchPlaceholder}
        value={query.value}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          active.value = 0;
        }}
        data-testid="replies-search"
      />
      <p class="ip-muted ip-replies-hint" id="ip-replies-hint">{searchWords.value.searchHint}</p>
      {!searching.value && state.suggestions.value.length > 0 && <h3 class="ip-replies-heading">{t.value.suggestions}</h3>}
      {searching.value && rows.value.length > 0 && <p class="ip-muted" aria-live="polite">{t.value.results(rows.value.length)}</p>}
      {notice && <p class="ip-muted" data-testid="replies-notice">{notice}</p>}
      <ul class="ip-list ip-replies-list" id={listId} role="listbox" aria-label={searching.value ? searchWords.value.search : t.value.suggestions}>
        {rows.value.map((row, i) => (
          <li
            key={row.reply.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            class={`ip-replies-item${i === activeIndex ? ' ip-replies-item--active' : ''}`}
            onMouseEnter={() => (active.value = i)}
            onClick={() => busy.value || void insert(row.reply)}
            data-testid="replies-item"
            data-reply-id={row.reply.id}
          >
            <div class="ip-replies-item-head">
              <strong class="ip-replies-item-title">{row.reply.title}</strong>
              {row.reply.language !== 'any' && <span class="ip-replies-lang">{t.value[`language_${row.reply.language}`]}</span>}
              {row.reply.shortcut && <span class="ip-replies-shortcut">/{row.reply.shortcut}</span>}
            </div>
            {row.matchedWords.length > 0 && (
              <p class="ip-replies-matched" data-testid="replies-matched">{t.value.matched(row.matchedWords.join(', '))}</p>
            )}
            <p class="ip-replies-preview">{preview(row.reply.body, state.placeholderValues.value)}</p>
            {/* The option itself inserts (click, or Enter in the combobox): a button inside an option would be a
                nested interactive control for screen readers. This only shows where to click. */}
            <span class={`ip-btn ip-btn--primary ip-replies-insert${busy.value ? ' ip-btn--busy' : ''}`} aria-hidden="true" title={t.value.insertTitle(row.reply.title)} data-testid="replies-insert">
              {t.value.insert}
            </span>
          </li>
        ))}
      </ul>
      {status.value && (
        <p class={`ip-notice${status.value.kind === 'error' ? ' ip-notice--error' : ''}`} role="status" data-testid="replies-status">
          {status.value.text}
        </p>
      )}
    </div>
  );
}

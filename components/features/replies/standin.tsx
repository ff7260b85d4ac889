import type { StandinProps } from '../lazy';
import { defineMessages, messagesFor } from '../../../utils/i18n';

/** The replies section's words before a conversation is open: in the content script (the stand-in) and the panel. */
export const repliesSearchMessages = defineMessages({
  en: {
    noConversation: 'Open a conversation to get suggestions.',
    search: 'Search saved replies',
    searchPlaceholder: 'Search, or /shortcut',
    searchHint: '↑ ↓ to choose, Enter to insert. Nothing is sent.',
  },
  fr: {
    noConversation: 'Ouvrez une conversation pour voir des suggestions.',
    search: 'Chercher dans les réponses enregistrées',
    searchPlaceholder: 'Chercher, ou /raccourci',
    searchHint: '↑ ↓ pour choisir, Entrée pour insérer. Rien n’est envoyé.',
  },
});

const t = messagesFor(repliesSearchMessages);

/**
 * Saved replies until first needed (issue 14): the chunk loads when a conversation is open (its customer
 * messages are what the suggestions answer, so they show as soon as the page is read, without a visible
 * wait) or when the agent reaches for the search box (focus, pointer or a key: the box the panel then shows
 * takes the focus and what was typed). With no conversation open, the start-up does not pay for it.
 */
export const repliesFirstUse = {
  needed: ({ inbox }: StandinProps['env']) => inbox.snapshot.value.open !== null,
  Standin: ({ load }: StandinProps) => (
    <div class="ip-replies" data-testid="replies-panel">
      <input
        type="search"
        class="ip-replies-search"
        aria-label={t.value.search}
        aria-describedby="ip-replies-hint"
        placeholder={t.value.searchPlaceholder}
        onFocus={load}
        onPointerDown={load}
        onInput={load}
        data-testid="replies-search"
      />
      <p class="ip-muted ip-replies-hint" id="ip-replies-hint">{t.value.searchHint}</p>
      <p class="ip-muted" data-testid="replies-notice">{t.value.noConversation}</p>
    </div>
  ),
};

import type { StandinProps } from '../lazy';
import { useComputed } from '@preact/signals';
import { defineMessages, messagesFor } from '../../../utils/i18n';

/** The draft section's words while nothing is typed: in the content script (the stand-in) and the panel. */
const t = messagesFor(
  defineMessages({
    en: {
      noComposer: 'Open a conversation: your reply is checked here as you type.',
      empty: 'Start typing your reply: tips appear here.',
    },
    fr: {
      noComposer: 'Ouvrez une conversation : votre réponse est vérifiée ici pendant que vous l’écrivez.',
      empty: 'Commencez à écrire votre réponse : les conseils s’affichent ici.',
    },
  }),
);

export function DraftIdleNotice({ composerFound }: { composerFound: boolean }) {
  return composerFound ? (
    <p class="ip-muted" data-testid="draft-empty">{t.value.empty}</p>
  ) : (
    <p class="ip-muted" data-testid="draft-no-composer">{t.value.noComposer}</p>
  );
}

/**
 * Draft checks until there is something to check (issue 14): the checks' chunk loads with the first character
 * in the composer (a reply being written, or a draft Meta kept), or when Meta disables the composer (the
 * messaging window is over: the checks explain it), so the start-up does not pay for it. The checks wait for
 * a pause in typing anyway (state.ts, DRAFT_DEBOUNCE_MS), which hides the load.
 */
export const draftFirstUse = {
  needed: ({ inbox }: StandinProps['env']) => {
    const { composer } = inbox.snapshot.value;
    return composer.text.trim() !== '' || (composer.found && !composer.enabled);
  },
  Standin: DraftStandin,
};

function DraftStandin({ env }: StandinProps) {
  // Re-rendered when the composer comes or goes, not with each new snapshot (issue 14: every message of a burst).
  const found = useComputed(() => env.inbox.snapshot.value.composer.found);
  return (
    <div class="ip-draft" data-testid="draft-panel">
      <DraftIdleNotice composerFound={found.value} />
    </div>
  );
}

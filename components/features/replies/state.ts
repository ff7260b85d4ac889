import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { sendMessage } from '../../../utils/messaging';
import type { SavedReplySummary } from './protocol';
import { unansweredCustomerText } from '../../../utils/replies/conversation';
import { fillPlaceholders, type PlaceholderValues } from '../../../utils/replies/placeholders';
import type { RankedReply } from '../../../utils/replies/rank';
import { libraryRevision } from '../../../utils/replies/revision';
import { detectLanguage } from '../../../utils/replies/language';
import { createUsageTracker } from '../../../utils/replies/usage-tracker';
import type { FeatureEnv } from '../types';

export type InsertOutcome =
  | { ok: true; unfilled: string[] }
  | { ok: false; reason: 'no-composer' | 'disabled' | 'wrong-conversation' | 'rejected' | 'no-conversation' };

export interface RepliesState {
  /** How many saved replies the library holds (0: empty library). */
  librarySize: ReadonlySignal<number>;
  loadFailed: ReadonlySignal<boolean>;
  /** The customer's unanswered text in the open conversation ('' when none). */
  pendingText: ReadonlySignal<string>;
  hasConversation: ReadonlySignal<boolean>;
  suggestions: ReadonlySignal<RankedReply<SavedReplySummary>[]>;
  /** What the placeholders would be filled with now (for previews). */
  placeholderValues: ReadonlySignal<PlaceholderValues>;
  /** The search box over the whole library (answered by the background, which holds the library). */
  search(query: string): Promise<SavedReplySummary[]>;
  insert(reply: SavedReplySummary): Promise<InsertOutcome>;
}

/** Results the search box shows at most. */
export const SEARCH_LIMIT = 20;

/**
 * The panel's state, living as long as the content script (not the panel),
 * so the keyboard command works while the sidebar is collapsed.
 */
export function createRepliesState(env: FeatureEnv): RepliesState {
  const { inbox, scope } = env;
  const librarySize = signal(0);
  const loadFailed = signal(false);
  const suggestions = signal<RankedReply<SavedReplySummary>[]>([]);
  // Bumped when the library changes in another context (options page), so the suggestions are asked again.
  const revision = signal(0);
  scope.onInvalidated(libraryRevision.watch(() => void revision.value++));

  const hasConversation = computed(() => inbox.snapshot.value.open !== null);
  // A string: recomputed on every snapshot, but only changes (and re-asks) when the customer's words change.
  const pendingText = computed(() => unansweredCustomerText(inbox.snapshot.value.open));
  // The conversation's language, from everything the customer wrote (more reliable than the latest line alone).
  // Detected again only when the customer's messages change, not on every snapshot (issue 14: a message in
  // another conversation, during a burst, would run it over the whole open thread).
  let languageOf = '';
  let detected: ReturnType<typeof detectLanguage> | null = null;
  const language = computed(() => {
    const open = inbox.snapshot.value.open;
    if (!open) return null;
    const customer = open.messages.filter((m) => m.side === 'customer');
    const basis = `${open.key}|${customer.length}|${customer[customer.length - 1]?.key ?? ''}`;
    if (basis !== languageOf) {
      languageOf = basis;
      detected = detectLanguage(customer.map((m) => m.text).join('\n'));
    }
    return detected;
  });

  // Ranking runs in the background, where the library and its index live. Only the
  // latest question's answer is kept (an older one may arrive later).
  let sequence = 0;
  scope.effect(() => {
      const text = pendingText.value;
      const locale = language.value;
      void revision.value;
      const mine = ++sequence;
      sendMessage('replies:suggest', { text, locale }).then(
        (answer) => {
          if (mine !== sequence) return;
          suggestions.value = answer.suggestions;
          librarySize.value = answer.librarySize;
          loadFailed.value = false;
        },
        () => {
          if (mine !== sequence) return;
          suggestions.value = [];
          loadFailed.value = true;
        },
      );
  });

  const search = async (query: string) => {
    const answer = await sendMessage('replies:search', { query, limit: SEARCH_LIMIT });
    librarySize.value = answer.librarySize;
    return answer.replies;
  };

  const tracker = createUsageTracker();
  const openKeys = () => {
    const open = inbox.snapshot.value.open;
    return open ? [...new Set([open.id, open.key].filter((k): k is string => !!k))] : [];
  };
  scope.effect(() => {
      const text = inbox.snapshot.value.composer.text;
      for (const key of openKeys()) tracker.composerChanged(key, text);
  });
  scope.onInvalidated(
    inbox.onEvent((event) => {
      if (event.kind !== 'reply-sent' || event.via !== 'this-browser') return;
      const outcome = tracker.sent(event.conversation, event.at);
      if (outcome) void sendMessage('replies:outcome', outcome).catch(() => undefined);
    }),
  );

  // The same object while the values stand: the suggestions (their filled previews) re-render when a name
  // changes, not with each new snapshot.
  let values: PlaceholderValues | null = null;
  const placeholderValues = computed<PlaceholderValues>(() => {
    const next = {
      customerName: inbox.snapshot.value.open?.customerName ?? null,
      agentName: env.general.value.agentName,
      pageName: inbox.snapshot.value.page.name,
    };
    if (values && values.customerName === next.customerName && values.agentName === next.agentName && values.pageName === next.pageName) return values;
    return (values = next);
  });

  async function insert(reply: SavedReplySummary): Promise<InsertOutcome> {
    const snapshot = inbox.snapshot.value;
    const open = snapshot.open;
    if (!open) return { ok: false, reason: 'no-conversation' };
    const filled = fillPlaceholders(reply.body, placeholderValues.value);
    const composerBefore = snapshot.composer.text;
    const conversation = open.id ?? open.key;
    const result = await inbox.insertText(filled.text, { conversation });
    if (!result.ok) return { ok: false, reason: result.reason };
    const keys = openKeys();
    void sendMessage('replies:used', { replyId: reply.id, conversation })
      .then(({ usageId }) => tracker.inserted(keys, usageId, filled.text, composerBefore))
      .catch(() => undefined); // Usage is a nicety: never fail an insertion over it.
    return { ok: true, unfilled: filled.unfilled };
  }

  scope.onMessage(
    {
      'replies:insert-top': async () => {
        const top = suggestions.value[0];
        if (!top) return { inserted: false };
        return { inserted: (await insert(top.reply)).ok };
      },
    },
  );

  return { librarySize, loadFailed, pendingText, hasConversation, suggestions, placeholderValues, search, insert };
}

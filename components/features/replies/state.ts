import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { onMessages, sendMessage } from '../../../utils/messaging';
import type { SavedReplySummary } from '../../../utils/replies/messages';
import { unansweredCustomerText } from '../../../utils/replies/conversation';
import { fillPlaceholders, type PlaceholderValues } from '../../../utils/replies/placeholders';
import { rankSavedReplies, type RankedReply } from '../../../utils/replies/rank';
import { libraryRevision } from '../../../utils/replies/revision';
import { detectLanguage } from '../../../utils/replies/text';
import { createUsageTracker } from '../../../utils/replies/usage-tracker';
import type { FeatureEnv } from '../types';

export type InsertOutcome =
  | { ok: true; unfilled: string[] }
  | { ok: false; reason: 'no-composer' | 'disabled' | 'wrong-conversation' | 'rejected' | 'no-conversation' };

export interface RepliesState {
  library: ReadonlySignal<SavedReplySummary[]>;
  loadFailed: ReadonlySignal<boolean>;
  /** The customer's unanswered text in the open conversation ('' when none). */
  pendingText: ReadonlySignal<string>;
  hasConversation: ReadonlySignal<boolean>;
  suggestions: ReadonlySignal<RankedReply<SavedReplySummary>[]>;
  /** What the placeholders would be filled with now (for previews). */
  placeholderValues: ReadonlySignal<PlaceholderValues>;
  insert(reply: SavedReplySummary): Promise<InsertOutcome>;
}

/**
 * The panel's state, living as long as the content script (not the panel),
 * so the keyboard command works while the sidebar is collapsed.
 */
export function createRepliesState(env: FeatureEnv): RepliesState {
  const { inbox, ctx } = env;
  const library = signal<SavedReplySummary[]>([]);
  const loadFailed = signal(false);
  const load = async () => {
    try {
      library.value = (await sendMessage('replies:list', undefined)).replies;
      loadFailed.value = false;
    } catch {
      loadFailed.value = true;
    }
  };
  void load();
  ctx.onInvalidated(libraryRevision.watch(() => void load()));

  const hasConversation = computed(() => inbox.snapshot.value.open !== null);
  // A string: recomputed on every snapshot, but only changes (and re-ranks) when the customer's words change.
  const pendingText = computed(() => unansweredCustomerText(inbox.snapshot.value.open));
  // The conversation's language, from everything the customer wrote (more reliable than the latest line alone).
  const language = computed(() => {
    const open = inbox.snapshot.value.open;
    return open ? detectLanguage(open.messages.filter((m) => m.side === 'customer').map((m) => m.text).join('\n')) : null;
  });
  const suggestions = computed(() => rankSavedReplies(pendingText.value, library.value, { limit: 3, locale: language.value }));

  const tracker = createUsageTracker();
  const openKeys = () => {
    const open = inbox.snapshot.value.open;
    return open ? [...new Set([open.id, open.key].filter((k): k is string => !!k))] : [];
  };
  ctx.onInvalidated(
    effect(() => {
      const text = inbox.snapshot.value.composer.text;
      for (const key of openKeys()) tracker.composerChanged(key, text);
    }),
  );
  ctx.onInvalidated(
    inbox.onEvent((event) => {
      if (event.kind !== 'reply-sent' || event.via !== 'this-browser') return;
      const outcome = tracker.sent(event.conversation, event.at);
      if (outcome) void sendMessage('replies:outcome', outcome).catch(() => undefined);
    }),
  );

  const placeholderValues = computed<PlaceholderValues>(() => ({
    customerName: inbox.snapshot.value.open?.customerName ?? null,
    agentName: env.general.value.agentName,
    pageName: inbox.snapshot.value.page.name,
  }));

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

  onMessages(
    {
      'replies:insert-top': async () => {
        const top = suggestions.value[0];
        if (!top) return { inserted: false };
        return { inserted: (await insert(top.reply)).ok };
      },
    },
    ctx.signal,
  );

  return { library, loadFailed, pendingText, hasConversation, suggestions, placeholderValues, insert };
}

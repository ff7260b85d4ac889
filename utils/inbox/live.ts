// PLACEHOLDER until the adapter lands (issue 3): reports an unrecognized page.
import { signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { InboxSnapshot, InboxSource } from './types';

export function createInboxSource(_ctx: ContentScriptContext): InboxSource {
  const snapshot = signal<InboxSnapshot>({
    url: location.href,
    takenAt: Date.now(),
    locale: null,
    page: { assetId: null, name: null },
    conversations: [],
    open: null,
    composer: { found: false, enabled: false, text: '', kind: null },
    health: { found: { list: false, thread: false, composer: false }, missing: [], recognized: false },
  });
  return {
    snapshot,
    onEvent: () => () => undefined,
    openConversation: () => false,
    insertText: async () => ({ ok: false, reason: 'no-composer' }),
  };
}

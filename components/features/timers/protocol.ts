import type { AlertItem, ConversationTrack } from '../../../utils/timers/types';

/** Timers: badge and desktop warnings (content -> background), and opening a conversation (background -> content). */
export interface TimersProtocol {
  /** Background -> content: open this conversation (a notification was clicked). */
  'inbox:open-conversation': { request: { conversation: string }; response: { opened: boolean } };
  /**
   * Popup -> content: the customer names this inbox tab shows now for these conversations
   * (the popup's slowest responses). Answered from memory, never stored by the popup.
   */
  'inbox:customer-names': { request: { conversations: string[] }; response: { names: Record<string, string> } };
  /**
   * Content -> background: the tab's current waiting list (sent when it changes).
   * The background sets the tab's badge and raises each warning once. The tab id comes from the sender.
   */
  'alerts:update': {
    request: { pageId: string | null; openNow: boolean; items: AlertItem[] };
    response: { notified: number };
  };
  /** Content -> background: keep the timers' memory across page reloads (storage.session: times and names, no message text). */
  'timers:save': { request: { pageId: string | null; tracks: ConversationTrack[] }; response: { saved: number } };
  /** Content -> background: what was saved for this Page in this browser session. */
  'timers:restore': { request: { pageId: string | null }; response: { tracks: ConversationTrack[] } };
}

/** Timers: badge and desktop warnings (content -> background), and opening a conversation (background -> content). */
export interface AlertsMessages {
  /** Background -> content: open this conversation (a notification was clicked). */
  'inbox:open-conversation': { request: { conversation: string }; response: { opened: boolean } };
}

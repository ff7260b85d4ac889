import { browser } from 'wxt/browser';
import { sendToTab } from '../../utils/messaging';

/**
 * Customer names for the slowest responses, asked from the inbox tabs open
 * right now (their timers know the names shown in the list). Stats never store
 * names, so with no inbox tab open there are none, and nothing is kept here
 * after the popup closes. Tabs without the content script simply do not
 * answer; without the `tabs` permission the popup cannot tell them apart.
 */
export async function namesFromOpenInbox(conversations: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (conversations.length === 0) return names;
  const tabs = await browser.tabs.query({}).catch(() => []);
  const replies = await Promise.allSettled(
    tabs.filter((tab) => tab.id !== undefined).map((tab) => sendToTab(tab.id!, 'inbox:customer-names', { conversations: [...conversations] })),
  );
  for (const reply of replies) {
    if (reply.status !== 'fulfilled') continue;
    for (const [conversation, name] of Object.entries(reply.value.names)) {
      if (typeof name === 'string' && name && !names.has(conversation)) names.set(conversation, name);
    }
  }
  return names;
}

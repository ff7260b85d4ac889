import type { OpenConversation } from '../inbox/types';

/**
 * The customer's latest unanswered message(s): the customer messages after
 * the Page's last human reply (an automated instant or away reply is not an
 * answer), joined. Empty when the Page spoke last.
 */
export function unansweredCustomerText(open: OpenConversation | null | undefined): string {
  if (!open) return '';
  const pending: string[] = [];
  for (let i = open.messages.length - 1; i >= 0; i--) {
    const m = open.messages[i]!;
    if (m.side === 'page' && !m.automated) break;
    if (m.side === 'customer' && m.text.trim()) pending.unshift(m.text.trim());
  }
  return pending.join('\n');
}

import type { InboxEvent } from '../inbox/types';
import { pairingKey, responseId, UNKNOWN_AGENT, type PendingRecord, type ResponseRecord } from './types';

/**
 * Pairs customer messages with the replies that answered them, pure.
 *
 * Per conversation we keep the first unanswered customer message and the
 * latest reply. A customer message after the latest reply opens (or, if
 * earlier, moves back) the pending one; the first reply at or after a pending
 * message closes it into a response, whoever the agent. Anything at or before
 * the latest reply was already answered and is ignored, which is what makes
 * resends, re-renders and a second tab harmless.
 */
export interface PairingConfig {
  /** Business milliseconds between two instants (the configured schedule). */
  businessMillis(start: number, end: number): number;
  targetSeconds: number;
  useBusinessTime: boolean;
  /** Agent to credit for this browser's own replies when the page shows no `Sent by` label. */
  selfAgent: string;
}

export function emptyPending(pageId: string, conversation: string): PendingRecord {
  return { key: pairingKey(pageId, conversation), pageId, conversation, customerAt: null, customerPrecision: null, lastReplyAt: null, updatedAt: 0 };
}

/** Events in the order they happened; a customer message and a reply at the same instant: the message first. */
export function chronological(events: readonly InboxEvent[]): InboxEvent[] {
  const rank = (e: InboxEvent) => (e.kind === 'customer-message' ? 0 : e.kind === 'reply-sent' ? 1 : 2);
  return [...events].sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

/**
 * Applies events to the pairing states (mutated; missing ones created) and
 * returns the responses they complete and the keys of the states changed.
 */
export function applyEvents(
  states: Map<string, PendingRecord>,
  events: readonly InboxEvent[],
  config: PairingConfig,
  now: number,
): { responses: ResponseRecord[]; changed: Set<string> } {
  const responses: ResponseRecord[] = [];
  const changed = new Set<string>();
  for (const e of chronological(events)) {
    if (e.kind === 'conversation-opened') continue;
    const pageId = e.pageId ?? '';
    const key = pairingKey(pageId, e.conversation);
    let s = states.get(key);
    if (!s) {
      s = emptyPending(pageId, e.conversation);
      states.set(key, s);
    }
    if (e.kind === 'customer-message') {
      if (s.lastReplyAt !== null && e.at <= s.lastReplyAt) continue; // already answered
      if (s.customerAt !== null && s.customerAt <= e.at) continue; // a burst: the first message counts
      s.customerAt = e.at;
      s.customerPrecision = e.precision;
    } else {
      if (s.lastReplyAt !== null && e.at <= s.lastReplyAt) continue; // seen already
      if (s.customerAt !== null && e.at >= s.customerAt) {
        const responseSeconds = Math.round((e.at - s.customerAt) / 1000);
        const businessResponseSeconds = Math.round(config.businessMillis(s.customerAt, e.at) / 1000);
        const judged = config.useBusinessTime ? businessResponseSeconds : responseSeconds;
        const agent = (e.agent ?? '').trim() || (e.via === 'this-browser' ? config.selfAgent : UNKNOWN_AGENT);
        responses.push({
          id: responseId(pageId, e.conversation, s.customerAt),
          pageId,
          conversation: e.conversation,
          customerAt: s.customerAt,
          repliedAt: e.at,
          agent,
          responseSeconds,
          businessResponseSeconds,
          withinTarget: judged <= config.targetSeconds,
          source: e.via,
          precision: e.precision === 'approximate' || s.customerPrecision === 'approximate' ? 'approximate' : 'exact',
        });
        s.customerAt = null;
        s.customerPrecision = null;
      }
      s.lastReplyAt = e.at;
    }
    s.updatedAt = now;
    changed.add(key);
  }
  return { responses, changed };
}

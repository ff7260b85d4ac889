import type { InboxEvent, Precision } from '../../../utils/inbox/types';
import type { PairingConfig } from '../../../utils/stats/pairing';

export const T0 = Date.UTC(2026, 10, 16, 9, 0, 0); // Monday 16 Nov 2026, 09:00 UTC (week 47)
export const MIN = 60_000;

let n = 0;
export function customer(
  conversation: string,
  at: number,
  precision: Precision = 'exact',
  pageId: string | null = 'page1',
): Extract<InboxEvent, { kind: 'customer-message' }> {
  return { kind: 'customer-message', id: `c:${conversation}:${at}:${n++}`, pageId, conversation, customerName: 'Jeanne Client', at, precision };
}

export function reply(
  conversation: string,
  at: number,
  agent: string | null = 'Marie',
  via: 'this-browser' | 'observed' = 'observed',
  precision: Precision = 'exact',
  pageId: string | null = 'page1',
): InboxEvent {
  return { kind: 'reply-sent', id: `r:${conversation}:${at}:${n++}`, pageId, conversation, customerName: 'Jeanne Client', at, agent, via, precision };
}

export const wallConfig: PairingConfig = {
  businessMillis: (a, b) => Math.max(0, b - a),
  targetSeconds: 300,
  useBusinessTime: false,
  selfAgent: 'Moi',
};

import type { ResponseRecord, ResponseSource } from './types';

/**
 * The team merge's one decision (pure): is an incoming response one this
 * browser already holds, and if so which record stays.
 *
 * Both sides are records of one Page and conversation. `source` is where the
 * record was made: for a held record, as stored here ('this-browser' = this
 * browser sent the reply); for an incoming one, as the browser that exported
 * it stored it ('this-browser' = the exporting browser sent it; 'imported' =
 * unknown, e.g. a team-server record or a copy the exporter had received).
 */
export type MergeRecord = Pick<ResponseRecord, 'id' | 'customerAt' | 'repliedAt'> & { source: ResponseSource };

/** Two browsers saw the same response only if the customer message times are this close... */
export const SAME_RESPONSE_WINDOW_MS = 60_000;
/** ...and so are the replies (one browser times its own send, another when it saw the bubble). */
export const SAME_REPLY_WINDOW_MS = 10_000;

/**
 * The same response, seen by two browsers:
 * - the same id (the same customer message second) is one response, whoever recorded it;
 * - two replies sent from browsers (`this-browser` on both sides, different ids) are two responses:
 *   a reply is sent from one browser only;
 * - otherwise the customer times must be within SAME_RESPONSE_WINDOW_MS, the replies within
 *   SAME_REPLY_WINDOW_MS, and the two must overlap: a conversation's next response starts with a
 *   customer message after the previous reply, so a record whose customer time is at or after the
 *   other's reply is a later response, however close in time (a browser that sees a colleague's
 *   reply a few seconds late, then answers the next message itself).
 */
export function sameResponse(a: MergeRecord, b: MergeRecord): boolean {
  if (a.id === b.id) return true;
  if (a.source === 'this-browser' && b.source === 'this-browser') return false;
  if (Math.abs(a.customerAt - b.customerAt) >= SAME_RESPONSE_WINDOW_MS) return false;
  if (Math.abs(a.repliedAt - b.repliedAt) >= SAME_REPLY_WINDOW_MS) return false;
  return a.customerAt < b.repliedAt && b.customerAt < a.repliedAt;
}

export type MergeDecision =
  /** A response not held: add it, under `id`. */
  | { action: 'add'; id: string }
  /** Held already (as `heldId`): keep what is held. */
  | { action: 'skip'; heldId: string }
  /** Held as `heldId`, but only as a copy: the incoming record is the answering browser's own, it takes the place of that copy, under `id`. */
  | { action: 'replace'; heldId: string; id: string };

/**
 * The id an answering browser's own record is stored under when another browser's own record, of another reply,
 * holds its id (issue 16: two agents in two browsers each answered, and each counted from the same customer-message
 * second). A reply is sent from one browser only, so those are two responses; the second one's id gains its
 * reply's second. Deterministic, so importing the same bundle again finds it held.
 */
export function ownRecordId(r: Pick<MergeRecord, 'id' | 'repliedAt'>): string {
  return `${r.id}|${Math.floor(r.repliedAt / 1000)}`;
}

/**
 * What to do with one incoming record, given the held records of its conversation (the stored
 * ones and those this merge already added, with the sources described on MergeRecord).
 * A record a browser made itself (`this-browser`) is never merged away by another browser's copy:
 * an incoming own record replaces the held copy it matches (the one with its id, else the one whose reply
 * is nearest), and an
 * incoming copy is skipped when it matches what is held.
 */
export function mergeDecision(incoming: MergeRecord, held: readonly MergeRecord[]): MergeDecision {
  // Two own records under one id, of two replies: two responses (see ownRecordId); the incoming one takes its own id.
  const twin = incoming.source === 'this-browser' && held.some((h) => h.id === incoming.id && h.source === 'this-browser' && h.repliedAt !== incoming.repliedAt);
  if (twin) incoming = { ...incoming, id: ownRecordId(incoming) };
  const same = held.filter((h) => sameResponse(h, incoming));
  if (!same.length) return { action: 'add', id: incoming.id };
  // Held as it is (a bundle imported twice), or this browser's own record: kept.
  const kept = same.find((h) => h.source === 'this-browser' || (h.id === incoming.id && h.customerAt === incoming.customerAt && h.repliedAt === incoming.repliedAt));
  if (kept) return { action: 'skip', heldId: kept.id };
  if (incoming.source === 'this-browser') {
    // The copy under the incoming id first (the incoming record is written under its id), else the nearest reply.
    const target = same.find((h) => h.id === incoming.id) ?? same.reduce((best, h) => (Math.abs(h.repliedAt - incoming.repliedAt) < Math.abs(best.repliedAt - incoming.repliedAt) ? h : best));
    return { action: 'replace', heldId: target.id, id: incoming.id };
  }
  return { action: 'skip', heldId: same[0]!.id };
}

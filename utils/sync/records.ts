import type { ResponseRecord } from '../stats/types';

/**
 * Team records on the server (pure mapping). One document per response, with a deterministic id
 * `resp:<user>:<responseId>`: re-sending is idempotent, and the team rules check the writer from
 * the id. No message text and no customer names: the same fields as the local stats record,
 * plus who wrote it (CouchDB user) and from which browser.
 */
export interface ResponseDoc {
  _id: string;
  _rev?: string;
  type: 'response';
  /** The CouchDB user whose browser recorded it. */
  user: string;
  /** That browser's random id (see newBrowserId). */
  browser: string;
  /** The Meta `Sent by` label ('' when unknown). */
  agent: string;
  pageId: string;
  conversation: string;
  customerAt: number;
  /** An approximate customer time's interval end (absent when exact, and on documents written before issue 16). */
  customerLatest?: number;
  repliedAt: number;
  responseSeconds: number;
  businessResponseSeconds: number;
  withinTarget: boolean;
  precision: ResponseRecord['precision'];
  /** The local id (pageId|conversation|customer second): two browsers' copies of one response share it. */
  responseId: string;
}

/** A browser's "synced at" mark, one per browser and hour (append-only, like records). */
export interface BeatDoc {
  _id: string;
  type: 'beat';
  user: string;
  browser: string;
  /** The sync's agent label (settings' agent name), for the team view. */
  agent: string;
  at: number;
}

export function responseDocId(user: string, responseId: string): string {
  return `resp:${user}:${responseId}`;
}

export function beatDocId(user: string, browser: string, at: number): string {
  return `beat:${user}:${browser}:${new Date(at).toISOString().slice(0, 13)}`;
}

/** Records this browser sends: its own and the ones it observed, never copies it received (import, team). */
export function isPushable(record: ResponseRecord): boolean {
  return record.source === 'this-browser' || record.source === 'observed';
}

export function toResponseDoc(record: ResponseRecord, user: string, browser: string): ResponseDoc {
  return {
    _id: responseDocId(user, record.id),
    type: 'response',
    user,
    browser,
    agent: record.agent,
    pageId: record.pageId,
    conversation: record.conversation,
    customerAt: record.customerAt,
    ...(record.customerLatest !== undefined ? { customerLatest: record.customerLatest } : {}),
    repliedAt: record.repliedAt,
    responseSeconds: record.responseSeconds,
    businessResponseSeconds: record.businessResponseSeconds,
    withinTarget: record.withinTarget,
    precision: record.precision,
    responseId: record.id,
  };
}

/** A team record as a local stats record (source 'imported', so never sent back), or null if malformed. */
export function fromResponseDoc(doc: unknown): (ResponseRecord & { syncUser: string; browser: string }) | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Partial<ResponseDoc>;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (d.type !== 'response' || typeof d._id !== 'string' || !d._id.startsWith('resp:')) return null;
  if (typeof d.user !== 'string' || typeof d.browser !== 'string' || typeof d.responseId !== 'string') return null;
  if (!num(d.customerAt) || !num(d.repliedAt) || !num(d.responseSeconds) || !num(d.businessResponseSeconds)) return null;
  if (typeof d.pageId !== 'string' || typeof d.conversation !== 'string' || typeof d.withinTarget !== 'boolean') return null;
  return {
    id: d.responseId,
    pageId: d.pageId,
    conversation: d.conversation,
    customerAt: d.customerAt!,
    // Kept only when it is an interval end that fits the record (old documents have none).
    ...(num(d.customerLatest) && d.customerLatest! >= d.customerAt! && d.customerLatest! <= d.repliedAt! ? { customerLatest: d.customerLatest } : {}),
    repliedAt: d.repliedAt!,
    // An unknown Sent-by label is attributed to the CouchDB user, so the team view never has a nameless row.
    agent: typeof d.agent === 'string' && d.agent ? d.agent : d.user,
    responseSeconds: d.responseSeconds!,
    businessResponseSeconds: d.businessResponseSeconds!,
    withinTarget: d.withinTarget,
    source: 'imported',
    precision: d.precision === 'approximate' ? 'approximate' : 'exact',
    syncUser: d.user,
    browser: d.browser,
  };
}

export function isBeatDoc(doc: unknown): doc is BeatDoc {
  const d = doc as Partial<BeatDoc> | null;
  return !!d && d.type === 'beat' && typeof d.user === 'string' && typeof d.browser === 'string' && typeof d.at === 'number';
}

/** A random, non-identifying browser id (random bytes, nothing derived from the machine). */
export function newBrowserId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return [...random(9)].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 16);
}

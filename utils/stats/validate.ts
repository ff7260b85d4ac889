import type { InboxEvent, Precision } from '../inbox/types';
import type { ResponseRecord, ResponseSource } from './types';

/**
 * Strict checks of untrusted input (messages from content scripts, bundle
 * files from other browsers). Each returns clean objects built field by
 * field: unknown extra fields are dropped, never copied, and customer names
 * are not kept.
 */
export class StatsInputError extends Error {
  override name = 'StatsInputError';
  constructor(
    message: string,
    /** The bad item of a batch (`stats:events`), so the sender drops that one event and keeps the rest. */
    readonly index?: number,
  ) {
    super(message);
  }
}

export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_ID_LENGTH = 300;
export const MAX_KEY_LENGTH = 200;
export const MAX_AGENT_LENGTH = 100;
/** 2000-01-01: anything earlier is not an inbox event. */
const MIN_TIME = 946_684_800_000;
/** Clocks drift; a day ahead is a broken clock or a forged message. */
const MAX_FUTURE_MS = 86_400_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(raw: Record<string, unknown>, field: string, max: number, where: string, allowEmpty = false): string {
  const v = raw[field];
  if (typeof v !== 'string') throw new StatsInputError(`${where}: "${field}" must be a string`);
  if (!allowEmpty && v.length === 0) throw new StatsInputError(`${where}: "${field}" is empty`);
  if (v.length > max) throw new StatsInputError(`${where}: "${field}" is longer than ${max} characters`);
  return v;
}

function nullableStr(raw: Record<string, unknown>, field: string, max: number, where: string): string | null {
  if (raw[field] === null || raw[field] === undefined) return null;
  return str(raw, field, max, where, true);
}

function time(raw: Record<string, unknown>, field: string, where: string, now: number, maxFutureMs = MAX_FUTURE_MS): number {
  const v = raw[field];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StatsInputError(`${where}: "${field}" must be a finite number (epoch ms)`);
  if (v < MIN_TIME) throw new StatsInputError(`${where}: "${field}" is out of range`);
  if (v > now + maxFutureMs) throw new StatsInputError(`${where}: "${field}" is in the future (${new Date(v).toISOString()})`);
  return Math.round(v);
}

function oneOf<T extends string>(raw: Record<string, unknown>, field: string, allowed: readonly T[], where: string): T {
  const v = raw[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new StatsInputError(`${where}: "${field}" must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

const PRECISIONS: readonly Precision[] = ['exact', 'approximate'];

/**
 * A reply's `Sent by` label, cut to MAX_AGENT_LENGTH rather than refused: Meta allows longer names,
 * and refusing the event dropped the response itself (a 101-character label lost it, issue 16).
 * Cut on a code point, so an emoji is never split.
 */
function agentLabel(raw: Record<string, unknown>, where: string): string | null {
  const v = raw.agent;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new StatsInputError(`${where}: "agent" must be a string`);
  if (v.length <= MAX_AGENT_LENGTH) return v;
  let cut = '';
  for (const ch of v) {
    if (cut.length + ch.length > MAX_AGENT_LENGTH - 1) break;
    cut += ch;
  }
  return `${cut}…`;
}

/** One adapter event; throws StatsInputError naming the problem. */
export function validateEvent(input: unknown, where = 'event', now = Date.now()): InboxEvent {
  if (!isObject(input)) throw new StatsInputError(`${where}: not an object`);
  const base = {
    id: str(input, 'id', MAX_ID_LENGTH, where),
    pageId: nullableStr(input, 'pageId', MAX_KEY_LENGTH, where),
    conversation: str(input, 'conversation', MAX_KEY_LENGTH, where),
    // Personal data the stats never need: dropped at the door.
    customerName: null,
    at: time(input, 'at', where, now),
    // The row's key, the same before and after the conversation's first opening (joins list and thread events).
    ...(input.rowKey === undefined || input.rowKey === null ? {} : { rowKey: str(input, 'rowKey', MAX_KEY_LENGTH, where) }),
  };
  switch (input.kind) {
    case 'customer-message': {
      const atLatest = input.atLatest === undefined ? undefined : time(input, 'atLatest', where, now);
      if (atLatest !== undefined && atLatest < base.at) throw new StatsInputError(`${where}: "atLatest" is before "at"`);
      const follows = input.follows === undefined || input.follows === null ? undefined : str(input, 'follows', MAX_ID_LENGTH, where);
      const followsPredicted = input.followsPredicted === undefined || input.followsPredicted === null ? undefined : str(input, 'followsPredicted', MAX_ID_LENGTH, where);
      const precedes = input.precedes === undefined || input.precedes === null ? undefined : time(input, 'precedes', where, now);
      return {
        ...base,
        kind: 'customer-message',
        precision: oneOf(input, 'precision', PRECISIONS, where),
        ...(atLatest !== undefined ? { atLatest } : {}),
        ...(follows !== undefined ? { follows } : {}),
        ...(followsPredicted !== undefined ? { followsPredicted } : {}),
        ...(precedes !== undefined ? { precedes } : {}),
      };
    }
    case 'reply-sent':
      return {
        ...base,
        kind: 'reply-sent',
        agent: agentLabel(input, where),
        via: oneOf(input, 'via', ['this-browser', 'observed'] as const, where),
        precision: oneOf(input, 'precision', PRECISIONS, where),
        // An earlier answer a thread showed (issue 16): closes waits, times no response.
        ...(input.history === true ? { history: true } : {}),
      };
    case 'conversation-opened':
      return { ...base, kind: 'conversation-opened' };
    default:
      throw new StatsInputError(`${where}: unknown kind ${JSON.stringify(String(input.kind)).slice(0, 60)}`);
  }
}

/** The `stats:events` request: `{ events: InboxEvent[] }`, at most MAX_EVENTS_PER_BATCH. */
export function validateEventsRequest(input: unknown, now = Date.now()): InboxEvent[] {
  if (!isObject(input) || !Array.isArray(input.events)) throw new StatsInputError('stats:events: expected { events: [...] }');
  if (input.events.length > MAX_EVENTS_PER_BATCH) {
    throw new StatsInputError(`stats:events: ${input.events.length} events in one batch (at most ${MAX_EVENTS_PER_BATCH})`);
  }
  return input.events.map((e, i) => {
    try {
      return validateEvent(e, `stats:events: event ${i}`, now);
    } catch (error) {
      throw error instanceof StatsInputError ? new StatsInputError(error.message, i) : error;
    }
  });
}

const SOURCES: readonly ResponseSource[] = ['this-browser', 'observed', 'imported'];
const MAX_RESPONSE_SECONDS = 400 * 86_400;
/**
 * A bundle was written by a browser's clock at its export: a response dated later than this past our
 * clock is not clock skew but a broken clock or an edited file.
 */
export const IMPORT_CLOCK_SKEW_MS = 10 * 60_000;
/** Durations are stored rounded to the second; one more second absorbs the rounding of both ends. */
const DURATION_TOLERANCE_S = 1;

/**
 * An approximate customer time's interval end: optional (bundles made before issue 16 have none),
 * and when present inside [customerAt, repliedAt], since the customer wrote before the reply.
 */
export function intervalEnd(input: Record<string, unknown>, customerAt: number, repliedAt: number, where: string): number | undefined {
  const v = input.customerLatest;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < customerAt || v > repliedAt) {
    throw new StatsInputError(`${where}: "customerLatest" must be a time between "customerAt" and "repliedAt"`);
  }
  return v;
}

/** One stored response read from a bundle; throws StatsInputError. */
export function validateResponseRecord(input: unknown, where: string, now = Date.now()): ResponseRecord {
  if (!isObject(input)) throw new StatsInputError(`${where}: not an object`);
  const customerAt = time(input, 'customerAt', where, now, IMPORT_CLOCK_SKEW_MS);
  const repliedAt = time(input, 'repliedAt', where, now, IMPORT_CLOCK_SKEW_MS);
  if (repliedAt < customerAt) throw new StatsInputError(`${where}: "repliedAt" is before "customerAt"`);
  const seconds = (field: string) => {
    const v = input[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_RESPONSE_SECONDS) {
      throw new StatsInputError(`${where}: "${field}" must be a number of seconds`);
    }
    return v;
  };
  const responseSeconds = seconds('responseSeconds');
  const businessResponseSeconds = seconds('businessResponseSeconds');
  // The duration is what the manager reads: it must be the one its two timestamps give.
  const wall = (repliedAt - customerAt) / 1000;
  if (Math.abs(responseSeconds - wall) > DURATION_TOLERANCE_S) {
    throw new StatsInputError(`${where}: "responseSeconds" is ${responseSeconds} but its timestamps are ${Math.round(wall)} s apart`);
  }
  if (businessResponseSeconds > responseSeconds + DURATION_TOLERANCE_S) {
    throw new StatsInputError(`${where}: "businessResponseSeconds" is longer than the response itself`);
  }
  if (typeof input.withinTarget !== 'boolean') throw new StatsInputError(`${where}: "withinTarget" must be true or false`);
  const customerLatest = intervalEnd(input, customerAt, repliedAt, where);
  return {
    id: str(input, 'id', MAX_ID_LENGTH, where),
    pageId: str(input, 'pageId', MAX_KEY_LENGTH, where, true),
    conversation: str(input, 'conversation', MAX_KEY_LENGTH, where),
    customerAt,
    ...(customerLatest !== undefined ? { customerLatest } : {}),
    repliedAt,
    agent: str(input, 'agent', MAX_AGENT_LENGTH, where, true),
    responseSeconds,
    businessResponseSeconds,
    withinTarget: input.withinTarget,
    source: oneOf(input, 'source', SOURCES, where),
    precision: oneOf(input, 'precision', PRECISIONS, where),
  };
}

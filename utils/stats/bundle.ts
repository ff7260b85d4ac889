import { StatsInputError, validateResponseRecord } from './validate';
import type { ResponseRecord } from './types';

/**
 * The team bundle: every response of one browser, to merge into a manager's
 * browser. Versioned so a later format can still read this one.
 */
export const BUNDLE_FORMAT = 'inbox-pilot-stats';
export const BUNDLE_VERSION = 1;
/** A runtime message carries at most 64 MiB; ~250 bytes a response keeps a bundle well under it. */
export const MAX_BUNDLE_RESPONSES = 200_000;
/**
 * Checked on the file's size before it is read, so a huge file never reaches memory or a message:
 * MAX_BUNDLE_RESPONSES at ~250 bytes, plus room for pretty-printing.
 */
export const MAX_BUNDLE_BYTES = 60 * 1024 * 1024;
/** A bundle nests an object, its list, and flat records: anything deeper is not a bundle. */
const MAX_BUNDLE_DEPTH = 3;

export interface StatsBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  responses: ResponseRecord[];
}

export function makeBundle(responses: ResponseRecord[], now = Date.now()): StatsBundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: new Date(now).toISOString(), responses };
}

export function bundleFileName(now = Date.now()): string {
  return `inbox-pilot-stats-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Checks a whole bundle (parsed JSON or its text) before anything is written;
 * throws StatsInputError with the first problem. Each response keeps the
 * source the exporting browser stored (the merge prefers a browser's own
 * record to another's copy); importResponses() stores them as 'imported'.
 */
export function validateBundle(input: unknown, now = Date.now()): ResponseRecord[] {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_BUNDLE_BYTES) throw new StatsInputError(`This file is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB: not an Inbox Pilot stats bundle.`);
    // A file of `[[[[…` is checked before parsing, so it cannot exhaust the parser or what reads its result.
    if (nestingDepth(input) > MAX_BUNDLE_DEPTH) throw new StatsInputError('This file is nested deeper than a stats bundle: not an Inbox Pilot stats bundle.');
    try {
      data = JSON.parse(input);
    } catch {
      throw new StatsInputError('This file is not JSON.');
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StatsInputError('This file is not an Inbox Pilot stats bundle.');
  const raw = data as Record<string, unknown>;
  if (raw.format !== BUNDLE_FORMAT) throw new StatsInputError('This file is not an Inbox Pilot stats bundle.');
  if (raw.version !== BUNDLE_VERSION) throw new StatsInputError(`Unsupported bundle version ${JSON.stringify(raw.version)} (this version reads ${BUNDLE_VERSION}).`);
  if (!Array.isArray(raw.responses)) throw new StatsInputError('The bundle has no "responses" list.');
  if (raw.responses.length > MAX_BUNDLE_RESPONSES) throw new StatsInputError(`The bundle holds ${raw.responses.length} responses (at most ${MAX_BUNDLE_RESPONSES}).`);
  return raw.responses.map((r, i) => validateResponseRecord(r, `response ${i + 1}`, now));
}

/** How deep `[` and `{` nest in a JSON text, outside strings; stops counting as soon as it passes the limit. */
export function nestingDepth(text: string, stopAbove = MAX_BUNDLE_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

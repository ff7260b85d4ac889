import type { ResponseRecord, ResponseSource } from './types';

/**
 * Per-day, per-Page columns of every response field but the id, kept by the
 * background next to the responses table. Reading a week is then ~8 records
 * of typed arrays (a memory copy) instead of 25,000 objects to deserialize:
 * the popup opens at once and the detail CSV is quick on a busy week.
 * Days are UTC days; a reader trims them to its own week boundaries.
 * The responses table stays the source of truth: a day's columns are rebuilt
 * from it whenever a record may be replaced; only records added (never
 * replacing one: the team merge) are appended to them (appendColumns). The
 * order of a day's rows means nothing.
 */
export const DAY_MS = 86_400_000;
/** The `flags` bit of an approximate response. */
export const APPROXIMATE_FLAG = 2;

export interface DayColumns {
  day: number;
  pageId: string;
  /** Distinct agent labels of the day; `agent[i]` indexes into it. */
  agents: string[];
  agent: Uint16Array;
  conversation: string[];
  customerAt: Float64Array;
  /**
   * An approximate customer time's interval end (ResponseRecord.customerLatest), NaN when the record
   * has none. Absent from rows built before issue 16 stored it: read through latestColumn().
   */
  customerLatest?: Float64Array;
  repliedAt: Float64Array;
  responseSeconds: Float64Array;
  businessResponseSeconds: Float64Array;
  /** Bit 0 withinTarget, bit 1 approximate, bits 2-3 source (SOURCES index). */
  flags: Uint8Array;
  /**
   * Distinct origins of the day (issue 13): a team record pulled by a manager says which team user
   * and browser recorded it (`user\nbrowser`, see originOf); '' for this browser's own records.
   * `origin[i]` indexes into it. The team view reads them instead of every record of the week.
   */
  origins: string[];
  origin: Uint16Array;
}

/** A pulled team record's user and browser, as stored on it by the import (fromResponseDoc). */
export interface TeamOrigin {
  syncUser?: string;
  browser?: string;
}

export function originOf(r: TeamOrigin): string {
  return typeof r.syncUser === 'string' && typeof r.browser === 'string' ? `${r.syncUser}\n${r.browser}` : '';
}

/** Response `i`'s team user and browser, or {} for this browser's own. */
export function originAt(c: DayColumns, i: number): TeamOrigin {
  const o = c.origins[c.origin[i]!] ?? '';
  if (!o) return {};
  const cut = o.indexOf('\n');
  return { syncUser: o.slice(0, cut), browser: o.slice(cut + 1) };
}

const SOURCES: readonly ResponseSource[] = ['this-browser', 'observed', 'imported'];

export const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

interface Growing {
  day: number;
  pageId: string;
  agents: string[];
  agentIndex: Map<string, number>;
  agent: number[];
  conversation: string[];
  customerAt: number[];
  customerLatest: number[];
  repliedAt: number[];
  responseSeconds: number[];
  businessResponseSeconds: number[];
  flags: number[];
  origins: string[];
  originIndex: Map<string, number>;
  origin: number[];
}

function indexIn(list: string[], index: Map<string, number>, value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    i = list.length;
    list.push(value);
    index.set(value, i);
  }
  return i;
}

/** Builds columns from records fed one by one (a cursor over a whole table, in upgrades). */
export class DayColumnsBuilder {
  private groups = new Map<string, Growing>();

  add(r: Omit<ResponseRecord, 'id'> & TeamOrigin): void {
    const day = utcDay(r.repliedAt);
    const key = `${day}|${r.pageId}`;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        day,
        pageId: r.pageId,
        agents: [],
        agentIndex: new Map(),
        agent: [],
        conversation: [],
        customerAt: [],
        customerLatest: [],
        repliedAt: [],
        responseSeconds: [],
        businessResponseSeconds: [],
        flags: [],
        origins: [],
        originIndex: new Map(),
        origin: [],
      };
      this.groups.set(key, g);
    }
    g.agent.push(indexIn(g.agents, g.agentIndex, r.agent));
    g.origin.push(indexIn(g.origins, g.originIndex, originOf(r)));
    g.conversation.push(r.conversation);
    g.customerAt.push(r.customerAt);
    g.customerLatest.push(r.customerLatest ?? NaN);
    g.repliedAt.push(r.repliedAt);
    g.responseSeconds.push(r.responseSeconds);
    g.businessResponseSeconds.push(r.businessResponseSeconds);
    g.flags.push((r.withinTarget ? 1 : 0) | (r.precision === 'approximate' ? APPROXIMATE_FLAG : 0) | (Math.max(0, SOURCES.indexOf(r.source)) << 2));
  }

  finish(): DayColumns[] {
    const out = [...this.groups.values()].map(
      (g): DayColumns => ({
        day: g.day,
        pageId: g.pageId,
        agents: g.agents,
        agent: Uint16Array.from(g.agent),
        conversation: g.conversation,
        customerAt: Float64Array.from(g.customerAt),
        customerLatest: Float64Array.from(g.customerLatest),
        repliedAt: Float64Array.from(g.repliedAt),
        responseSeconds: Float64Array.from(g.responseSeconds),
        businessResponseSeconds: Float64Array.from(g.businessResponseSeconds),
        flags: Uint8Array.from(g.flags),
        origins: g.origins,
        origin: Uint16Array.from(g.origin),
      }),
    );
    return out.sort((a, b) => a.day - b.day || (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0));
  }
}

/** Columns for every (day, Page) present in `records`. */
export function buildDayColumns(records: ReadonlyArray<ResponseRecord & TeamOrigin>): DayColumns[] {
  const b = new DayColumnsBuilder();
  for (const r of records) b.add(r);
  return b.finish();
}

/**
 * `held` (the columns of one day and Page, or undefined) with `added` appended: the added
 * columns must be of the same day and Page. Equal, row for row, to building the columns of
 * held's rows followed by added's.
 */
export function appendColumns(held: DayColumns | undefined, added: DayColumns): DayColumns {
  if (!held) return added;
  if (held.day !== added.day || held.pageId !== added.pageId) throw new Error('appendColumns: not the same day and Page');
  const agents = [...held.agents];
  const agentIndex = new Map(agents.map((a, i) => [a, i]));
  const remap = added.agents.map((a) => indexIn(agents, agentIndex, a));
  const origins = [...held.origins];
  const originIndex = new Map(origins.map((o, i) => [o, i]));
  const remapOrigin = added.origins.map((o) => indexIn(origins, originIndex, o));
  const cat = <T extends Float64Array | Uint8Array | Uint16Array>(a: T, b: T, make: new (n: number) => T): T => {
    const out = new make(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    day: held.day,
    pageId: held.pageId,
    agents,
    agent: cat(held.agent, Uint16Array.from(added.agent, (a) => remap[a]!), Uint16Array),
    conversation: [...held.conversation, ...added.conversation],
    customerAt: cat(held.customerAt, added.customerAt, Float64Array),
    customerLatest: cat(latestColumn(held), latestColumn(added), Float64Array),
    repliedAt: cat(held.repliedAt, added.repliedAt, Float64Array),
    responseSeconds: cat(held.responseSeconds, added.responseSeconds, Float64Array),
    businessResponseSeconds: cat(held.businessResponseSeconds, added.businessResponseSeconds, Float64Array),
    flags: cat(held.flags, added.flags, Uint8Array),
    origins,
    origin: cat(held.origin, Uint16Array.from(added.origin, (o) => remapOrigin[o]!), Uint16Array),
  };
}

/** The interval ends of a day's rows: NaN (none) for every row of a row built before they were stored. */
export function latestColumn(c: DayColumns): Float64Array {
  return c.customerLatest ?? new Float64Array(c.customerAt.length).fill(NaN);
}

/** Response `i` of a day's columns as a record without its id. */
export function recordAt(c: DayColumns, i: number): Omit<ResponseRecord, 'id'> {
  const f = c.flags[i]!;
  const latest = c.customerLatest?.[i];
  return {
    pageId: c.pageId,
    conversation: c.conversation[i]!,
    customerAt: c.customerAt[i]!,
    ...(latest !== undefined && !Number.isNaN(latest) ? { customerLatest: latest } : {}),
    repliedAt: c.repliedAt[i]!,
    agent: c.agents[c.agent[i]!]!,
    responseSeconds: c.responseSeconds[i]!,
    businessResponseSeconds: c.businessResponseSeconds[i]!,
    withinTarget: (f & 1) === 1,
    source: SOURCES[(f >> 2) & 3] ?? 'observed',
    precision: f & APPROXIMATE_FLAG ? 'approximate' : 'exact',
  };
}

/** The responses in [start, end) of the given Page (null = all), as records without ids (CSV export). */
export function columnsToRecords(columns: readonly DayColumns[], start: number, end: number, pageId: string | null): Array<Omit<ResponseRecord, 'id'>> {
  const out: Array<Omit<ResponseRecord, 'id'>> = [];
  for (const c of columns) {
    if (pageId !== null && c.pageId !== pageId) continue;
    for (let i = 0; i < c.repliedAt.length; i++) {
      const t = c.repliedAt[i]!;
      if (t >= start && t < end) out.push(recordAt(c, i));
    }
  }
  return out;
}

/**
 * Day columns as they cross runtime messaging (JSON): typed arrays become plain arrays. The worker
 * owns the database (issue 12): the popup asks it for a week (`stats:week`) and rebuilds the columns.
 */
export type WireDayColumns = Omit<Growing, 'agentIndex' | 'originIndex'>;

export function columnsToWire(columns: readonly DayColumns[]): WireDayColumns[] {
  return columns.map((c) => ({
    day: c.day,
    pageId: c.pageId,
    agents: c.agents,
    agent: Array.from(c.agent),
    conversation: c.conversation,
    customerAt: Array.from(c.customerAt),
    // JSON has no NaN: "none" crosses as null.
    customerLatest: Array.from(latestColumn(c), (v) => (Number.isNaN(v) ? null : v)) as number[],
    repliedAt: Array.from(c.repliedAt),
    responseSeconds: Array.from(c.responseSeconds),
    businessResponseSeconds: Array.from(c.businessResponseSeconds),
    flags: Array.from(c.flags),
    origins: c.origins,
    origin: Array.from(c.origin),
  }));
}

export function columnsFromWire(wire: readonly WireDayColumns[]): DayColumns[] {
  return wire.map((w) => ({
    day: w.day,
    pageId: w.pageId,
    agents: w.agents,
    agent: Uint16Array.from(w.agent),
    conversation: w.conversation,
    customerAt: Float64Array.from(w.customerAt),
    customerLatest: Float64Array.from(w.customerLatest ?? w.customerAt.map(() => null), (v: number | null) => v ?? NaN),
    repliedAt: Float64Array.from(w.repliedAt),
    responseSeconds: Float64Array.from(w.responseSeconds),
    businessResponseSeconds: Float64Array.from(w.businessResponseSeconds),
    flags: Uint8Array.from(w.flags),
    origins: w.origins,
    origin: Uint16Array.from(w.origin),
  }));
}

import type { ResponseRecord } from './types';

/**
 * Per-day, per-Page columns of the figures the popup needs (agent, reply
 * time, both durations), kept by the background next to the responses.
 * Reading a week is then ~14 records of typed arrays (a memory copy) instead
 * of 25,000 objects to deserialize: the popup opens at once on a busy week.
 * Days are UTC days; a reader trims them to its own week boundaries.
 * The responses table stays the source of truth: a day's columns are always
 * rebuilt from it, never patched.
 */
export const DAY_MS = 86_400_000;

export interface DayColumns {
  day: number;
  pageId: string;
  /** Distinct agent labels of the day; `agent[i]` indexes into it. */
  agents: string[];
  agent: Uint16Array;
  repliedAt: Float64Array;
  responseSeconds: Float64Array;
  businessResponseSeconds: Float64Array;
}

export const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

interface Growing {
  day: number;
  pageId: string;
  agents: string[];
  agentIndex: Map<string, number>;
  agent: number[];
  repliedAt: number[];
  responseSeconds: number[];
  businessResponseSeconds: number[];
}

/** Builds columns from records fed one by one (a cursor over a whole table, in upgrades). */
export class DayColumnsBuilder {
  private groups = new Map<string, Growing>();

  add(r: Pick<ResponseRecord, 'repliedAt' | 'pageId' | 'agent' | 'responseSeconds' | 'businessResponseSeconds'>): void {
    const day = utcDay(r.repliedAt);
    const key = `${day}|${r.pageId}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { day, pageId: r.pageId, agents: [], agentIndex: new Map(), agent: [], repliedAt: [], responseSeconds: [], businessResponseSeconds: [] };
      this.groups.set(key, g);
    }
    let a = g.agentIndex.get(r.agent);
    if (a === undefined) {
      a = g.agents.length;
      g.agents.push(r.agent);
      g.agentIndex.set(r.agent, a);
    }
    g.agent.push(a);
    g.repliedAt.push(r.repliedAt);
    g.responseSeconds.push(r.responseSeconds);
    g.businessResponseSeconds.push(r.businessResponseSeconds);
  }

  finish(): DayColumns[] {
    const out = [...this.groups.values()].map(
      (g): DayColumns => ({
        day: g.day,
        pageId: g.pageId,
        agents: g.agents,
        agent: Uint16Array.from(g.agent),
        repliedAt: Float64Array.from(g.repliedAt),
        responseSeconds: Float64Array.from(g.responseSeconds),
        businessResponseSeconds: Float64Array.from(g.businessResponseSeconds),
      }),
    );
    return out.sort((a, b) => a.day - b.day || (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0));
  }
}

/** Columns for every (day, Page) present in `records`. */
export function buildDayColumns(records: readonly ResponseRecord[]): DayColumns[] {
  const b = new DayColumnsBuilder();
  for (const r of records) b.add(r);
  return b.finish();
}

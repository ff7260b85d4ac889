import { APPROXIMATE_FLAG, buildDayColumns, recordAt, type DayColumns } from './columns';
import { describe, type SummaryRow } from './summary';
import { weekDayStarts, type IsoWeek } from './week';
import type { ResponseRecord } from './types';

/**
 * Everything the popup shows for one week, in one pass over the week's day
 * columns: the Pages present, the per-agent summary of the chosen Page (the
 * same figures as summarizeWeek), responses per local day (within / over
 * target) and the slowest responses.
 */
export interface WeekAnalysisOptions {
  week: IsoWeek;
  targetSeconds: number;
  useBusinessTime: boolean;
  /** Only this Page ('' = unknown Page); null = all Pages. */
  pageId: string | null;
  timeZone?: string;
  slowest?: number;
}

export interface DayBar {
  start: number;
  within: number;
  over: number;
}

/** A slow response (all its fields but the id) and its time on the chosen basis. */
export type SlowResponse = Omit<ResponseRecord, 'id'> & { seconds: number };

export interface WeekAnalysis {
  pages: string[];
  rows: SummaryRow[];
  days: DayBar[];
  slowest: SlowResponse[];
}

export function analyzeColumns(columns: readonly DayColumns[], options: WeekAnalysisOptions): WeekAnalysis {
  const starts = weekDayStarts(options.week, options.timeZone);
  const start = starts[0]!;
  const end = starts[7]!;
  const days: DayBar[] = starts.slice(0, 7).map((s) => ({ start: s, within: 0, over: 0 }));
  const pages = new Set<string>();
  const target = options.targetSeconds;
  const keep = options.slowest ?? 5;
  const slowest: SlowResponse[] = [];
  const counts = new Map<string, number>();
  const chosen = columns.filter((c) => {
    for (let i = 0; i < c.repliedAt.length; i++) {
      const t = c.repliedAt[i]!;
      if (t >= start && t < end) {
        pages.add(c.pageId);
        break;
      }
    }
    return options.pageId === null || c.pageId === options.pageId;
  });

  // Pass 1: counts per agent, day bars, slowest.
  let total = 0;
  for (const c of chosen) {
    const times = options.useBusinessTime ? c.businessResponseSeconds : c.responseSeconds;
    const perAgent = new Uint32Array(c.agents.length);
    for (let i = 0; i < times.length; i++) {
      const at = c.repliedAt[i]!;
      if (at < start || at >= end) continue;
      perAgent[c.agent[i]!]!++;
      total++;
      let d = 6;
      while (d > 0 && at < starts[d]!) d--;
      const v = times[i]!;
      if (v <= target) days[d]!.within++;
      else days[d]!.over++;
      if (slowest.length < keep || v > slowest[slowest.length - 1]!.seconds) {
        let k = slowest.length;
        while (k > 0 && slowest[k - 1]!.seconds < v) k--;
        slowest.splice(k, 0, { ...recordAt(c, i), seconds: v });
        if (slowest.length > keep) slowest.pop();
      }
    }
    c.agents.forEach((a, i) => perAgent[i] && counts.set(a, (counts.get(a) ?? 0) + perAgent[i]!));
  }

  // Pass 2: fill one flat array per agent, then describe each.
  const groups = new Map<string, { times: Float64Array; fill: number; approximate: number }>();
  for (const [a, n] of counts) groups.set(a, { times: new Float64Array(n), fill: 0, approximate: 0 });
  const all = new Float64Array(total);
  let fill = 0;
  let approximate = 0;
  for (const c of chosen) {
    const times = options.useBusinessTime ? c.businessResponseSeconds : c.responseSeconds;
    const byIndex = c.agents.map((a) => groups.get(a));
    for (let i = 0; i < times.length; i++) {
      const at = c.repliedAt[i]!;
      if (at < start || at >= end) continue;
      const g = byIndex[c.agent[i]!]!;
      g.times[g.fill++] = times[i]!;
      all[fill++] = times[i]!;
      if (c.flags[i]! & APPROXIMATE_FLAG) {
        g.approximate++;
        approximate++;
      }
    }
  }
  const rows: SummaryRow[] = [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((agent) => ({ agent, ...describe(groups.get(agent)!.times, target, groups.get(agent)!.approximate) }));
  rows.push({ agent: null, ...describe(all, target, approximate) });
  return { pages: [...pages].sort(), rows, days, slowest };
}

/** The same analysis straight from records (tests, and a reference for the columns). */
export function analyzeWeek(records: readonly ResponseRecord[], options: WeekAnalysisOptions): WeekAnalysis {
  return analyzeColumns(buildDayColumns(records), options);
}

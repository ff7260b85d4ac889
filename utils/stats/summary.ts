/**
 * Weekly figures, pure. Definitions (also shown in the popup's help):
 * - response time: business seconds when `useBusinessTime`, wall seconds otherwise;
 * - median: the middle value, the mean of the two middle values for an even count;
 * - p90: nearest rank — the smallest value with at least 90% of values at or below it
 *   (sorted ascending, the value at 1-based rank ceil(0.9 × n));
 * - average: arithmetic mean;
 * - withinTargetPct: 100 × (responses with time <= targetSeconds) / responses.
 * Figures are not rounded here (CSV and UI round for display).
 */

export interface ResponseLike {
  /** '' (or null) for an unknown agent. */
  agent: string | null;
  responseSeconds: number;
  businessResponseSeconds: number;
  /** Missing reads as exact. */
  precision?: 'exact' | 'approximate';
}

export interface SummaryOptions {
  /** Default 300 (5 minutes). */
  targetSeconds?: number;
  /** Default false (wall time). */
  useBusinessTime?: boolean;
}

export interface SummaryRow {
  /** Agent label; '' = unknown agent; null = the page total. */
  agent: string | null;
  responses: number;
  /** null only when `responses` is 0 (the total of an empty week). */
  medianSeconds: number | null;
  p90Seconds: number | null;
  averageSeconds: number | null;
  withinTargetPct: number | null;
  /** How many of `responses` have an approximate time (a coarse list label at one end): the figures' precision. */
  approximate: number;
}

export const DEFAULT_TARGET_SECONDS = 300;

export function responseTime(r: ResponseLike, useBusinessTime = false): number {
  return useBusinessTime ? r.businessResponseSeconds : r.responseSeconds;
}

/** Figures of one group of response times (the array is sorted in place). */
export function describe(times: Float64Array, targetSeconds: number, approximate = 0): Omit<SummaryRow, 'agent'> {
  const n = times.length;
  if (n === 0) return { responses: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null, withinTargetPct: null, approximate: 0 };
  times.sort();
  let sum = 0;
  let within = 0;
  for (let i = 0; i < n; i++) {
    const v = times[i]!;
    sum += v;
    if (v <= targetSeconds) within++;
  }
  const mid = n >> 1;
  const median = n % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  const p90 = times[Math.ceil(0.9 * n) - 1]!;
  return { responses: n, medianSeconds: median, p90Seconds: p90, averageSeconds: sum / n, withinTargetPct: (100 * within) / n, approximate };
}

/**
 * One row per agent (sorted by name, unknown agent '' first) then the page
 * total (`agent: null`, always last, present even for an empty week).
 */
export function summarizeWeek(responses: readonly ResponseLike[], options: SummaryOptions = {}): SummaryRow[] {
  const target = Number.isFinite(options.targetSeconds) ? (options.targetSeconds as number) : DEFAULT_TARGET_SECONDS;
  const business = options.useBusinessTime === true;
  // Two passes over flat arrays rather than per-agent JS arrays: fast on 25,000 rows.
  const counts = new Map<string, number>();
  for (const r of responses) {
    const agent = r.agent ?? '';
    counts.set(agent, (counts.get(agent) ?? 0) + 1);
  }
  const groups = new Map<string, { times: Float64Array; fill: number; approximate: number }>();
  for (const [agent, count] of counts) groups.set(agent, { times: new Float64Array(count), fill: 0, approximate: 0 });
  const all = new Float64Array(responses.length);
  let i = 0;
  let approximate = 0;
  for (const r of responses) {
    const t = business ? r.businessResponseSeconds : r.responseSeconds;
    const g = groups.get(r.agent ?? '')!;
    g.times[g.fill++] = t;
    all[i++] = t;
    if (r.precision === 'approximate') {
      g.approximate++;
      approximate++;
    }
  }
  const rows: SummaryRow[] = [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((agent) => ({ agent, ...describe(groups.get(agent)!.times, target, groups.get(agent)!.approximate) }));
  rows.push({ agent: null, ...describe(all, target, approximate) });
  return rows;
}

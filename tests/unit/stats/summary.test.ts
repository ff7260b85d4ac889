import { describe, expect, it } from 'vitest';
import { summarizeWeek, type ResponseLike } from '../../../utils/stats/summary';

const r = (agent: string | null, responseSeconds: number, businessResponseSeconds = responseSeconds): ResponseLike => ({
  agent,
  responseSeconds,
  businessResponseSeconds,
});

describe('summarizeWeek', () => {
  it('computes median, nearest-rank p90, average and share within target by hand', () => {
    // Marie: 10 values 30..300 step 30 => median (150+180)/2 = 165, p90 rank ceil(9) = 9th = 270,
    // average 165, within 300 s: all 10 => 100%.
    const marie = Array.from({ length: 10 }, (_, i) => r('Marie', 30 * (i + 1)));
    // Paul: 60, 400, 900 => median 400, p90 rank ceil(2.7)=3 => 900, avg 453.33, within: 1/3.
    const paul = [r('Paul', 900), r('Paul', 60), r('Paul', 400)];
    const rows = summarizeWeek([...paul, ...marie], { targetSeconds: 300, useBusinessTime: false });
    expect(rows.map((x) => x.agent)).toEqual(['Marie', 'Paul', null]);
    expect(rows[0]).toEqual({ agent: 'Marie', responses: 10, medianSeconds: 165, p90Seconds: 270, averageSeconds: 165, withinTargetPct: 100, approximate: 0 });
    expect(rows[1]!.medianSeconds).toBe(400);
    expect(rows[1]!.p90Seconds).toBe(900);
    expect(rows[1]!.averageSeconds).toBeCloseTo(453.333, 2);
    expect(rows[1]!.withinTargetPct).toBeCloseTo(33.333, 2);
    // Total: 13 values sorted 30,60,90,...; median = 7th value = 180; p90 rank ceil(11.7)=12 => 400.
    const total = rows[2]!;
    expect(total.responses).toBe(13);
    expect(total.medianSeconds).toBe(180);
    expect(total.p90Seconds).toBe(400);
    expect(total.averageSeconds).toBeCloseTo((1650 + 1360) / 13, 6);
    expect(total.withinTargetPct).toBeCloseTo((11 / 13) * 100, 6);
  });

  it('counts a time equal to the target as within it', () => {
    const [row] = summarizeWeek([r('A', 300), r('A', 301)], { targetSeconds: 300 });
    expect(row!.withinTargetPct).toBe(50);
  });

  it('p90 of 10 values is the 9th; of 11 values the 10th; of 1 the only one', () => {
    const ten = summarizeWeek(Array.from({ length: 10 }, (_, i) => r('A', i + 1)));
    expect(ten[0]!.p90Seconds).toBe(9);
    const eleven = summarizeWeek(Array.from({ length: 11 }, (_, i) => r('A', i + 1)));
    expect(eleven[0]!.p90Seconds).toBe(10);
    expect(eleven[0]!.medianSeconds).toBe(6);
    const one = summarizeWeek([r('A', 42)]);
    expect(one[0]).toMatchObject({ medianSeconds: 42, p90Seconds: 42, averageSeconds: 42 });
  });

  it('uses business time when asked', () => {
    const rows = summarizeWeek([r('A', 4000, 100), r('A', 50, 50)], { targetSeconds: 300, useBusinessTime: true });
    expect(rows[0]).toMatchObject({ medianSeconds: 75, withinTargetPct: 100 });
    const wall = summarizeWeek([r('A', 4000, 100), r('A', 50, 50)], { targetSeconds: 300, useBusinessTime: false });
    expect(wall[0]).toMatchObject({ medianSeconds: 2025, withinTargetPct: 50 });
  });

  it('keeps an unknown agent apart from the total and defaults options', () => {
    const rows = summarizeWeek([r('', 10), r(null, 20), r('Zoé', 400)]);
    expect(rows.map((x) => x.agent)).toEqual(['', 'Zoé', null]);
    expect(rows[0]!.responses).toBe(2);
    expect(rows[2]!.withinTargetPct).toBeCloseTo(66.667, 2); // default target 300 s
  });

  it('an empty week has just the total, with no figures', () => {
    expect(summarizeWeek([], { targetSeconds: 300, useBusinessTime: false })).toEqual([
      { agent: null, responses: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null, withinTargetPct: null, approximate: 0 },
    ]);
  });
});

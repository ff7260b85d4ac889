import { describe, expect, it } from 'vitest';
import { libraryCache, runInSlices, runToEnd } from '../../../utils/replies/slices';
import { prepareRanking, rankSavedReplies } from '../../../utils/replies/rank';
import { prepareSearch, searchLibrary } from '../../../utils/replies/search';
import { LIBRARY } from './library.fixture';

function* counting(n: number, log: string[]): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('work in slices', () => {
  it('gives the event loop back between slices, with the same result as running at once', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('other message'), 0);
    expect(await runInSlices(counting(5, log), 0)).toBe(5);
    expect(log.indexOf('other message')).toBeGreaterThan(0);
    expect(log.indexOf('other message')).toBeLessThan(log.length - 1);
    expect(runToEnd(counting(3, []))).toBe(3);
  });

  it('builds a library once for concurrent callers, and again for a new array', async () => {
    let builds = 0;
    const cache = libraryCache<number[], number>(function* (l) {
      builds++;
      yield;
      return l.length;
    }, () => true);
    const lib = [1, 2, 3];
    await Promise.all([cache.prepare(lib, 0), cache.prepare(lib, 0)]);
    expect(builds).toBe(1);
    expect(cache.get(lib)).toBe(3);
    expect(builds).toBe(1);
    expect(cache.get([1])).toBe(1);
    expect(builds).toBe(2);
  });

  it('ranks and searches a prepared library exactly as one built at once', async () => {
    const prepared = LIBRARY.map((r) => ({ ...r }));
    const atOnce = LIBRARY.map((r) => ({ ...r }));
    await prepareRanking(prepared);
    await prepareSearch(prepared);
    for (const q of ['Mon colis n’est pas arrivé', 'horaires dimanche', 'refund please', 'livr', '/re']) {
      expect(rankSavedReplies(q, prepared).map((r) => [r.reply.id, r.score])).toEqual(rankSavedReplies(q, atOnce).map((r) => [r.reply.id, r.score]));
      expect(searchLibrary(q, prepared).map((r) => r.id)).toEqual(searchLibrary(q, atOnce).map((r) => r.id));
    }
  });
});

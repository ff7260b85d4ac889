// Which step of a library's index build blocks longest (helper for scripts/bench/replies.ts; not a bench).
//   npx vite-node -c vitest.config.ts scripts/bench/lib/slices-probe.ts
import { prepareRanking } from '../../../utils/replies/rank';
import { prepareSearch } from '../../../utils/replies/search';

process.env.BENCH_FILE ??= 'slices-probe'; // import the bench's library maker without running the bench
const { makeLibrary } = await import('../replies');
const library = makeLibrary(5000, 77);
for (const [name, prepare] of [['ranking', prepareRanking], ['search', prepareSearch]] as const) {
  const gaps: number[] = [];
  let last = performance.now();
  let running = true;
  const probe = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (running) setTimeout(probe, 0);
  };
  setTimeout(probe, 0);
  const t = performance.now();
  await prepare(library);
  running = false;
  const sorted = [...gaps].sort((a, b) => b - a);
  console.log(`${name}: ${(performance.now() - t).toFixed(0)} ms in all, ${gaps.length} slices, longest ${sorted.slice(0, 5).map((g) => g.toFixed(1)).join(', ')} ms; at ${gaps.map((g, i) => (g > 30 ? i : -1)).filter((i) => i >= 0).join(',')}`);
}

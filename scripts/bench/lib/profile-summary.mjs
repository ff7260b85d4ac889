// Shares of self time by function in a .cpuprofile (CDP Profiler), e.g. those of profile-inbox.mjs, and the
// inclusive share of each function (time with it on the stack). DOM calls (querySelectorAll, closest…) are named
// with their caller ("querySelectorAll < matchAlternative"), so a share says which code path pays for them.
// Idle and (program) samples are left out of the total: the shares are of the time the page's main thread ran.
//   node scripts/bench/lib/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFile } from 'node:fs/promises';

const DEPTH = Number(process.env.PROFILE_DEPTH ?? 1);
// PROFILE_FOCUS=fn: only the samples with fn on the stack.
const FOCUS = process.env.PROFILE_FOCUS;
const SKIP = new Set(['(idle)', '(program)', '(root)']);
const DOM = /^(querySelectorAll|querySelector|closest|matches|getComputedStyle|getBoundingClientRect|get [a-zA-Z]+|getAttribute|contains|hasAttribute|textContent)$/;

export function selfShares(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (SKIP.has(name(node))) continue;
    if (FOCUS) {
      let n = node;
      while (n && name(n) !== FOCUS) n = parent.get(n.id);
      if (!n) continue;
    }
    let key = name(node);
    if (DOM.test(key) || key === '(garbage collector)') {
      // Up to DEPTH callers (PROFILE_DEPTH, default 1).
      let p = parent.get(node.id);
      for (let d = 0; d < DEPTH && p && !SKIP.has(name(p)); d++, p = parent.get(p.id)) key = `${key} < ${name(p)}`;
    }
    self.set(key, (self.get(key) ?? 0) + dt);
    const onStack = new Set();
    for (let n = node; n && !SKIP.has(name(n)); n = parent.get(n.id)) onStack.add(name(n));
    for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
    total += dt;
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([fn, us]) => ({ fn, ms: us / 1000, share: us / total }));
  return { total, self: sorted(self), inclusive: sorted(inclusive) };
}

if (process.argv[1]?.endsWith('profile-summary.mjs')) {
  const profile = JSON.parse(await readFile(process.argv[2], 'utf8'));
  const top = Number(process.argv[3] ?? 25);
  const { total, self, inclusive } = selfShares(profile);
  const line = (r) => `${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(1).padStart(7)} ms  ${r.fn}`;
  console.log(`busy ${(total / 1000).toFixed(1)} ms\n-- self time`);
  for (const r of self.slice(0, top)) console.log(line(r));
  console.log('-- inclusive');
  for (const r of inclusive.slice(0, top)) console.log(line(r));
}

// What grows in the memory bench's replay (helper, not a bench): heap snapshots (CDP HeapProfiler) of the
// page at "1 min" and "30 min" of memory.mjs's traffic, WITH and WITHOUT the extension, counted by
// constructor; prints the constructors whose growth with the extension exceeds the growth without it,
// and the DOM counters (event listeners) after each slot group.
//   node scripts/bench/lib/heap-diff.mjs [slots=120] [shapes] [retainers]
// shapes: only the isolated world's objects by shape, no snapshots; retainers: paths from a few detached
// page elements (Meta-style classes) to a GC root in the last with-extension snapshot.
import { launchPair, openBenchInbox, waitForSidebar } from './chromium.mjs';
import { PAGE, SLOTS_PER_MINUTE, slot } from '../memory.mjs';

const SLOTS = Number(process.argv[2] ?? 120);
const SHAPES_ONLY = process.argv.includes('shapes');

let lastSnapshot = null;

/**
 * Retainer paths (strong edges, shortest first) from a few detached DOM elements of the page back to a
 * GC root: who keeps the page's removed nodes alive.
 */
function retainerPaths(snap, pick, max = 3) {
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const nTypes = snap.snapshot.meta.node_types[0];
  const eTypes = snap.snapshot.meta.edge_types[0];
  const W = nf.length;
  const EW = ef.length;
  const N = snap.nodes.length / W;
  const iEdgeCount = nf.indexOf('edge_count');
  const iDet = nf.indexOf('detachedness');
  const label = (n) => `${nTypes[snap.nodes[n * W + nf.indexOf('type')]]}:${String(snap.strings[snap.nodes[n * W + nf.indexOf('name')]]).slice(0, 70)}`;
  const retainers = Array.from({ length: N }, () => []);
  let e = 0;
  for (let n = 0; n < N; n++) {
    const count = snap.nodes[n * W + iEdgeCount];
    for (let k = 0; k < count; k++, e += EW) {
      const type = eTypes[snap.edges[e + ef.indexOf('type')]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = snap.edges[e + ef.indexOf('to_node')] / W;
      const nameOrIndex = snap.edges[e + ef.indexOf('name_or_index')];
      const name = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : String(snap.strings[nameOrIndex]);
      retainers[to].push({ from: n, name, type });
    }
  }
  const targets = [];
  for (let n = 0; n < N && targets.length < max; n++) if (snap.nodes[n * W + iDet] === 2 && pick(label(n))) targets.push(n);
  for (const t of targets) {
    // BFS backwards to node 0 (the snapshot's root).
    const prev = new Map([[t, null]]);
    const queue = [t];
    let found = null;
    while (queue.length && found === null) {
      const n = queue.shift();
      for (const r of retainers[n]) {
        if (prev.has(r.from)) continue;
        prev.set(r.from, { to: n, edge: r });
        if (r.from === 0) {
          found = r.from;
          break;
        }
        queue.push(r.from);
      }
    }
    const path = [];
    for (let n = found; n !== null && n !== t; ) {
      const p = prev.get(n);
      path.push(`${label(n)} --${p.edge.type}:${p.edge.name}-->`);
      n = p.to;
    }
    console.log(`retainers of ${label(t)}:\n  ${path.slice(-14).join('\n  ')}\n  ${label(t)}`);
  }
}

/** Counts of live nodes in a heap snapshot, by `type:name` (strings and numbers by type only). */
async function snapshotCounts(cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  lastSnapshot = snap;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const iDetached = fields.indexOf('detachedness'); // 0 unknown, 1 attached, 2 detached
  const named = new Set(['object', 'closure', 'native', 'regexp', 'hidden', 'array', 'object shape']);
  const counts = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const name = String(snap.strings[snap.nodes[i + iName]]);
    // DOM elements by tag and first class (Meta's or the sidebar's), attached or detached.
    const element = type === 'native' && /^<[a-z]/.test(name) ? `element ${name.match(/^<([a-z0-9-]+)/)[1]} .${name.match(/class="([^" ]+)/)?.[1] ?? ''}${iDetached >= 0 && snap.nodes[i + iDetached] === 2 ? ' (detached)' : ''}` : null;
    const key = element ?? (named.has(type) ? `${type}:${name.slice(0, 80)}` : type);
    const c = counts.get(key) ?? { n: 0, bytes: 0 };
    c.n++;
    c.bytes += snap.nodes[i + iSize];
    counts.set(key, c);
  }
  return counts;
}

/** Live objects of the content script's isolated world, by prototype and shape (object keys, array length, function name). */
async function isolatedShapes(cdp, contextId) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const out = new Map();
  for (const proto of ['Object', 'Array', 'Function', 'Map', 'Set']) {
    const objectGroup = 'inbox-pilot-heap-diff'; // released below: see memory.mjs's sample()
    const { result } = await cdp.send('Runtime.evaluate', { expression: `${proto}.prototype`, contextId, objectGroup });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup });
    const { result: h } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: `function (proto) {
        const h = Object.create(null);
        for (const o of this) {
          let k;
          try {
            k = proto === 'Function' ? o.name || '(anonymous)'
              : proto === 'Array' ? 'length ' + Math.min(o.length, 10) + ' of ' + typeof o[0] + (o[0] && typeof o[0] === 'object' ? ' {' + Object.keys(o[0]).slice(0, 4).join(',') + '}' : '')
              : proto === 'Map' || proto === 'Set' ? 'size ' + Math.min(o.size, 10)
              : '{' + Object.keys(o).slice(0, 6).join(',') + '}';
          } catch { k = '?'; }
          h[k] = (h[k] || 0) + 1;
        }
        return h;
      }`,
      arguments: [{ value: proto }],
      returnByValue: true,
      objectGroup,
    });
    for (const [k, n] of Object.entries(h.value)) out.set(`${proto} ${k}`, n);
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  }
  return out;
}

const pair = await launchPair();
try {
  const sides = {};
  for (const name of ['without', 'with']) {
    const page = await openBenchInbox(pair[name], PAGE);
    if (name === 'with') await waitForSidebar(page);
    const cdp = await pair[name].context.newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && String(c.origin).startsWith('chrome-extension://'));
    sides[name] = { page, cdp, isolatedId: isolated?.id ?? null };
  }
  const both = (fn) => Promise.all(['without', 'with'].map((name) => fn(sides[name])));
  await both((s) =>
    s.page.evaluate(() => {
      for (const c of window.__sim.list()) if (c.lastFrom === 'customer') window.__sim.agentReply(c.id, 'Answered earlier.', 'Paul Girard');
    }),
  );
  await sides.with.page.waitForTimeout(2000);
  const ids = (await sides.without.page.evaluate(() => window.__sim.list().map((c) => c.id))).slice(0, 10);
  const counters = async () => Object.fromEntries(await Promise.all(['without', 'with'].map(async (n) => [n, (await sides[n].cdp.send('Memory.getDOMCounters')).jsEventListeners])));
  for (let n = 0; n < SLOTS_PER_MINUTE; n++) await both((s) => slot(s.page, n, ids));
  await sides.with.page.waitForTimeout(2000);
  const first = {};
  const shapes1 = await isolatedShapes(sides.with.cdp, sides.with.isolatedId);
  for (const name of ['without', 'with']) first[name] = SHAPES_ONLY ? new Map() : await snapshotCounts(sides[name].cdp);
  console.log(`listeners after ${SLOTS_PER_MINUTE} slots: ${JSON.stringify(await counters())}`);
  for (let n = SLOTS_PER_MINUTE; n < SLOTS; n++) {
    await both((s) => slot(s.page, n, ids));
    if (n % 20 === 19) console.log(`listeners after ${n + 1} slots: ${JSON.stringify(await counters())}`);
  }
  await sides.with.page.waitForTimeout(2000);
  const last = {};
  const shapes30 = await isolatedShapes(sides.with.cdp, sides.with.isolatedId);
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`isolated-world objects: ${sum(shapes1)} -> ${sum(shapes30)}; growth by shape (largest first):`);
  const shapeKeys = new Set([...shapes1.keys(), ...shapes30.keys()]);
  for (const [k, d] of [...shapeKeys].map((k) => [k, (shapes30.get(k) ?? 0) - (shapes1.get(k) ?? 0)]).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${String(d).padStart(6)} (${shapes1.get(k) ?? 0} -> ${shapes30.get(k) ?? 0})  ${k}`);
  for (const name of ['without', 'with']) last[name] = SHAPES_ONLY ? new Map() : await snapshotCounts(sides[name].cdp);
  if (lastSnapshot && process.argv.includes('retainers')) retainerPaths(lastSnapshot, (l) => /^native:<(div|span|a) class="x/.test(l));
  const growth = (name, key) => (last[name].get(key)?.n ?? 0) - (first[name].get(key)?.n ?? 0);
  const keys = new Set([...first.with.keys(), ...last.with.keys(), ...first.without.keys(), ...last.without.keys()]);
  const rows = [...keys].map((k) => ({ k, with: growth('with', k), without: growth('without', k) })).map((r) => ({ ...r, extra: r.with - r.without }));
  const total = (name, m) => [...m[name].values()].reduce((a, c) => a + c.n, 0);
  console.log(`nodes: with ${total('with', first)} -> ${total('with', last)}, without ${total('without', first)} -> ${total('without', last)}`);
  console.log('growth with minus growth without, by constructor (largest first):');
  for (const r of rows.sort((a, b) => b.extra - a.extra).slice(0, 40)) console.log(`${String(r.extra).padStart(7)} (with ${r.with}, without ${r.without})  ${r.k}`);
} finally {
  await Promise.allSettled([pair.with.close(), pair.without.close()]);
}

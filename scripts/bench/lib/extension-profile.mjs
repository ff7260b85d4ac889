// The extension's own main-thread time in a CDP CPU profile (issue 14): a sample is the extension's when a
// frame of a chrome-extension:// script is on its stack, so its time counts the extension's code and what
// that code calls (DOM reads, forced style and layout), microtasks and observer callbacks included (the
// trace's FunctionCall events miss promise continuations). A page without the extension scores exactly 0:
// this figure has no with-minus-without noise. Sample time is wall time between samples, so a loaded machine
// inflates it (never deflates it). Not counted: garbage collection and the page's rendering after the
// extension changed its own UI (reported apart: GC as `gcMs`).
// With a source-map build (`IP_SOURCEMAP=1 npx wxt build`, loaded with E2E_EXTENSION_DIR=.output-sourcemap/chrome-mv3),
// entry points are named by their source file and line.
//   node scripts/bench/lib/extension-profile.mjs <file.cpuprofile> [top=15] [extension dir with .map files]
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

const EXT = /^chrome-extension:\/\/[^/]+\/(.*)$/;
const SKIP = new Set(['(idle)', '(program)', '(root)']);

/** Starts CDP's sampling profiler on a page (interval in µs). */
export async function startProfiler(cdp, intervalUs = 200) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfiler(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile;
}

const maps = new Map();
/** `file:line:col` of the build, as its source (`src/file.ts:line name`) when `dir` holds the file's source map. */
function sourceOf(dir, file, line, column) {
  if (!dir) return null;
  if (!maps.has(file)) {
    const map = path.join(dir, `${file}.map`);
    maps.set(file, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
  }
  const p = maps.get(file)?.originalPositionFor({ line, column: column - 1 });
  return p?.source ? `${p.source.replace(/^(\.\.\/)+/, '')}:${p.line}${p.name ? ` ${p.name}` : ''}` : null;
}

/** A profile's nodes by id, and each node's parent (by the child's id). */
function indexNodes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  return { byId, parent };
}

/** The extension file a profile node's code is in (`content-scripts/inbox.js`), or null for anyone else's. */
const file = (n) => EXT.exec(n.callFrame.url ?? '')?.[1]?.replace(/\?.*$/, '') ?? null;

/**
 * The extension's share of a profile: ms with extension code on the stack, by script file and by the
 * outermost extension function (the entry point: a callback, timer, observer or continuation), and when
 * each entry ran (ms from the profile's start, so a waker shows as a series); `extensionBeforeMs`: the part
 * sampled before `beforeMs` into the profile.
 */
export function extensionTime(profile, mapDir = process.env.PROFILE_SOURCEMAP_DIR, beforeMs = Infinity) {
  const { byId, parent } = indexNodes(profile);
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  let busyUs = 0;
  let extUs = 0;
  let extBeforeUs = 0;
  let gcUs = 0;
  const byFile = new Map();
  const byEntry = new Map();
  const bursts = [];
  let t = 0;
  let lastExt = -Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    t += profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (!node || SKIP.has(name(node))) continue;
    busyUs += dt;
    if (name(node) === '(garbage collector)') gcUs += dt;
    // Innermost extension frame (its file) and outermost one (the entry point).
    let inner = null;
    let outer = null;
    for (let n = node; n; n = parent.get(n.id)) {
      if (file(n) === null) continue;
      inner ??= n;
      outer = n;
    }
    if (!outer) continue;
    extUs += dt;
    if (t / 1000 < beforeMs) extBeforeUs += dt;
    byFile.set(file(inner), (byFile.get(file(inner)) ?? 0) + dt);
    const at = [file(outer), outer.callFrame.lineNumber + 1, outer.callFrame.columnNumber + 1];
    const entry = `${name(outer)} ${sourceOf(mapDir, ...at) ?? at.join(':')}`;
    byEntry.set(entry, (byEntry.get(entry) ?? 0) + dt);
    // Samples of extension code less than 5 ms apart are one burst of work.
    if (t - lastExt > 5000) bursts.push({ atMs: t / 1000, ms: 0, entries: new Map() });
    const burst = bursts[bursts.length - 1];
    burst.ms += dt / 1000;
    burst.entries.set(entry, (burst.entries.get(entry) ?? 0) + dt);
    lastExt = t;
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ key: k, ms: us / 1000 }));
  // Each burst names the entry point that took most of it (what woke the extension).
  for (const b of bursts) b.entries = sorted(b.entries);
  const spanUs = (profile.endTime ?? 0) - (profile.startTime ?? 0);
  return { spanMs: spanUs / 1000, busyMs: busyUs / 1000, extensionMs: extUs / 1000, extensionBeforeMs: extBeforeUs / 1000, gcMs: gcUs / 1000, byFile: sorted(byFile), byEntry: sorted(byEntry), bursts };
}

/**
 * Bottom-up: the extension's samples by their innermost frame (as source with a map), a native or page frame
 * named with the extension function that called it ("querySelector < utils/inbox/dom.ts:40 findAll").
 */
export function extensionSelf(profile, mapDir = process.env.PROFILE_SOURCEMAP_DIR) {
  const { byId, parent } = indexNodes(profile);
  const where = (n) => {
    const at = [file(n), n.callFrame.lineNumber + 1, n.callFrame.columnNumber + 1];
    return sourceOf(mapDir, ...at) ?? `${n.callFrame.functionName || '(anonymous)'} ${at.join(':')}`;
  };
  const out = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (!node || SKIP.has(node.callFrame.functionName)) continue;
    let inner = null;
    for (let n = node; n; n = parent.get(n.id)) if (file(n) !== null) { inner = n; break; }
    if (!inner) continue;
    const key = inner === node ? where(node) : `${node.callFrame.functionName || '(anonymous)'} < ${where(inner)}`;
    out.set(key, (out.get(key) ?? 0) + dt / 1000);
  }
  return [...out].sort((a, b) => b[1] - a[1]);
}

export function printExtensionTime(x, top = 15, log = console.log) {
  log(`profile ${x.spanMs.toFixed(0)} ms; main thread busy ${x.busyMs.toFixed(1)} ms; extension code on the stack ${x.extensionMs.toFixed(1)} ms; GC (anyone's) ${x.gcMs.toFixed(1)} ms`);
  log('-- extension time by script file');
  for (const r of x.byFile.slice(0, top)) log(`${r.ms.toFixed(1).padStart(8)} ms  ${r.key}`);
  log('-- by entry point (outermost extension function)');
  for (const r of x.byEntry.slice(0, top)) log(`${r.ms.toFixed(1).padStart(8)} ms  ${r.key}`);
  log(`-- ${x.bursts.length} bursts of extension work (at ms: ms): ${x.bursts.slice(0, 40).map((b) => `${b.atMs.toFixed(0)}:${b.ms.toFixed(1)}`).join(' ')}`);
}

if (process.argv[1]?.endsWith('extension-profile.mjs')) {
  printExtensionTime(extensionTime(JSON.parse(await readFile(process.argv[2], 'utf8')), process.argv[4]), Number(process.argv[3] ?? 15));
}

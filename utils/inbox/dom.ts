import { allLabels, type InboxLabels } from './labels';
import { SELECTORS, type Alternative, type SelectorKind } from './selectors';

/**
 * The engine for the selector table: compiles `{label}` placeholders once,
 * tries alternatives in order and reports which one matched. Nothing here
 * keeps a node: every call re-queries (Meta's list is virtualized and its
 * thread is re-rendered, held nodes go stale).
 */

type LabelKey = Exclude<keyof InboxLabels, 'lang' | 'time'>;
const cssEscape = (s: string) => s.replace(/["\\]/g, '\\$&');

const compiled = new WeakMap<Alternative, string>();
/** The alternative's CSS with every placeholder expanded to every language's labels. */
export function cssOf(alt: Alternative): string {
  let css = compiled.get(alt);
  if (css !== undefined) return css;
  const parts = alt.css.split(/,(?![^[]*\])/).map((p) => p.trim());
  const out: string[] = [];
  for (const part of parts) {
    const m = /\{(\w+)\}/.exec(part);
    if (!m) out.push(part);
    else for (const value of allLabels(m[1] as LabelKey)) out.push(part.replaceAll(m[0], cssEscape(value)));
  }
  css = out.join(', ');
  compiled.set(alt, css);
  return css;
}

/**
 * Elements one alternative stands for under `root` (document order, mapped, tested). NodeLists are walked by
 * index: their iterator costs about as much again as the query in Chromium (count-inbox.mjs, profile-summary.mjs).
 */
export function matchAlternative(root: ParentNode, alt: Alternative, limit = Infinity): Element[] {
  const out: Element[] = [];
  // Only a map can give one element twice (querySelectorAll's own results are distinct).
  const seen = alt.map ? new Set<Element>() : null;
  const candidates = root.querySelectorAll(cssOf(alt));
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (alt.test && !alt.test(candidate)) continue;
    const el = alt.map ? alt.map(candidate) : candidate;
    if (!el) continue;
    if (seen) {
      if (seen.has(el)) continue;
      seen.add(el);
    }
    out.push(el);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The first element of one alternative (document order, mapped, tested), or null. The browser's own
 * first-match search goes first: most often its answer is the one (or there is none), and the full list of
 * candidates is only built when the first one fails the test.
 */
function firstMatch(root: ParentNode, alt: Alternative): Element | null {
  const css = cssOf(alt);
  const first = root.querySelector(css);
  if (!first || (!alt.test && !alt.map)) return first;
  const accept = (candidate: Element) => (alt.test && !alt.test(candidate) ? null : alt.map ? alt.map(candidate) : candidate);
  const el = accept(first);
  if (el) return el;
  const candidates = root.querySelectorAll(css);
  for (let i = 1; i < candidates.length; i++) {
    const next = accept(candidates[i]!);
    if (next) return next;
  }
  return null;
}

/** The first element of one alternative (document order, mapped, tested) for which `accept` gives a value, and that value. */
export function firstOfAlternative<T>(root: ParentNode, alt: Alternative, accept: (el: Element) => T | null | undefined): T | null {
  let seen: Set<Element> | null = null;
  const candidates = root.querySelectorAll(cssOf(alt));
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (alt.test && !alt.test(candidate)) continue;
    const el = alt.map ? alt.map(candidate) : candidate;
    if (!el) continue;
    if (alt.map) {
      if ((seen ??= new Set()).has(el)) continue;
      seen.add(el);
    }
    const value = accept(el);
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

export interface Found<T> {
  value: T;
  /** Index of the alternative that matched, -1 when none did. */
  via: number;
  /** findLive only: the alternative matched more than one element (the live one was chosen among copies). */
  several?: boolean;
}

/**
 * Whether `el` is still matched by alternative `via` of `kind` as it stands (attributes, ancestors, test),
 * and by none before it: the live source's check that a part found by an earlier reading is still that
 * part (SnapshotOptions.known). A mapped alternative names another element than the one it matches: never vouched for.
 */
export function stillMatches(el: Element, kind: SelectorKind, via: number): boolean {
  const alts = SELECTORS[kind];
  const alt = alts[via];
  if (!alt || alt.map || !el.isConnected) return false;
  const matches = (a: Alternative) => el.matches(cssOf(a)) && (!a.test || a.test(el));
  for (let i = 0; i < via; i++) if (!alts[i]!.map && matches(alts[i]!)) return false;
  return matches(alt);
}

/**
 * The first element of the first alternative that matches. With `hints` (a page part searched from the
 * document, PartHints below): the alternative that matched last time on this page is tried first.
 */
export function findFirst(root: ParentNode, kind: SelectorKind, hints?: PartHints): Found<Element | null> {
  const alts = SELECTORS[kind];
  const hint = hints?.get(kind);
  if (hint !== undefined && hint > 0 && alts[hint]) {
    const el = firstMatch(root, alts[hint]);
    if (el) return { value: el, via: hint };
  }
  for (let i = 0; i < alts.length; i++) {
    const el = firstMatch(root, alts[i]!);
    if (el) {
      hints?.set(kind, i);
      return { value: el, via: i };
    }
  }
  hints?.delete(kind);
  return { value: null, via: -1 };
}

const unions = new Map<SelectorKind, { css: string; test: Alternative['test'] } | null>();
/** The CSS of every alternative of `kind` as one selector list, when they share one test and map nothing; else null. */
function unionOf(kind: SelectorKind): { css: string; test: Alternative['test'] } | null {
  let union = unions.get(kind);
  if (union !== undefined) return union;
  const alts = SELECTORS[kind];
  const test = alts[0]?.test;
  union = alts.every((a) => !a.map && a.test === test) ? { css: alts.map(cssOf).join(', '), test } : null;
  unions.set(kind, union);
  return union;
}

/**
 * Whether some alternative of `kind` matches under `root` (`findFirst(root, kind).value !== null`). When the
 * alternatives share their test and map nothing, which one matches does not change the answer: one search of
 * them all (the 2026 list row's bold name: 1 search instead of up to 5 for a row that is not bold).
 */
export function anyMatch(root: ParentNode, kind: SelectorKind): boolean {
  const union = unionOf(kind);
  if (!union) return findFirst(root, kind).value !== null;
  if (!union.test) return root.querySelector(union.css) !== null;
  const candidates = root.querySelectorAll(union.css);
  for (let i = 0; i < candidates.length; i++) if (union.test(candidates[i]!)) return true;
  return false;
}

/** The first element of alternative `index` of `kind` alone, or null (when only that alternative says enough). */
export function findFirstOf(root: ParentNode, kind: SelectorKind, index: number): Element | null {
  const alt = SELECTORS[kind][index];
  return alt ? firstMatch(root, alt) : null;
}

/** Every element of the first alternative that matches anything. */
export function findAll(root: ParentNode, kind: SelectorKind): Found<Element[]> {
  const alts = SELECTORS[kind];
  for (let i = 0; i < alts.length; i++) {
    const els = matchAlternative(root, alts[i]!);
    if (els.length) return { value: els, via: i };
  }
  return { value: [], via: -1 };
}

/** Whether `el` itself is matched by some alternative of `kind` (alternatives with `map` are skipped). */
export function isKind(el: Element, kind: SelectorKind): boolean {
  // A plain loop: this runs for each node of the thread's tail, on every read.
  for (const alt of SELECTORS[kind]) if (!alt.map && el.matches(cssOf(alt)) && (!alt.test || alt.test(el))) return true;
  return false;
}

/** The nearest ancestor-or-self of `el` matched by some alternative of `kind` (alternatives with `map` are skipped). */
export function closestKind(el: Element, kind: SelectorKind): Element | null {
  for (const alt of SELECTORS[kind]) {
    if (alt.map) continue;
    let at: Element | null = el.closest(cssOf(alt));
    while (at && alt.test && !alt.test(at)) at = at.parentElement?.closest(cssOf(alt)) ?? null;
    if (at) return at;
  }
  return null;
}

/** The CSS of the alternative `via` of `kind` (for health reports), or null when none matched. */
export function alternativeCss(kind: SelectorKind, via: number): string | null {
  return via >= 0 ? (SELECTORS[kind][via]?.css ?? null) : null;
}

/**
 * Which alternative found each part on this page (the message list, findLive; the Page name, findFirst), kept
 * by the live source between its readings (SnapshotOptions.partHints). While that alternative still matches it is used at once, without the
 * walks of the earlier ones, which missed; when it stops matching (a new layout), every alternative is
 * tried in order again, so health reports what matches now.
 */
export type PartHints = Map<SelectorKind, number>;

/**
 * The live one of a page part. A page in transition may hold a stale copy of a part (a pre-rendered
 * clone left behind, same pagelet): the live part is the largest one on screen; without layout
 * (hidden tab, tests) the last one, since the stale copy is the one React left before it.
 */
export function findLive(root: ParentNode, kind: SelectorKind, hints?: PartHints): Found<Element | null> {
  // One query per alternative (not a first-match search and then a second one for all of them): each is a walk of the page.
  const alts = SELECTORS[kind];
  let all: Element[] = [];
  let via = -1;
  // The alternative that matched last time on this page first: the earlier ones missed then, and each miss is a walk.
  const hint = hints?.get(kind);
  if (hint !== undefined && hint > 0 && alts[hint]) {
    all = matchAlternative(root, alts[hint]);
    if (all.length) via = hint;
  }
  for (let i = 0; i < alts.length && via < 0; i++) {
    all = matchAlternative(root, alts[i]!);
    if (all.length) via = i;
  }
  if (hints) {
    if (via >= 0) hints.set(kind, via);
    else hints.delete(kind);
  }
  if (all.length <= 1) return { value: all[0] ?? null, via };
  let best = all[all.length - 1]!;
  let bestArea = 0;
  for (const el of all) {
    const r = el.getBoundingClientRect();
    if (r.width * r.height > bestArea) {
      bestArea = r.width * r.height;
      best = el;
    }
  }
  return { value: best, via, several: true };
}

/**
 * One MutationObserver that only buffers. Its callback records the mutated
 * nodes and asks for one frame; the work (re-reading the page) happens once
 * per frame in `onBatch`, however many mutations arrived (Meta re-renders
 * whole rows and threads several times a second). In a hidden tab frames do
 * not run, so a timer stands in for them.
 *
 * The batch runs right *after* the frame, not in its animation-frame callback:
 * the page's style and layout are then up to date, so what a batch reads from
 * them (an unread row's computed bold, which rows are in view, which side a
 * message sits on) costs a lookup. Read in the callback, before the frame's own
 * style and layout, the same reads made the browser restyle and re-lay out
 * Meta's page early, inside the extension (issue 14: about 10 ms of forced
 * layout and 10 ms of forced style per mutation burst, about 1.5 ms in all
 * after the change; scripts/bench/lib/burst-split.mjs with SPLIT_STACKS=1).
 */
export interface Batch {
  /** Mutation records buffered since the last batch. */
  records: number;
  /** When the first of them was buffered (the best estimate of when the change happened). */
  firstAt: number;
  /** Distinct mutated nodes (capped; `overflow` when more). Only read during the batch, never kept. */
  targets: Node[];
  overflow: boolean;
  /**
   * Elements whose class or inline font changed (a subset of `targets`): such a change can restyle
   * what is inside them (an unread row's bold name), not only the element itself.
   */
  restyled: Element[];
  /** Asked for without a mutation (navigation, timer, explicit flush). */
  forced: boolean;
}

export interface BatchedObserverOptions {
  win: Window;
  /** The narrowest node that will contain every part of the inbox. Called again on every re-root. */
  root: () => Node;
  onBatch: (batch: Batch) => void;
  /**
   * Called in the observer's own callback, right after the page mutated (before any later input
   * event, such as a click that opens another conversation). Keep it cheap; usually a no-op.
   */
  onRecords?: () => void;
  now?: () => number;
  /** Called when the observed root left the page (a batch follows, which re-roots). */
  onDetached?: () => void;
  /** Stop buffering nodes beyond this many (a full re-read is cheaper than classifying them). */
  maxTargets?: number;
  /**
   * The least time (ms) from the end of one mutation batch to the start of the next. Meta re-renders
   * in bursts, a frame apart for a second or more: one batch per frame re-reads the same rows dozens of
   * times. With a gap, the records of the whole stretch wait in the buffer and make one batch, whose
   * `firstAt` still says when the first of them came. A forced batch (`request`, navigation) skips it.
   */
  minGapMs?: number;
  /**
   * Records whose target this says is urgent skip the gap (the composer: a reply typed and sent
   * within the gap must still be read as typed, and draft checks follow each keystroke).
   */
  urgent?: (target: Node) => boolean;
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only attributes that carry inbox state; not `style` (virtualized rows move by transform on every scroll).
  // `alt`, `src`: an avatar or attachment image relabelled or replaced in place changes what its row reads as (live.ts caches rows).
  // `style`: kept only when the inline font changed (an unread row's bold name); a moved row's transform is dropped at once.
  attributeFilter: ['aria-selected', 'aria-current', 'aria-disabled', 'contenteditable', 'href', 'data-utime', 'class', 'role', 'aria-label', 'alt', 'src', 'style'],
  attributeOldValue: true,
};

/** The font declarations of an inline style (`font-weight`, the `font` shorthand), in order. */
const fontOf = (style: string | null) => (style?.match(/(?:^|;)\s*font(?:-weight)?\s*:[^;]*/gi) ?? []).join(';').replace(/\s+/g, '');

/**
 * A record worth a batch: every one but a `style` change that left the inline font as it was (scrolling,
 * animations), and an attribute set again to the value it has (a render that rewrites every link's href
 * sends a record each time; a value changed and changed back within one delivery leaves the record of
 * the change back, whose old value differs).
 */
export function recordMatters(r: MutationRecord): boolean {
  if (r.type !== 'attributes') return true;
  const now = (r.target as Element).getAttribute?.(r.attributeName!) ?? null;
  if (r.oldValue === now) return false;
  if (r.attributeName !== 'style') return true;
  return fontOf(r.oldValue) !== fontOf(now);
}

export function createBatchedObserver(options: BatchedObserverOptions) {
  const { win } = options;
  const now = options.now ?? (() => Date.now());
  const maxTargets = options.maxTargets ?? 2000;
  // A Set: a burst often hits the same few nodes a thousand times.
  let targets = new Set<Node>();
  let restyled = new Set<Element>();
  let records = 0;
  let firstAt = 0;
  let overflow = false;
  let forced = false;
  let frame: number | null = null;
  /** The task that runs the batch once the frame asked for has rendered. */
  let afterFrame: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Waiting out `minGapMs` before asking for a frame. */
  let gapTimer: ReturnType<typeof setTimeout> | null = null;
  const minGap = options.minGapMs ?? 0;
  // The gap is measured on the page's monotonic clock, not `now` (a test's fake clock may stand still).
  const clock = () => win.performance?.now?.() ?? Date.now();
  /** When the last batch ended (clock()). */
  let lastRun = -Infinity;
  /** An urgent record is buffered: the next batch does not wait for the gap. */
  let hurry = false;
  let root: Node | null = null;
  let disconnected = false;

  /**
   * The root leaving the page sends no record to `observer` (the record goes to its parent), and
   * nothing else would notice it until the next navigation: a second observer watches the children of
   * each of the root's ancestors and asks for a batch (a full re-read and a re-root) the moment the
   * root is no longer in the page. It runs only when those children change, never on a timer.
   */
  const detached = new (win as unknown as typeof globalThis).MutationObserver(() => {
    if (root && !root.isConnected) {
      detached.disconnect();
      options.onDetached?.();
      forced = true;
      schedule();
    }
  });
  function watchAncestors() {
    detached.disconnect();
    for (let n = root?.parentNode ?? null; n; n = n.parentNode) detached.observe(n, { childList: true });
  }

  const observer = new (win as unknown as typeof globalThis).MutationObserver((all: MutationRecord[]) => {
    const list = all.filter(recordMatters);
    if (!list.length) return;
    if (minGap > 0 && !hurry && options.urgent) hurry = list.some((r) => options.urgent!(r.target));
    buffer(list);
    schedule();
    try {
      options.onRecords?.();
    } catch (error) {
      console.warn('[Inbox Pilot] mutation hook failed', error);
    }
  });

  function buffer(list: MutationRecord[]) {
    if (!list.length) return;
    if (records === 0) firstAt = now();
    records += list.length;
    if (!overflow) {
      for (const r of list) {
        targets.add(r.target);
        if (r.type === 'attributes' && (r.attributeName === 'class' || r.attributeName === 'style')) restyled.add(r.target as Element);
        if (targets.size > maxTargets) {
          overflow = true;
          targets = new Set();
          restyled = new Set();
          break;
        }
      }
    }
  }

  function schedule() {
    if (disconnected || frame !== null || timer !== null) return;
    const skipGap = forced || hurry;
    if (gapTimer !== null) {
      // A forced or urgent batch does not wait for the gap to end.
      if (!skipGap) return;
      clearTimeout(gapTimer);
      gapTimer = null;
    }
    const wait = lastRun + minGap - clock();
    if (!skipGap && wait > 0) {
      gapTimer = setTimeout(() => {
        gapTimer = null;
        schedule();
      }, wait);
      return;
    }
    if (win.document.visibilityState === 'visible' && typeof win.requestAnimationFrame === 'function') {
      // The next task after the frame's rendering (style, layout, paint): see the note at the top. An urgent
      // record (the composer) is read in the frame itself, as soon as possible: a task after the frame can come
      // after the agent's next key, and Enter sends (an edit typed just before must still be read as typed).
      frame = win.requestAnimationFrame(() => {
        frame = null;
        if (hurry) run();
        else afterFrame = setTimeout(run, 0);
      });
    }
    // Frames stop in hidden tabs: a timer makes sure the batch still runs (it also covers a tab hidden after scheduling).
    timer = setTimeout(run, frame !== null ? 250 : 50);
  }

  function run() {
    if (frame !== null) win.cancelAnimationFrame(frame);
    if (afterFrame !== null) clearTimeout(afterFrame);
    if (timer !== null) clearTimeout(timer);
    if (gapTimer !== null) clearTimeout(gapTimer);
    frame = afterFrame = timer = gapTimer = null;
    if (disconnected) return;
    const batch: Batch = { records, firstAt: records ? firstAt : now(), targets: [...targets], restyled: [...restyled], overflow, forced };
    targets = new Set();
    restyled = new Set();
    records = 0;
    overflow = false;
    forced = false;
    hurry = false;
    try {
      options.onBatch(batch);
    } finally {
      lastRun = clock();
    }
  }

  function reroot() {
    if (disconnected) return;
    const next = options.root();
    // The same root may sit under new ancestors (moved, or put back after it left): watch them again.
    if (next !== root) {
      observer.disconnect();
      root = next;
      observer.observe(root, OBSERVE);
    }
    watchAncestors();
  }

  reroot();
  return {
    /** Observes the root `options.root()` gives now (after navigation or when the old root left the page). */
    reroot,
    /** Asks for a batch without a mutation. */
    request() {
      forced = true;
      schedule();
    },
    /** Runs the pending batch now (tests, benchmarks). */
    flush() {
      buffer(observer.takeRecords().filter(recordMatters));
      run();
    },
    get root() {
      return root;
    },
    disconnect() {
      disconnected = true;
      observer.disconnect();
      detached.disconnect();
      if (frame !== null) win.cancelAnimationFrame(frame);
      if (afterFrame !== null) clearTimeout(afterFrame);
      if (timer !== null) clearTimeout(timer);
      if (gapTimer !== null) clearTimeout(gapTimer);
    },
  };
}

export type BatchedObserver = ReturnType<typeof createBatchedObserver>;

// @ts-check
// The sidebar is an extension page in a frame, inside a CLOSED shadow root (so page scripts can neither
// read it, click it nor get its window), which Playwright's locators do not pierce. The content script
// keeps its own handle on the frame element in its isolated world (`globalThis.__inboxPilotSidebarFrame`,
// see components/sidebar/page-host.ts); this harness reads the frame's box and URL there through the
// DevTools protocol, evaluates in the frame itself, and offers the part of Playwright's Locator API the
// specs use. Clicks and typing are real input (page.mouse / page.keyboard) at the element's box on the
// page, as with Playwright.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ css?: string, hasText?: string | { source: string, flags: string }, nth?: number, has?: Step[] }} Step */
/** @typedef {{ hasText?: string | RegExp, has?: { steps: Step[] } }} FilterOptions */

const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;

/** @type {WeakMap<Page, Promise<(expression: string) => Promise<any>>>} */
const evaluators = new WeakMap();

/**
 * An evaluator in the extension's isolated world of `page`, following reloads and navigations
 * (each makes a new isolated context; the newest one is used).
 * @param {Page} page
 */
export function isolatedWorld(page) {
  let made = evaluators.get(page);
  if (!made) {
    made = (async () => {
      const cdp = await page.context().newCDPSession(page);
      /** @type {Map<number, { id: number, origin: string, auxData?: { type?: string, isDefault?: boolean } }>} */
      const contexts = new Map();
      cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context));
      cdp.on('Runtime.executionContextDestroyed', (e) => contexts.delete(e.executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable');
      const current = () => [...contexts.values()].filter((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')).at(-1);
      return async (/** @type {string} */ expression) => {
        const context = current();
        if (!context) return undefined; // the content script has not started (yet)
        const r = await cdp.send('Runtime.evaluate', { expression, contextId: context.id, returnByValue: true, awaitPromise: true }).catch(() => null);
        if (!r || r.exceptionDetails) return undefined; // a context that just went away: the caller polls again
        return r.result.value;
      };
    })();
    evaluators.set(page, made);
  }
  return made;
}

/** The content script's handle on the sidebar's frame (components/sidebar/page-host.ts), in its isolated world. */
const FRAME_HANDLE = 'globalThis.__inboxPilotSidebarFrame';

/**
 * The sidebar's frame (an extension page, its own process) and where it sits in the page's viewport, or null
 * when there is no sidebar shown (none yet, the page left the inbox, or the frame is hidden).
 * @param {Page} page
 * @returns {Promise<{ frame: import('playwright-core').Frame, x: number, y: number } | null>}
 */
export async function sidebarFrame(page) {
  const evaluate = await isolatedWorld(page);
  const box = await evaluate(`(() => {
    const f = ${FRAME_HANDLE};
    if (!f || !f.isConnected) return null;
    const r = f.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, src: f.src } : null;
  })()`);
  if (!box) return null;
  // Matched by the token in its URL's hash (the frame's URL has the extension's id, `src` a per-session one in Chrome).
  const hash = box.src.slice(box.src.indexOf('#'));
  const frame = page.frames().find((f) => f.url().endsWith(hash));
  return frame ? { frame, x: box.x, y: box.y } : null;
}

/**
 * Runs `fn(elements, arg)` in the sidebar's frame on the elements `steps` select (an empty list
 * when the sidebar is not there). `fn` is serialized: it sees only its arguments. Boxes it returns are
 * the frame's; `offset` tells where the frame is on the page.
 * @template T
 * @param {Page} page
 * @param {Step[]} steps
 * @param {(elements: Element[], arg: any) => T} fn
 * @param {unknown} [arg]
 * @returns {Promise<T | undefined>}
 */
async function onElements(page, steps, fn, arg) {
  const found = await sidebarFrame(page);
  const expression = `(() => {
    const select = (start, steps) => {
    let els = start;
    for (const s of steps) {
      if (s.css) els = els.flatMap((e) => [...e.querySelectorAll(s.css)]);
      if (s.hasText !== undefined) {
        const test = typeof s.hasText === 'string' ? (t) => t.includes(s.hasText) : (t) => new RegExp(s.hasText.source, s.hasText.flags).test(t);
        els = els.filter((e) => test(e.textContent ?? ''));
      }
      if (s.has) els = els.filter((e) => select([e], s.has).length > 0);
      if (s.nth !== undefined) els = s.nth < 0 ? els.slice(s.nth).slice(0, 1) : els.slice(s.nth, s.nth + 1);
    }
    return els;
    };
    const els = select(${found ? '[document]' : '[]'}, ${JSON.stringify(steps)});
    return (${fn.toString()})(els, ${JSON.stringify(arg ?? null)});
  })()`;
  if (!found) return new Function(`return ${expression}`.replace('[document]', '[]'))();
  return found.frame.evaluate(expression).catch(() => undefined);
}

/** Where the sidebar's frame is on the page (0, 0 when it is not there). @param {Page} page */
async function frameOffset(page) {
  const found = await sidebarFrame(page);
  return found ? { x: found.x, y: found.y } : { x: 0, y: 0 };
}

/** @param {string | RegExp | undefined} text */
const textStep = (text) => (text instanceof RegExp ? { source: text.source, flags: text.flags } : text);

/** In the isolated world: is this element rendered and visible (Playwright's definition, roughly)? */
const visibleIn = /** @param {Element[]} els */ (els) =>
  els.map((e) => {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
  });

/**
 * A Playwright-like locator inside the sidebar's frame.
 * @param {Page} page
 * @param {Step[]} steps
 */
export function shadowLocator(page, steps) {
  const self = {
    page,
    steps,
    /** @param {string} css @param {FilterOptions} [options] */
    locator: (css, options = {}) => shadowLocator(page, [...steps, { css, hasText: textStep(options.hasText), has: options.has?.steps }]),
    /** `has` takes a locator made from `inner(css)` (steps relative to each element). @param {FilterOptions} options */
    filter: (options) => shadowLocator(page, [...steps, { hasText: textStep(options.hasText), has: options.has?.steps }]),
    first: () => shadowLocator(page, [...steps, { nth: 0 }]),
    last: () => shadowLocator(page, [...steps, { nth: -1 }]),
    /** @param {number} n */
    nth: (n) => shadowLocator(page, [...steps, { nth: n }]),

    count: async () => (await onElements(page, steps, (els) => els.length)) ?? 0,

    /** The text of every matching element. */
    allTextContents: async () => /** @type {string[]} */ ((await onElements(page, steps, (els) => els.map((e) => e.textContent ?? ''))) ?? []),

    /**
     * Runs `fn(element, arg)` in the isolated world on the one matching element. `fn` is
     * serialized: it sees only its arguments.
     * @template T
     * @param {(element: any, arg: any) => T} fn
     * @param {unknown} [arg]
     * @returns {Promise<T>}
     */
    async evaluate(fn, arg) {
      await self.waitFor({ state: 'attached' });
      // Serialized with the element-list convention of onElements: `(els, arg) => fn(els[0], arg)`.
      const onFirst = /** @type {(els: Element[], arg: any) => T} */ (/** @type {unknown} */ ({ toString: () => `(els, arg) => (${fn.toString()})(els[0], arg)` }));
      return /** @type {T} */ (await one(page, steps, onFirst, arg));
    },

    /** Keyboard focus on the element (as Playwright's `focus`). */
    async focus() {
      await self.waitFor({ state: 'attached' });
      await one(page, steps, (els) => /** @type {HTMLElement} */ (els[0]).focus());
    },

    /** Scrolls the element into view (centred) when it is not. */
    async scrollIntoViewIfNeeded() {
      await self.waitFor({ state: 'attached' });
      await one(page, steps, (els) => els[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    },

    /**
     * Waits for the element: 'visible' (default), 'attached', 'hidden' or 'detached'.
     * @param {{ state?: 'visible' | 'attached' | 'hidden' | 'detached', timeout?: number }} [options]
     */
    async waitFor(options = {}) {
      const state = options.state ?? 'visible';
      const timeout = options.timeout ?? DEFAULT_TIMEOUT;
      const end = Date.now() + timeout;
      for (;;) {
        const seen = (await onElements(page, steps, visibleIn)) ?? [];
        const ok =
          state === 'attached' ? seen.length > 0 : state === 'detached' ? seen.length === 0 : state === 'visible' ? seen[0] === true : seen[0] !== true;
        if (ok) return;
        if (Date.now() > end) throw new Error(`sidebar locator ${describe(steps)}: not ${state} within ${timeout} ms (${seen.length} found)`);
        await page.waitForTimeout(POLL_MS);
      }
    },

    isVisible: async () => ((await onElements(page, steps, visibleIn)) ?? [])[0] === true,

    /** @param {{ timeout?: number }} [options] */
    async textContent(options = {}) {
      await self.waitFor({ state: 'attached', timeout: options.timeout });
      return /** @type {string | null} */ (await one(page, steps, (els) => els[0]?.textContent ?? null));
    },

    /** @param {string} name @param {{ timeout?: number }} [options] */
    async getAttribute(name, options = {}) {
      await self.waitFor({ state: 'attached', timeout: options.timeout });
      return /** @type {string | null} */ (await one(page, steps, (els, n) => els[0]?.getAttribute(n) ?? null, name));
    },

    /** The element's box in the page's viewport (CSS pixels), or null. */
    async boundingBox() {
      const box = await one(page, steps, (els) => {
        const r = els[0]?.getBoundingClientRect();
        return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      });
      if (!box) return null;
      const at = await frameOffset(page);
      return { ...box, x: box.x + at.x, y: box.y + at.y };
    },

    /** A real mouse click at the centre of the element, scrolled into view first. @param {{ timeout?: number }} [options] */
    async click(options = {}) {
      await self.waitFor({ state: 'visible', timeout: options.timeout });
      // The frame moves on the page when the sidebar collapses or opens: its place is read before and after the
      // element's, and the click waits for a frame that stayed put.
      for (let tries = 0; ; tries++) {
        const at = await frameOffset(page);
        const box = await one(page, steps, (els) => {
          els[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
          const r = els[0]?.getBoundingClientRect();
          return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
        });
        if (!box) throw new Error(`sidebar locator ${describe(steps)}: gone before the click`);
        const again = await frameOffset(page);
        if (again.x === at.x && again.y === at.y) {
          await page.mouse.click(box.x + at.x, box.y + at.y);
          return;
        }
        if (tries > 40) throw new Error(`sidebar locator ${describe(steps)}: the sidebar's frame kept moving`);
        await page.waitForTimeout(POLL_MS);
      }
    },

    /** Focuses the element (an input), then types `text` over its content with the keyboard. @param {string} text */
    async fill(text) {
      await self.waitFor({ state: 'visible' });
      await one(page, steps, (els) => {
        const input = /** @type {HTMLInputElement} */ (els[0]);
        input.focus();
        input.select?.();
      });
      await page.keyboard.press('Backspace');
      if (text) await page.keyboard.insertText(text);
    },

    /** Focuses the element, then presses `key` on the keyboard. @param {string} key */
    async press(key) {
      await self.waitFor({ state: 'visible' });
      await one(page, steps, (els) => /** @type {HTMLElement} */ (els[0]).focus());
      await page.keyboard.press(key);
    },
  };
  return self;
}

/**
 * Like onElements, but strict as Playwright's actions are: exactly one element must match.
 * @template T
 * @param {Page} page
 * @param {Step[]} steps
 * @param {(elements: Element[], arg: any) => T} fn
 * @param {unknown} [arg]
 */
async function one(page, steps, fn, arg) {
  const n = (await onElements(page, steps, (els) => els.length)) ?? 0;
  if (n > 1) throw new Error(`sidebar locator ${describe(steps)}: strict mode, ${n} elements match`);
  return onElements(page, steps, fn, arg);
}

/**
 * Steps relative to the element a `has` filter tests (Playwright's `{ has: locator }`).
 * @param {string} css @param {{ hasText?: string | RegExp }} [options]
 */
export function inner(css, options = {}) {
  return { steps: [{ css, hasText: textStep(options.hasText) }] };
}

/** @param {Step[]} steps */
function describe(steps) {
  return steps.map((s) => (s.css ?? '') + (s.hasText !== undefined ? `:has-text(${JSON.stringify(s.hasText)})` : '') + (s.nth !== undefined ? `>>nth=${s.nth}` : '')).join(' ');
}

/**
 * Evaluates `fn(root)` in the sidebar's frame with its body (null when there is no sidebar shown),
 * for reads no locator expresses. `fn` is serialized: it sees only its argument.
 * @template T
 * @param {Page} page
 * @param {(root: HTMLElement | null, arg: any) => T} fn
 * @param {unknown} [arg]
 * @returns {Promise<T | undefined>}
 */
export async function evaluateInSidebar(page, fn, arg) {
  const found = await sidebarFrame(page);
  const call = (/** @type {string} */ root) => `(${fn.toString()})(${root}, ${JSON.stringify(arg ?? null)})`;
  if (!found) return new Function(`return ${call('null')}`)();
  return found.frame.evaluate(call('document.body')).catch(() => undefined);
}

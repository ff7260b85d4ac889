// @ts-check
// The sidebar lives in a CLOSED shadow root (so page scripts cannot read or click it), which
// Playwright's locators do not pierce and main-world scripts cannot open. The content script keeps
// its own handle on the root in its isolated world (`globalThis.__inboxPilotSidebarRoot`, see
// components/sidebar/mount.tsx); this harness evaluates there through the DevTools protocol and
// offers the part of Playwright's Locator API the specs use. Clicks and typing are real input
// (page.mouse / page.keyboard) at the element's box, as with Playwright.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ css?: string, hasText?: string | { source: string, flags: string }, nth?: number, has?: Step[] }} Step */
/** @typedef {{ hasText?: string | RegExp, has?: { steps: Step[] } }} FilterOptions */

const ROOT_HANDLE = 'globalThis.__inboxPilotSidebarRoot';
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

/**
 * Runs `fn(elements, arg)` in the isolated world on the elements `steps` select (an empty list
 * when the sidebar is not there). `fn` is serialized: it sees only its arguments.
 * @template T
 * @param {Page} page
 * @param {Step[]} steps
 * @param {(elements: Element[], arg: any) => T} fn
 * @param {unknown} [arg]
 * @returns {Promise<T | undefined>}
 */
async function onElements(page, steps, fn, arg) {
  const evaluate = await isolatedWorld(page);
  return evaluate(`(() => {
    const root = ${ROOT_HANDLE};
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
    const els = select(root && root.host && root.host.isConnected ? [root] : [], ${JSON.stringify(steps)});
    return (${fn.toString()})(els, ${JSON.stringify(arg ?? null)});
  })()`);
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
 * A Playwright-like locator inside the sidebar's closed shadow root.
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
      return box ?? null;
    },

    /** A real mouse click at the centre of the element, scrolled into view first. @param {{ timeout?: number }} [options] */
    async click(options = {}) {
      await self.waitFor({ state: 'visible', timeout: options.timeout });
      const box = await one(page, steps, (els) => {
        els[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
        const r = els[0]?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      });
      if (!box) throw new Error(`sidebar locator ${describe(steps)}: gone before the click`);
      await page.mouse.click(box.x, box.y);
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
 * Evaluates `fn(root)` in the isolated world with the sidebar's shadow root (null when absent),
 * for reads no locator expresses. `fn` is serialized: it sees only its argument.
 * @template T
 * @param {Page} page
 * @param {(root: ShadowRoot | null, arg: any) => T} fn
 * @param {unknown} [arg]
 * @returns {Promise<T | undefined>}
 */
export async function evaluateInSidebar(page, fn, arg) {
  const evaluate = await isolatedWorld(page);
  return evaluate(`(() => {
    const root = ${ROOT_HANDLE};
    return (${fn.toString()})(root && root.host && root.host.isConnected ? root : null, ${JSON.stringify(arg ?? null)});
  })()`);
}

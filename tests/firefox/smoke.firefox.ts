import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { inboxUrl } from '../e2e/browser.mjs';
import type { SimApi } from '../e2e/harness';
import { EXTENSION_UUID, launchFirefox } from './firefox.mjs';

/**
 * Smoke test in real Firefox (firefox-esr, WebDriver BiDi): the MV3 add-on
 * as built for AMO, on the simulated inbox served as business.facebook.com.
 * Only `window.__sim` and what the sidebar shows are used, plus the reply
 * box's ARIA role (a textbox) to type into it like an agent.
 */

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
let firefox: Firefox;
/** The stats page (an extension page), once the stats test opened it. */
let extensionPage: Page | null = null;

beforeAll(async () => {
  firefox = await launchFirefox();
}, 180_000);

afterAll(async () => {
  await firefox?.close();
}, 60_000);

/**
 * A new tab, else a new window. Firefox's WebDriver BiDi opens a tab in the most recent window of ANY kind
 * (`Services.wm.getMostRecentWindow(null)` in browsingContext.create); when that is not a browser window,
 * it fails with "TabManager.getTabBrowser(...) is undefined" (a clean-clone CI run of stop 23). Likely
 * culprit: the add-on's desktop warnings, which Firefox on Linux without a notification service shows in
 * windows of its own. A new window is looked up among browser windows only.
 */
async function newTab(): Promise<Page> {
  try {
    return await firefox.browser.newPage();
  } catch (error) {
    // What the add-on shows as desktop warnings at that moment (evidence for the cause above).
    const warnings = await extensionPage
      ?.evaluate(async () => Object.keys(await (globalThis as unknown as { browser: { notifications: { getAll(): Promise<object> } } }).browser.notifications.getAll()).length)
      .catch(() => 'unknown');
    console.warn(`Firefox refused a new tab (add-on warnings shown: ${warnings ?? 'unknown'}), opening a window: ${String(error).split('\n')[0]}`);
    return firefox.browser.newPage({ type: 'window' });
  }
}

/**
 * The sidebar is an extension page in a frame, inside a CLOSED shadow root (components/sidebar/page-host.ts:
 * page scripts must not read or click it), so `host.shadowRoot` is null for page.evaluate. WebDriver BiDi
 * still reaches both, without reopening anything in the product: serializing the host with
 * `includeShadowTree: 'all'` gives a reference (sharedId) to its closed root, whose frame element gives the
 * frame's box on the page; and the frame is a browsing context of its own, where `script.callFunction` runs
 * on the sidebar's document. puppeteer-core 24 has no public API for these options, so the raw commands go
 * through its BiDi connection (`browser.connection` and `frame._id`, the browsing context id: both internal
 * to puppeteer-core).
 */
type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };
type BidiConnection = { send(method: 'script.callFunction', params: Record<string, unknown>): Promise<{ result: EvaluateResult }> };

async function callFunction(page: Page, functionDeclaration: string, params: Record<string, unknown> = {}, context = (page.mainFrame() as unknown as { _id: string })._id): Promise<EvaluateResult> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    ...params,
  });
  return result;
}

/** A BiDi reference to the sidebar's closed shadow root (null while the sidebar is not mounted). */
async function sidebarShadowRoot(page: Page): Promise<{ sharedId: string } | null> {
  const r = await callFunction(page, `() => document.querySelector('inbox-pilot-sidebar')`, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  if (r.type !== 'success' || r.result.type !== 'node') return null;
  const sharedId = (r.result.value as { shadowRoot?: { sharedId?: string } | null } | undefined)?.shadowRoot?.sharedId;
  return sharedId ? { sharedId } : null;
}

/** The sidebar's frame: its browsing context and its box on the page (null while there is none shown). */
async function sidebarFrame(page: Page): Promise<{ context: string; x: number; y: number } | null> {
  const shadow = await sidebarShadowRoot(page);
  if (!shadow) return null;
  const r = await callFunction(
    page,
    `(shadow) => {
      const f = shadow.querySelector('iframe');
      const b = f && f.getBoundingClientRect();
      return b && b.width > 0 ? JSON.stringify({ x: b.x, y: b.y, hash: new URL(f.src).hash }) : null;
    }`,
    { arguments: [shadow] },
  );
  if (r.type !== 'success' || r.result.type !== 'string') return null;
  const box = JSON.parse(r.result.value as string) as { x: number; y: number; hash: string };
  // Matched by the token in its URL's hash, asked of each frame (puppeteer reports a moz-extension frame's URL as about:blank).
  for (const frame of page.mainFrame().childFrames()) {
    const context = (frame as unknown as { _id: string })._id;
    const hash = await callFunction(page, '() => location.hash', {}, context).catch(() => null);
    if (hash?.type === 'success' && hash.result.value === box.hash) return { context, x: box.x, y: box.y };
  }
  return null;
}

/**
 * Runs `fn(root, arg)` in the sidebar's frame on its root element (null when the sidebar is not there).
 * `fn` is serialized: it sees only its arguments, and its result crosses back as JSON.
 */
async function inSidebar<T, A = null>(page: Page, fn: (root: Element, arg: A) => T, arg: A = null as A): Promise<T | null> {
  const frame = await sidebarFrame(page);
  if (!frame) return null;
  const r = await callFunction(
    page,
    `(arg) => {
      const root = document.querySelector('[data-testid="inbox-pilot-sidebar"]');
      return root ? JSON.stringify({ value: (${fn.toString()})(root, JSON.parse(arg)) }) : null;
    }`,
    { arguments: [{ type: 'string', value: JSON.stringify(arg) }] },
    frame.context,
  );
  if (r.type !== 'success') throw new Error(`in the sidebar: ${r.exceptionDetails.text}`);
  return r.result.type === 'string' ? (JSON.parse(r.result.value as string) as { value: T }).value : null;
}

type ClickTarget = { state: 'missing' } | { state: 'covered'; why: string } | { state: 'ready'; x: number; y: number };

/**
 * Clicks the sidebar element `css` with real input (the mouse at the centre of its box), once it is
 * in view and nothing covers it (checked with the frame's own elementFromPoint). Returns false when there is no such element.
 */
async function clickInSidebar(page: Page, css: string, timeout = 30_000): Promise<boolean> {
  let last = '';
  const target = await poll(async () => {
    const at = await inSidebar(page, (root, selector: string): ClickTarget => {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) return { state: 'missing' };
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (box.width === 0 || box.height === 0 || !hit || !(hit === el || el.contains(hit))) {
        return { state: 'covered', why: `${box.width}x${box.height} at ${x},${y}, hit: ${hit ? `${hit.tagName}.${hit.className}` : 'nothing'}` };
      }
      return { state: 'ready', x, y };
    }, css);
    if (at?.state === 'covered') last = at.why;
    return at && at.state !== 'covered' ? at : null;
  }, timeout, `${css} in the sidebar to be clickable`, 250).catch((error: Error) => {
    throw new Error(`${error.message} (last seen: ${last || 'no sidebar'})`);
  });
  if (target.state !== 'ready') return false;
  // The frame's coordinates, moved to the page's.
  const frame = await sidebarFrame(page);
  if (!frame) return false;
  await page.mouse.click(target.x + frame.x, target.y + frame.y);
  return true;
}

async function waitForSidebar<T>(page: Page, fn: (root: Element) => T | null | false, timeout = 60_000): Promise<T> {
  return poll(async () => ((await inSidebar(page, fn)) || null) as T | null, timeout, `the sidebar to show ${fn.toString()}`, 250);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);
}

/** Polls `check` until it gives a value (not a sleep as an assertion: it fails with what it waited for). */
async function poll<T>(check: () => Promise<T | null>, timeout: number, what: string, every = 500): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const sim = <T>(page: Page, fn: (sim: SimApi, arg: string) => T, arg = '') =>
  page.evaluate((source, a) => (new Function('sim', 'arg', `return (${source})(sim, arg)`) as (s: SimApi, a: string) => T)(window.__sim, a), fn.toString(), arg) as Promise<T>;

describe('Firefox: the add-on on the simulated inbox', () => {
  let inbox: Page;

  it('shows the sidebar listing a waiting customer', async () => {
    inbox = await newTab();
    await inbox.goto(inboxUrl(), { timeout: 90_000 });
    await inbox.waitForFunction(() => '__sim' in window, { timeout: 60_000 });
    const names = await waitForSidebar(inbox, (root) => {
      const rows = [...root.querySelectorAll('[data-testid="timer-name"]')].map((n) => n.textContent ?? '');
      return rows.length > 0 && rows;
    });
    const waiting = await sim(inbox, (s) => s.list().filter((c) => c.lastFrom === 'customer' && !c.done).map((c) => c.name));
    expect(waiting.length).toBeGreaterThan(0);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(waiting).toContain(name);
    const count = await inSidebar(inbox, (root) => Number(root.querySelector('[data-testid="timers-count"]')?.getAttribute('data-count')));
    expect(count).toBe(names.length);
    // The root stays closed to the page, and the frame is not among its frames: the suite reaches it only
    // through WebDriver BiDi (inSidebar).
    expect(await inbox.evaluate(() => document.querySelector('inbox-pilot-sidebar')?.shadowRoot === null && window.frames.length === 0)).toBe(true);
  }, 180_000);

  it('records a reply typed in the reply box in the stats, and opens the stats page', async () => {
    const id = await sim(inbox, (s) => s.list().find((c) => c.lastFrom === 'customer' && !c.done)!.id);
    await sim(inbox, (s, conv) => s.openConversation(conv), id);
    await sim(inbox, (s, conv) => s.addCustomerMessage(conv, 'Is my order on its way?'), id);
    // The customer's message is seen before the reply (the adapter batches once per frame).
    await waitForSidebar(inbox, (root) => root.querySelectorAll('[data-testid="timer-row"]').length > 0);
    await new Promise((r) => setTimeout(r, 1500));
    const box = await inbox.waitForSelector('[role="textbox"][contenteditable="true"]', { timeout: 30_000 });
    await box!.click();
    await inbox.keyboard.type('Yes, it left this morning.');
    await inbox.keyboard.press('Enter');
    await inbox.waitForFunction((conv) => window.__sim.sentMessages().some((m) => m.conversationId === conv), { timeout: 30_000 }, id);

    // The sidebar's "Team stats" opens the popup's page in a tab (Firefox's toolbar panel is out of WebDriver's reach).
    const before = new Set(await firefox.browser.pages());
    const clicked = await clickInSidebar(inbox, '[data-testid="open-stats"]');
    expect(clicked).toBe(true);
    // Puppeteer reports an extension tab's URL as about:blank over BiDi: ask the page itself.
    const stats = await poll(async () => {
      for (const page of await firefox.browser.pages()) {
        if (before.has(page)) continue;
        const href = await withTimeout(page.evaluate(() => location.href), 5_000).catch(() => '');
        if (href === `moz-extension://${EXTENSION_UUID}/popup.html`) return page;
      }
      return null;
    }, 60_000, 'the stats page to open');
    // The background writes after the reply is paired: reload the page until it shows the response.
    let responses = 0;
    await poll(async () => {
      responses = await stats.evaluate(() => document.querySelectorAll('[data-testid="slow-response"]').length);
      if (responses > 0) return true;
      await stats.evaluate(() => location.reload());
      return null;
    }, 90_000, 'the response to show in the stats', 1_500).catch(() => undefined);
    expect(responses).toBeGreaterThan(0);
    const link = await stats.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="slow-response-link"]')?.href ?? null);
    expect(link).toContain(`selected_item_id=${id}`);
    extensionPage = stats;
  }, 240_000);

  it("answers an extension page's request from the content script, which runs without webextension-polyfill (the layout report)", async () => {
    expect(extensionPage).not.toBeNull();
    // What the options page's "Copy layout report" does: ask every tab; only the inbox tab's content script answers.
    const replies = await extensionPage!.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).browser;
      const ask = (id: number) => api.tabs.sendMessage(id, { app: 'inbox-pilot', type: 'inbox:layout-report' }).catch(() => 'no content script');
      return Promise.all((await api.tabs.query({})).map((t) => ask(t.id!)));
    });
    const answered = replies.filter((r) => r !== 'no content script') as Array<{ ok: boolean; value?: { report?: string } }>;
    expect(answered).toHaveLength(1);
    expect(answered[0]!.ok).toBe(true);
    expect(answered[0]!.value?.report).toContain('inbox-pilot-layout-report v1');
  }, 60_000);

  it("inserts a saved reply into Meta's reply box from the content script's isolated world (nothing sent)", async () => {
    const id = await sim(inbox, (s) => s.list().find((c) => c.lastFrom === 'customer' && !c.done)!.id);
    await sim(inbox, (s, conv) => s.openConversation(conv), id);
    await sim(inbox, (s, conv) => s.addCustomerMessage(conv, 'Where is my order? I have no tracking number'), id);
    const sentBefore = await sim(inbox, (s) => s.sentMessages().length);
    await waitForSidebar(inbox, (root) => root.querySelector('[data-testid="replies-insert"]') !== null);
    expect(await clickInSidebar(inbox, '[data-testid="replies-insert"]')).toBe(true);
    const text = await poll(async () => (await sim(inbox, (s) => s.composerText())) || null, 30_000, 'the reply box to hold the inserted reply');
    expect(text.length).toBeGreaterThan(10);
    const status = await inSidebar(inbox, (root) => root.querySelector('[data-testid="replies-status"]')?.textContent ?? '');
    expect(status).not.toMatch(/could not|impossible/i);
    expect(await sim(inbox, (s) => s.sentMessages().length)).toBe(sentBefore);
  }, 120_000);

  it('appears when the agent arrives from Home by in-app navigation, and goes away when they leave (no Navigation API: the 1-s URL check)', async () => {
    const page = await newTab();
    await page.goto(inboxUrl({ path: '/latest/home', asset_id: '104522908800099' }), { timeout: 90_000 });
    await page.waitForFunction(() => '__sim' in window, { timeout: 60_000 });
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await new Promise((r) => setTimeout(r, 1500));
    const present = () => page.evaluate(() => document.querySelector('inbox-pilot-sidebar') !== null);
    expect(await present()).toBe(false);
    /** Clicks the first link matching `pick` with the mouse, as an agent does. */
    const clickLink = async (pick: string) => {
      const at = await page.evaluate((source) => {
        const el = (new Function(`return ${source}`)() as () => HTMLElement | null)();
        const box = el?.getBoundingClientRect();
        return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
      }, pick);
      expect(at).not.toBeNull();
      await page.mouse.click(at!.x, at!.y);
    };
    await clickLink(`() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'Go to inbox') ?? null`);
    await waitForSidebar(page, (root) => root.querySelector('[data-testid="timer-row"]') !== null);
    await clickLink(`() => document.querySelector('[role="navigation"] a[aria-label="Home"]')`);
    await poll(async () => ((await present()) ? null : true), 15_000, 'the sidebar to leave with the inbox');
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true); // no reload happened
    await page.close();
  }, 180_000);

  it('made no request outside the simulated inbox from the page or the add-on', () => {
    // Firefox's own background services are refused by the proxy; the page and the add-on ask for nothing else.
    const fromPage = firefox.requests.filter((r) => /facebook\.com/.test(r.url) && r.outcome !== 'served');
    expect(fromPage).toEqual([]);
  });
});

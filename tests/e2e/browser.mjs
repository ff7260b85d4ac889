// @ts-check
// Real-browser harness: Chromium + the built extension + the simulated inbox
// served as https://business.facebook.com/... by request routing. Every
// request that is not the simulated inbox or the extension's own files is
// blocked and logged, so a test can prove the extension makes no request.
// Plain ESM with JSDoc so vitest specs and scripts/demo.mjs share it.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { shadowLocator } from './sidebar-locator.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; E2E_EXTENSION_DIR points elsewhere (e.g. a private build while others rebuild .output). */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ? path.resolve(process.env.E2E_EXTENSION_DIR) : path.join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/inbox');
/** The Page id the simulated inbox is opened with. */
export const PAGE_ID = '104522908812345';
/** The hosts the simulated inbox is served on (the 2026 evidence also lists business.meta.com). */
const HOSTS = { business: 'business.facebook.com', www: 'www.facebook.com', meta: 'business.meta.com' };
const FB_HOSTS = new Set(Object.values(HOSTS));

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The Chromium-family browser to drive: CHROME_PATH, else a common install path. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium-family browser found. Install one (Debian/Ubuntu: `apt-get install -y chromium`) ' +
        `or set CHROME_PATH to its executable. Looked in: ${CANDIDATES.join(', ')}`,
    );
  }
  return found;
}

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** What the sim serves for a file (shared with tests/firefox/firefox.mjs). @param {string} file */
export async function fileBody(file) {
  return { status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
}

/**
 * What the simulated facebook.com serves for a URL (null: unknown path, 404).
 * @param {URL} url
 */
export function simulatedFile(url) {
  if (url.pathname.startsWith('/__sim/')) {
    const file = path.resolve(FIXTURES_DIR, '.' + decodeURIComponent(url.pathname.slice('/__sim'.length)));
    return file.startsWith(FIXTURES_DIR + path.sep) && existsSync(file) ? file : null;
  }
  if (url.pathname === '/latest' || url.pathname.startsWith('/latest/')) return path.join(FIXTURES_DIR, 'index.html');
  if (url.pathname === '/' && url.hostname === 'www.facebook.com') return path.join(FIXTURES_DIR, 'facebook-home.html');
  return null;
}

/**
 * @typedef {{ url: string, method: string, from: string, outcome: 'served' | 'not-found' | 'blocked' | 'extension' | 'unrouted' | 'passed' }} RequestRecord
 * @typedef {{ where: string, text: string }} ErrorRecord
 * @typedef {{ headed?: boolean, extensionDir?: string, viewport?: { width: number, height: number }, locale?: string, slowMo?: number, allowOrigins?: string[] }} LaunchOptions
 * @typedef {{ host?: 'business' | 'www' | 'meta', tab?: string, path?: string, speed?: 'normal' | 'fast' | 'off', locale?: 'en_US' | 'fr_FR', layout?: '2026' | '2025-11', [param: string]: string | number | undefined }} InboxOptions
 *   layout: the sim's page layout, '2026' (default, tests/fixtures/inbox/LAYOUT-2026.md) or the dated '2025-11'.
 */

/** @param {import('playwright-core').Request} req */
function requestSource(req) {
  try {
    const sw = req.serviceWorker();
    if (sw) return `service-worker ${sw.url()}`;
  } catch {
    /* older Playwright */
  }
  try {
    const frame = req.frame();
    return `frame ${frame.url()}`;
  } catch {
    return 'unknown';
  }
}

/**
 * Launches Chromium with the extension. Close it with `browser.close()`.
 * @param {LaunchOptions} [options]
 */
export async function launch(options = {}) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  // A build running in parallel empties the folder for a few seconds: wait for it rather than fail.
  for (let waited = 0; !existsSync(path.join(extensionDir, 'manifest.json')); waited += 500) {
    if (waited >= 30_000) throw new Error(`No built extension in ${extensionDir}. Run \`npx wxt build\` first.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const headed = options.headed ?? false;
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChrome(),
    headless: false, // headless is asked for with --headless=new below: the old mode cannot load extensions
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'en-US',
    slowMo: options.slowMo,
    args: [
      ...(headed ? [] : ['--headless=new']),
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-gpu',
      '--disable-quic',
      '--disable-dev-shm-usage',
      // Nothing may reach the real network: hosts that escape routing do not resolve.
      // (A test's own loopback server, allowOrigins, is excluded from the rule.)
      `--host-resolver-rules=MAP * ~NOTFOUND${[...new Set((options.allowOrigins ?? []).map((o) => new URL(o).hostname))].map((h) => `, EXCLUDE ${h}`).join('')}`,
      ...(options.locale?.startsWith('fr') ? ['--lang=fr-FR'] : []),
    ],
  });

  // Fail in seconds, not after Playwright's default 30 s: the simulated inbox is local.
  context.setDefaultTimeout(10_000);

  /** @type {RequestRecord[]} */
  const requests = [];
  /** @type {ErrorRecord[]} */
  const errors = [];

  /** @type {Map<import('playwright-core').Request, RequestRecord>} */
  const byRequest = new Map();
  const recordOf = (/** @type {import('playwright-core').Request} */ req) => {
    let record = byRequest.get(req);
    if (!record) {
      const extension = req.url().startsWith('chrome-extension:');
      record = { url: req.url(), method: req.method(), from: requestSource(req), outcome: extension ? 'extension' : 'unrouted' };
      byRequest.set(req, record);
      if (!req.url().startsWith('data:')) requests.push(record);
    }
    return record;
  };
  // Every request is recorded, including those the router never sees (service worker fetches, beacons).
  context.on('request', (req) => void recordOf(req));
  await context.route('**/*', async (route) => {
    const req = route.request();
    const record = recordOf(req);
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:') {
      record.outcome = 'extension';
      return route.continue();
    }
    // A test's own local server (team sync's pouchdb-server on loopback) goes through, nothing else.
    if (options.allowOrigins?.includes(url.origin)) {
      record.outcome = 'passed';
      return route.continue();
    }
    if (url.protocol === 'https:' && FB_HOSTS.has(url.hostname)) {
      const file = simulatedFile(url);
      if (file) {
        record.outcome = 'served';
        return route.fulfill(await fileBody(file));
      }
      record.outcome = 'not-found';
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found (simulated facebook.com)' });
    }
    record.outcome = 'blocked';
    return route.abort('blockedbyclient');
  });

  const watchPage = (/** @type {import('playwright-core').Page} */ page) => {
    page.on('pageerror', (err) => errors.push({ where: `page ${page.url()}`, text: String(err.stack ?? err) }));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Blocked requests are reported through `requests`, not as errors.
      if (/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(msg.text())) return;
      errors.push({ where: `console ${page.url()}`, text: msg.text() });
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  const watchWorker = (/** @type {import('playwright-core').Worker} */ w) => {
    w.on('console', (msg) => msg.type() === 'error' && errors.push({ where: `service worker ${w.url()}`, text: msg.text() }));
    // Uncaught errors in the worker are kept inside it and collected at check time.
    w.evaluate(() => {
      const g = /** @type {any} */ (globalThis);
      g.__harnessErrors = g.__harnessErrors ?? [];
      self.addEventListener('error', (e) => g.__harnessErrors.push(String(e.message)));
      self.addEventListener('unhandledrejection', (e) => g.__harnessErrors.push(String(e.reason)));
    }).catch(() => undefined);
  };
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);

  // The persistent context opens with one blank tab: reuse it for the first page.
  let spare = context.pages()[0] ?? null;
  const newPage = async () => {
    const page = spare && spare.url() === 'about:blank' ? spare : await context.newPage();
    spare = null;
    return page;
  };

  const browser = {
    context,
    extensionId,
    requests,
    errors,
    /**
     * The service worker of the extension (restarted workers are looked up again; the newest one,
     * since a worker stopped a moment ago can still be listed and never answers).
     */
    worker: () => context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)).at(-1) ?? worker,

    /**
     * Writes keys into the extension's `storage.local` (as the options page would save settings:
     * keys are WXT item keys without the `local:` area, e.g. `settings.general`).
     * @param {Record<string, unknown>} values
     */
    setStorage: (values) =>
      browser.worker().evaluate(async (v) => {
        await /** @type {any} */ (globalThis).chrome.storage.local.set(v);
      }, values),

    /** Removes keys from the extension's `storage.local`. @param {string[]} keys */
    removeStorage: (keys) =>
      browser.worker().evaluate(async (k) => {
        await /** @type {any} */ (globalThis).chrome.storage.local.remove(k);
      }, keys),

    /**
     * Opens the simulated inbox (speed off and English unless told) and waits until it is rendered.
     * @param {InboxOptions} [opts]
     */
    async openInbox(opts = {}) {
      const page = await newPage();
      await page.goto(inboxUrl(opts));
      await page.waitForFunction(() => '__sim' in window);
      return page;
    },

    /** Opens any URL in a new tab (e.g. https://business.facebook.com/latest/home). @param {string} url */
    async openPage(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },

    /** The popup page in a tab sized like a popup: its content's size, at most 800×600 as Chrome allows. */
    async openPopup() {
      const page = await newPage();
      await page.setViewportSize({ width: 120, height: 60 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(200); // let the popup render its first data
      const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
      await page.setViewportSize({ width: Math.min(800, Math.max(200, size.width)), height: Math.min(600, Math.max(100, size.height)) });
      return page;
    },

    async openOptions() {
      const page = await newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    },

    /** Requests that left the simulated inbox and the extension's own files (should be empty). */
    unexpectedRequests() {
      return requests.filter((r) => r.outcome !== 'served' && r.outcome !== 'extension');
    },

    /** Requests made by extension contexts (pages and service worker) to anything but their own files. */
    extensionNetworkRequests() {
      return requests.filter((r) => r.outcome !== 'extension' && /chrome-extension:\/\//.test(r.from));
    },

    /** Page, console and service-worker errors seen so far. */
    async allErrors() {
      // Bounded: a worker handle that went away (stopped by a spec) may never answer. Its
      // console errors were collected live above; what it kept inside died with it anyway.
      /** @type {string[]} */
      const unreachable = [];
      const fromWorker = await Promise.race([
        browser
          .worker()
          .evaluate(() => /** @type {string[]} */ (/** @type {any} */ (globalThis).__harnessErrors ?? []))
          .catch(() => unreachable),
        /** @type {Promise<string[]>} */ (new Promise((resolve) => setTimeout(() => resolve(unreachable), 5000).unref())),
      ]);
      return [...errors, ...fromWorker.map((text) => ({ where: 'service worker', text }))];
    },

    async close() {
      await context.close();
    },
  };
  return browser;
}

/**
 * The URL of the simulated inbox for these options.
 * @param {InboxOptions} [opts]
 */
export function inboxUrl(opts = {}) {
  const { host = 'business', tab = 'all', path: p, ...rest } = opts;
  const url = new URL(`https://${HOSTS[host]}${p ?? `/latest/inbox/${tab}`}`);
  const params = { asset_id: PAGE_ID, speed: 'off', ...rest };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.href;
}

/**
 * The sidebar's root in its frame, as a Playwright-like locator reached through the content script's
 * own handle on the frame (see sidebar-locator.mjs): `sidebar(page).locator(css, { hasText })`,
 * `first/last/nth/filter`, `count`, `textContent`, `getAttribute`, `boundingBox`, `isVisible`,
 * `waitFor({ state })`, `click` (a real mouse click), `fill`, `press`.
 * @param {import('playwright-core').Page} page
 */
export function sidebar(page) {
  return sidebarShadow(page).locator('[data-testid="inbox-pilot-sidebar"]');
}

/** Everything in the sidebar's frame (for elements outside its main container). @param {import('playwright-core').Page} page */
export function sidebarShadow(page) {
  return shadowLocator(page, []);
}

export { evaluateInSidebar, isolatedWorld, sidebarFrame } from './sidebar-locator.mjs';

// Feasibility probe for lazy content-script code (issue 14, size): can the content script `import()` a
// web-accessible module, does that module run in the content script's isolated world, and can the page
// see it? Nothing here ships: it copies the built extension, adds a probe module and a few lines to the
// copy's content script, and drives real Chromium and Firefox on the simulated inbox.
//
//   npx wxt build && npx wxt build -b firefox && node scripts/bench/lib/probe-lazy-import.mjs
//
// Prints, per browser: whether the import worked, whether the module saw the content script's globals
// (isolated world) and the extension API, whether the page's own world saw the module's global, and
// whether the module's URL shows in the page's resource timing (a way for the page to learn it).
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

const PROBE_MODULE = `
export function check() {
  return {
    sawContentGlobal: typeof globalThis.__ipProbeContent === 'number',
    hasRuntimeId: typeof (globalThis.browser ?? globalThis.chrome)?.runtime?.id === 'string',
    url: import.meta.url,
  };
}
globalThis.__ipProbeModule = 1;
`;

// Appended to the copy's content script (a classic script): the result goes to a DOM attribute the test reads.
const PROBE_LOADER = `
;(() => {
  globalThis.__ipProbeContent = 1;
  const api = globalThis.browser ?? globalThis.chrome;
  import(api.runtime.getURL('/probe-lazy.js')).then(
    (m) => document.documentElement.setAttribute('data-ip-probe', JSON.stringify({ ok: true, ...m.check() })),
    (e) => document.documentElement.setAttribute('data-ip-probe', JSON.stringify({ ok: false, error: String(e) })),
  );
})();
`;

function prepare(kind) {
  const dir = mkdtempSync(join(tmpdir(), `ip-probe-${kind}-`));
  cpSync(join(root, `.output/${kind}-mv3`), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // Web-accessible resources take origins only (Chrome refuses a path): the inbox hosts.
  const matches = manifest.content_scripts[0].matches.map((m) => m.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*'));
  manifest.web_accessible_resources = [
    ...(manifest.web_accessible_resources ?? []),
    { resources: ['probe-lazy.js'], matches, ...(kind === 'chrome' ? { use_dynamic_url: true } : {}) },
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'probe-lazy.js'), PROBE_MODULE);
  appendFileSync(join(dir, manifest.content_scripts[0].js[0]), PROBE_LOADER);
  return dir;
}

/** Runs in the page's main world. */
const pageSide = () => ({
  probe: document.documentElement.getAttribute('data-ip-probe'),
  pageSawModuleGlobal: typeof globalThis.__ipProbeModule !== 'undefined',
  extensionUrlsInResourceTiming: performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /^(chrome|moz)-extension:/.test(n)),
});

async function waitForProbe(evaluate) {
  for (let i = 0; i < 60; i++) {
    const r = await evaluate();
    if (r.probe) return { ...r, probe: JSON.parse(r.probe) };
    await new Promise((res) => setTimeout(res, 500));
  }
  return { probe: null };
}

async function chromium() {
  const dir = prepare('chrome');
  const { launch } = await import('../../../tests/e2e/browser.mjs');
  const browser = await launch({ extensionDir: dir });
  try {
    const page = await browser.openInbox();
    const result = await waitForProbe(() => page.evaluate(pageSide));
    // Can the page fetch the module at its static URL (what use_dynamic_url is meant to prevent)?
    const staticUrl = `chrome-extension://${browser.extensionId}/probe-lazy.js`;
    result.pageFetchOfStaticUrl = await page.evaluate((u) => fetch(u).then((r) => `status ${r.status}`, (e) => `refused (${e.message})`), staticUrl);
    // Today's build already has one web-accessible file, the sidebar's CSS (WXT, no use_dynamic_url).
    const cssUrl = `chrome-extension://${browser.extensionId}/content-scripts/inbox.css`;
    result.pageFetchOfTodaysCss = await page.evaluate((u) => fetch(u).then((r) => `status ${r.status}`, (e) => `refused (${e.message})`), cssUrl);
    result.sidebarHostInPageDom = await page.evaluate(() => document.querySelector('inbox-pilot-sidebar') !== null);
    return result;
  } finally {
    await browser.close();
  }
}

async function firefox() {
  process.env.E2E_FIREFOX_EXTENSION_DIR = prepare('firefox');
  const { launchFirefox } = await import('../../../tests/firefox/firefox.mjs');
  const { inboxUrl } = await import('../../../tests/e2e/browser.mjs');
  const ff = await launchFirefox();
  try {
    const page = await ff.browser.newPage();
    await page.goto(inboxUrl(), { timeout: 90_000 });
    const result = await waitForProbe(() => page.evaluate(pageSide));
    result.pageFetchOfStaticUrl = await page.evaluate((u) => fetch(u).then((r) => `status ${r.status}`, (e) => `refused (${e.message})`), ff.extensionUrl('probe-lazy.js'));
    return result;
  } finally {
    await ff.close();
  }
}

for (const [name, fn] of [['Chromium', chromium], ['Firefox', firefox]].filter(([n]) => !process.argv[2] || n === process.argv[2])) {
  try {
    console.log(name, JSON.stringify(await fn(), null, 2));
  } catch (error) {
    console.log(name, 'probe failed:', error);
  }
}

// @ts-check
// Real Firefox harness: Debian's firefox-esr driven through WebDriver BiDi by
// puppeteer-core, with the Firefox build installed as a temporary add-on.
// Firefox cannot route requests like Playwright does, so the simulated inbox
// is served by a local HTTPS server (self-signed certificate made at start)
// behind a local proxy that Firefox is told to use for everything: CONNECT to
// business.facebook.com / www.facebook.com reaches the local server, every
// other request is refused and logged (nothing reaches the internet).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, fileBody, simulatedFile } from '../e2e/browser.mjs';

export const FIREFOX_EXTENSION_DIR = process.env.E2E_FIREFOX_EXTENSION_DIR
  ? path.resolve(process.env.E2E_FIREFOX_EXTENSION_DIR)
  : path.join(ROOT, '.output/firefox-mv3');
const FB_HOSTS = new Set(['business.facebook.com', 'www.facebook.com']);
/** The moz-extension:// host is a per-profile UUID; fixing it lets tests open the popup. */
export const EXTENSION_UUID = '6f1d3c2a-5b8e-4c7d-9a0f-1e2d3c4b5a69';
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`No Firefox found (Debian/Ubuntu: \`apt-get install -y firefox-esr\`, or set FIREFOX_PATH). Looked in: ${CANDIDATES.join(', ')}`);
  return found;
}

/** A throw-away certificate for the two hosts, made with openssl for this run only. */
function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'inbox-pilot-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=business.facebook.com',
      '-addext', 'subjectAltName=DNS:business.facebook.com,DNS:www.facebook.com',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @typedef {{ url: string, outcome: 'served' | 'not-found' | 'blocked' }} ProxyRecord
 */

/** The local HTTPS "facebook.com" and the proxy in front of it. */
async function startServers() {
  /** @type {ProxyRecord[]} */
  const requests = [];
  const site = createHttpsServer(selfSignedCertificate(), async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const file = FB_HOSTS.has(url.hostname) ? simulatedFile(url) : null;
    requests.push({ url: url.href, outcome: file ? 'served' : 'not-found' });
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found (simulated facebook.com)');
      return;
    }
    const { status, contentType, body } = await fileBody(file);
    res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
  const sitePort = /** @type {import('node:net').AddressInfo} */ (site.address()).port;

  const proxy = createHttpServer((req, res) => {
    // Plain-HTTP requests through the proxy: nothing is served in clear.
    requests.push({ url: req.url ?? '', outcome: 'blocked' });
    res.writeHead(403).end();
  });
  /** Tunnels leave the HTTP server's bookkeeping: tracked here so closing ends them. */
  const tunnels = new Set();
  proxy.on('connect', (req, socket, head) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !FB_HOSTS.has(host) || port !== '443') {
      requests.push({ url: `https://${req.url}`, outcome: 'blocked' });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(sitePort, '127.0.0.1', () => {
      tunnels.add(upstream);
      upstream.on('close', () => tunnels.delete(upstream));
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const proxyPort = /** @type {import('node:net').AddressInfo} */ (proxy.address()).port;
  const close = async () => {
    for (const socket of tunnels) socket.destroy();
    proxy.closeAllConnections?.();
    site.closeAllConnections?.();
    await Promise.all([new Promise((r) => proxy.close(() => r(undefined))), new Promise((r) => site.close(() => r(undefined)))]);
  };
  return { requests, proxyPort, close };
}

/** @param {number} proxyPort @param {string} addonId */
function firefoxPrefs(proxyPort, addonId) {
  return {
    // Every request goes through the local proxy (localhost included).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // facebook.com is HSTS-preloaded and pinned: the test certificate must be accepted anyway.
    'network.stricttransportsecurity.preloadlist': false,
    'security.cert_pinning.enforcement_level': 0,
    // No background networking (there is no internet here, and it would only add noise).
    'app.update.enabled': false,
    'app.update.auto': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'services.settings.server': 'data:,#remote-settings-disabled',
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage': 'about:blank',
    'browser.shell.checkDefaultBrowser': false,
    'media.gmp-manager.updateEnabled': false,
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US, en',
    // A fixed moz-extension:// host for the add-on (tests open its popup page).
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
  };
}

/**
 * Launches Firefox with the built add-on. Close it with `close()`.
 * @param {{ headed?: boolean }} [options]
 */
export async function launchFirefox(options = {}) {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no gecko id: build with \`npx wxt build -b firefox\`.`);
  const servers = await startServers();
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: !options.headed,
      protocol: 'webDriverBiDi',
      acceptInsecureCerts: true,
      // Generous: a loaded 2-core machine starts Firefox in tens of seconds.
      timeout: 120_000,
      protocolTimeout: 120_000,
      extraPrefsFirefox: firefoxPrefs(servers.proxyPort, addonId),
      defaultViewport: { width: 1440, height: 900 },
    });
  } catch (error) {
    await servers.close();
    throw error;
  }
  const installedId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    addonId: installedId,
    requests: servers.requests,
    extensionUrl: (/** @type {string} */ file) => `moz-extension://${EXTENSION_UUID}/${file}`,
    async close() {
      // Bounded: a Firefox that does not answer is killed rather than left to hang the run.
      const closed = browser.close().then(() => true, () => false);
      const inTime = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 20_000))]);
      if (!inTime) browser.process()?.kill('SIGKILL');
      await servers.close();
    },
  };
}

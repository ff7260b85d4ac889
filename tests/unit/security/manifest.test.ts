import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, outputDir } from './built';
import { cspProblems } from './csp';
import { FORBIDDEN_IN_BUNDLE, listFiles, scanText } from './scan';
import { CONTENT_CHUNKS, lazyChunkFile } from '../../../utils/lazy/chunks';

/**
 * What the extension may ask for, and nothing more. Changing this list is a
 * product decision: update README.md ("Privacy & permissions") with it.
 */
const EXPECTED_PERMISSIONS = ['alarms', 'notifications', 'storage'];
/** Every Business Suite page (agents reach the inbox without a reload); the script idles outside the inbox. */
const INBOX_MATCHES = ['https://business.facebook.com/latest/*', 'https://www.facebook.com/latest/*'];
const INBOX_ORIGINS = ['https://business.facebook.com/*', 'https://www.facebook.com/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[]; world?: string; all_frames?: boolean; match_about_blank?: boolean }>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; extension_ids?: string[]; use_dynamic_url?: boolean }>;
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  externally_connectable?: unknown;
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string; persistent?: boolean };
}

let manifest: Manifest;

beforeAll(() => {
  ensureBuilt();
  manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8')) as Manifest;
}, 200_000);

describe('built manifest: permissions', () => {
  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks for exactly storage, notifications and alarms', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(EXPECTED_PERMISSIONS);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('has no host permissions: host access comes only from the content script matches', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Team sync (opt-in) asks for its server's one origin at runtime, from these patterns only: HTTPS, or loopback for tests.
    expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('runs its content script only on Business Suite pages of the two inbox hosts, in the isolated world', () => {
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect([...new Set(scripts.flatMap((s) => s.matches))].sort()).toEqual([...INBOX_MATCHES].sort());
    for (const s of scripts) {
      expect(s.world ?? 'ISOLATED').toBe('ISOLATED');
      expect(s.match_about_blank ?? false).toBe(false);
    }
  });

  it('exposes only the sidebar\'s frame and the content script\'s lazy chunks, only to the inbox hosts, and to no other extension', () => {
    // Lazy chunks (issue 14, utils/lazy/chunks.ts): modules the content script imports when a feature starts.
    // The sidebar's frame (components/sidebar/page-host.ts): the page the content script puts beside the inbox.
    const exposed = ['sidebar.html', ...CONTENT_CHUNKS.map(lazyChunkFile)];
    expect((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources).sort()).toEqual([...exposed].sort());
    for (const war of manifest.web_accessible_resources ?? []) {
      for (const m of war.matches ?? []) expect(INBOX_ORIGINS).toContain(m);
      expect(war.extension_ids ?? []).toEqual([]);
      // Served at a per-session URL: a page cannot fetch it at the fixed extension id to detect us.
      expect(war.use_dynamic_url).toBe(true);
    }
  });

  it('accepts no messages from web pages or other extensions', () => {
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('uses a service worker, not a persistent background page', () => {
    expect(manifest.background?.service_worker).toBeTruthy();
    expect(manifest.background?.page).toBeUndefined();
    expect(manifest.background?.persistent).toBeUndefined();
  });
});

describe('built manifest: content security policy', () => {
  it('keeps the MV3 default CSP for extension pages, or a stricter one', () => {
    const csp = manifest.content_security_policy;
    expect(typeof csp === 'string').toBe(false); // the MV2 string form would mean a wrong target
    const pages = typeof csp === 'object' ? csp.extension_pages : undefined;
    if (pages !== undefined) expect(cspProblems(pages)).toEqual([]);
    expect(manifest.sandbox).toBeUndefined();
  });

  it('the CSP check rejects loosened policies (so the test above can fail)', () => {
    expect(cspProblems("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';")).toEqual([]);
    expect(cspProblems("script-src 'self'; object-src 'none'")).toEqual([]);
    expect(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'self'")).toContain("script-src allows 'unsafe-eval'");
    expect(cspProblems("script-src 'self' https://cdn.example.com; object-src 'self'")).toContain('script-src allows https://cdn.example.com');
    expect(cspProblems("object-src 'self'")).not.toEqual([]);
    expect(cspProblems("default-src 'self'; script-src-elem 'self' 'unsafe-inline'")).toContain("script-src-elem allows 'unsafe-inline'");
  });
});

describe('built bundles', () => {
  it('contain no code evaluation or remote code (Preact\'s innerHTML support code is allowed: our source never uses it)', () => {
    const bundles = listFiles(outputDir, /\.js$/);
    expect(bundles.length).toBeGreaterThan(2);
    const findings = bundles.flatMap((f) => scanText(relative(outputDir, f), readFileSync(f, 'utf8'), FORBIDDEN_IN_BUNDLE, false));
    expect(findings.map((f) => `${f.file}: ${f.rule}`)).toEqual([]);
  });

  it('carry no test-only feature (the failing crash-test feature is built in only under IP_TEST_FEATURE=1)', () => {
    const bundles = listFiles(outputDir, /\.js$/);
    const leaked = bundles.filter((f) => /crash-test|inbox-pilot-crash-test/.test(readFileSync(f, 'utf8')));
    expect(leaked.map((f) => relative(outputDir, f))).toEqual([]);
  });

  it('extension pages load only packaged scripts and styles, with no inline script', () => {
    const pages = listFiles(outputDir, /\.html$/);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
        expect(m[1], `${relative(outputDir, page)} loads ${m[1]}`).not.toMatch(/^(?:[a-z][\w+.-]*:)?\/\//i);
      }
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (!/\ssrc\s*=/.test(m[1] ?? '')) expect((m[2] ?? '').trim(), `inline script in ${relative(outputDir, page)}`).toBe('');
      }
    }
  });
});

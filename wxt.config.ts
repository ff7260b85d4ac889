import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { buildLazyChunks } from './scripts/build/lazy-chunks';
import { stripDocsPlugin } from './scripts/build/strip-docs';
import { CONTENT_CHUNKS, LAZY_CHUNKS, lazyChunkFile } from './utils/lazy/chunks';

/**
 * The Firefox add-on id (AMO ties updates and the signing key to it). A team
 * that publishes its own build sets INBOX_PILOT_GECKO_ID (README "Firefox").
 */
export const GECKO_ID = process.env.INBOX_PILOT_GECKO_ID || '{e8a06a21-ba7c-42ff-afda-bc0a421d1064}';

/** The build-time constants every bundle sees (the lazy chunks too). */
const DEFINE = { 'import.meta.env.IP_TEST_FEATURE': JSON.stringify(process.env.IP_TEST_FEATURE === '1' ? '1' : '') };

/** Removes the polyfill module's `wxt/browser` alias from one build's Vite config. */
function withoutPolyfill(config: { resolve?: { alias?: unknown } }): void {
  const alias = config.resolve?.alias;
  const isPolyfill = (find: unknown) => find === 'wxt/browser';
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((a: { find: unknown }) => !isPolyfill(a.find));
  } else if (alias && typeof alias === 'object') {
    delete (alias as Record<string, unknown>)['wxt/browser'];
  }
}

/** Adds one build's own module aliases (before WXT's), each an exact import name to one of this project's files. */
function withAliases(config: { resolve?: { alias?: unknown } }, aliases: Record<string, string>): void {
  const added = Object.entries(aliases).map(([name, file]) => ({
    find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    replacement: fileURLToPath(new URL(file, import.meta.url)),
  }));
  config.resolve ??= {};
  const alias = config.resolve.alias;
  const existing = Array.isArray(alias) ? alias : Object.entries((alias as Record<string, string>) ?? {}).map(([find, replacement]) => ({ find, replacement }));
  config.resolve.alias = [...added, ...existing];
}

// The manifest asks for the least that works (see README "Privacy & permissions").
// Host access comes only from the content script's `matches` (the inbox hosts).
export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // The test build (IP_TEST_FEATURE=1, see `vite.define` below) never lands where the shipped build does.
  ...(process.env.IP_TEST_FEATURE === '1' ? { outDir: '.output-test' } : {}),
  // IP_SOURCEMAP=1: a build with source maps in .output-sourcemap, for `node scripts/bench/lib/size-attribution.mjs`.
  ...(process.env.IP_SOURCEMAP === '1' ? { outDir: '.output-sourcemap' } : {}),
  // webextension-polyfill serves the worker, popup and options (promise APIs, promise-returning onMessage
  // handlers). The content script goes without it (issue 14: 2.5 KB gzipped of its start-up): `wxt/browser`
  // there is the browser's own `browser`/`chrome` (promise-based in MV3 Chrome and in Firefox), and the one
  // handler it answers, utils/messaging's onMessages, replies through `sendResponse`, which every browser keeps.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The web-accessible files, where the content script runs: the sidebar's frame (an extension page the
    // content script puts beside the inbox, components/sidebar/page-host.ts) and the lazy chunks the content
    // script imports (utils/lazy/chunks.ts). Chrome serves a web-accessible file at the extension's fixed id,
    // so any facebook.com page could fetch it to learn that Inbox Pilot is installed. use_dynamic_url: the
    // content script still loads them, a page cannot (tests/e2e/security.e2e.ts). Firefox already gives every
    // install its own random moz-extension:// host.
    'build:manifestGenerated': (wxt, manifest) => {
      // A web-accessible entry's patterns name origins only (Chrome refuses a path other than /*).
      const matches = [...new Set((manifest.content_scripts?.[0]?.matches ?? []).map((m) => `${new URL(m.replace('*', 'x')).origin}/*`))];
      if (!matches.length) throw new Error('no content script matches to make the sidebar frame web-accessible to');
      const resources = ['sidebar.html', ...CONTENT_CHUNKS.map(lazyChunkFile)];
      const entry = wxt.config.browser === 'firefox' ? { resources, matches } : { resources, matches, use_dynamic_url: true };
      manifest.web_accessible_resources = [...((manifest.web_accessible_resources ?? []) as (typeof entry)[]), entry];
    },
    // Code the content script loads when a feature starts, not at start-up (issue 14; utils/lazy/chunks.ts).
    'build:publicAssets': async (_wxt, files) => {
      files.push(...(await buildLazyChunks(DEFINE)));
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'sidebar')) {
        // The sidebar frame's lazy parts (utils/lazy/chunks.ts, loaded by entrypoints/sidebar/main.tsx), each in a
        // file named after it, `chunks/lazy-<name>-<hash>.js`: what tests/e2e/lazy.e2e.ts takes away to see one fail.
        // Named only (chunkFileNames), not grouped (manualChunks would pull in the modules the worker shares with them).
        const named = new Map(Object.entries(LAZY_CHUNKS).map(([name, file]) => [fileURLToPath(new URL(file, import.meta.url)), `lazy-${name}`]));
        const output = config.build?.rollupOptions?.output;
        const base = Array.isArray(output) ? {} : (output ?? {});
        const fallback = base.chunkFileNames;
        const chunkFileNames = (chunk: { facadeModuleId: string | null; name: string }) => {
          const name = chunk.facadeModuleId ? named.get(chunk.facadeModuleId) : undefined;
          if (name) return `chunks/${name}-[hash].js`;
          if (typeof fallback === 'function') return fallback(chunk as never);
          return fallback ?? 'chunks/[name]-[hash].js';
        };
        config.build = { ...config.build, rollupOptions: { ...config.build?.rollupOptions, output: { ...base, chunkFileNames } } };
      }
      if (entrypoints.some((e) => e.type === 'content-script')) {
        withoutPolyfill(config);
        withAliases(config, {
          // Settings are read with a small reader of the keys wxt/storage writes (issue 14: 3.7 KB gzipped).
          'wxt/utils/storage': './utils/settings/storage-lite.ts',
        });
        // The content script draws nothing (the sidebar is its own frame): signals without their Preact binding,
        // so Preact is not in the script every inbox page parses. Same signal instances as @preact/signals' own.
        // (@preact/signals' own dependency, which npm installs beside it; its ES module build.)
        (config.resolve!.alias as { find: RegExp; replacement: string }[]).unshift({ find: /^@preact\/signals$/, replacement: '@preact/signals-core' });
        // The selector table's `why` documentation stays in the source and tests, not in the script (2.1 KB gzipped).
        config.plugins = [...(config.plugins ?? []), stripDocsPlugin];
        // Terser (two passes) instead of esbuild's minifier: 2.5 KB less gzipped for the script every inbox
        // page parses (issue 14); the other bundles keep esbuild's faster build.
        config.build = { ...config.build, minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 2 } } };
      }
    },
  },
  // MV3 everywhere: Firefox 140+ runs MV3 with an event page, and MV2 duplicated the shared chunk.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'alarms'],
    // Team sync (opt-in): the team server's origin is asked for at runtime, when the user connects.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleSidebar__',
      },
      'insert-top-suggestion': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandInsertTopSuggestion__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first ESR with data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the browser (README "Privacy & permissions").
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: process.env.IP_SOURCEMAP === '1' },
    // Issue 12: IP_TEST_FEATURE=1 builds in the test-only failing feature (components/features/crash-test);
    // any other value is the shipped build, where the constant folds to '' and the feature is dropped.
    define: DEFINE,
  }),
});

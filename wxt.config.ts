import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { buildLazyChunks } from './scripts/build/lazy-chunks';
import { stripDocsPlugin } from './scripts/build/strip-docs';
import { LAZY_CHUNKS, lazyChunkFile, type LazyChunk } from './utils/lazy/chunks';

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
    // Chrome serves a web-accessible file (the sidebar's CSS, which WXT fetches into the shadow root) at the
    // extension's fixed id, so any facebook.com page could fetch it to learn that Inbox Pilot is installed.
    // use_dynamic_url: the content script still loads it, a page cannot (tests/e2e/security.e2e.ts). Firefox
    // already gives every install its own random moz-extension:// host.
    'build:manifestGenerated': (wxt, manifest) => {
      // The lazy chunks (utils/lazy/chunks.ts) are web-accessible where the content script runs, as its CSS is.
      const wars = manifest.web_accessible_resources ?? [];
      const css = wars.find((w) => typeof w === 'object' && w.resources.some((r) => r.startsWith('content-scripts/')));
      if (!css || typeof css !== 'object') throw new Error('no web-accessible entry for the content script to add the lazy chunks to');
      css.resources.push(...(Object.keys(LAZY_CHUNKS) as LazyChunk[]).map(lazyChunkFile));
      if (wxt.config.browser === 'firefox') return;
      for (const war of wars) {
        if (typeof war === 'object') Object.assign(war, { use_dynamic_url: true });
      }
    },
    // Code the content script loads when a feature starts, not at start-up (issue 14; utils/lazy/chunks.ts).
    'build:publicAssets': async (_wxt, files) => {
      files.push(...(await buildLazyChunks(DEFINE)));
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'content-script')) {
        withoutPolyfill(config);
        withAliases(config, {
          // Settings are read with a small reader of the keys wxt/storage writes (issue 14: 3.7 KB gzipped).
          'wxt/utils/storage': './utils/settings/storage-lite.ts',
          // WXT's shadow-root UI imports this for autoMount, which we never use (1 KB gzipped).
          '@1natsu/wait-element': './utils/stubs/wait-element.ts',
          // The shadow host's name check: our one name is fixed and valid (0.2 KB gzipped of Unicode tables).
          'is-potential-custom-element-name': './utils/stubs/custom-element-name.ts',
        });
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

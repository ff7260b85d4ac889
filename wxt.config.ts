import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The Firefox add-on id (AMO ties updates and the signing key to it). A team
 * that publishes its own build sets INBOX_PILOT_GECKO_ID (README "Firefox").
 */
export const GECKO_ID = process.env.INBOX_PILOT_GECKO_ID || '{e8a06a21-ba7c-42ff-afda-bc0a421d1064}';

// The manifest asks for the least that works (see README "Privacy & permissions").
// Host access comes only from the content script's `matches` (the inbox hosts).
export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // The test build (IP_TEST_FEATURE=1, see `vite.define` below) never lands where the shipped build does.
  ...(process.env.IP_TEST_FEATURE === '1' ? { outDir: '.output-test' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
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
    build: { sourcemap: false },
    // Issue 12: IP_TEST_FEATURE=1 builds in the test-only failing feature (components/features/crash-test);
    // any other value is the shipped build, where the constant folds to '' and the feature is dropped.
    define: { 'import.meta.env.IP_TEST_FEATURE': JSON.stringify(process.env.IP_TEST_FEATURE === '1' ? '1' : '') },
  }),
});

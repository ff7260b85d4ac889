import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest asks for the least that works (see README "Privacy & permissions").
// Host access comes only from the content script's `matches` (the inbox hosts).
export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'alarms'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'insert-top-suggestion': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandInsertTopSuggestion__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'inbox-pilot@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
});

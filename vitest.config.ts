import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// WXT's Vitest plugin does not pick up `vite.plugins` from wxt.config.ts,
// so Preact's JSX transform is added here as well.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // Lazy chunks (utils/lazy/chunks.ts) are web-accessible files of a built extension; unit tests import their sources.
  resolve: { alias: [{ find: /^.*\/utils\/lazy\/load$/, replacement: fileURLToPath(new URL('./tests/unit/lazy-load.ts', import.meta.url)) }] },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Not a speed aim (those live in scripts/bench): a few tests replay whole simulated inboxes or merge
    // thousands of records and take about a second idle; under a loaded machine the 5-s default failed them.
    testTimeout: 20_000,
  },
});

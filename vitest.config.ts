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
  },
});

import { defineConfig } from 'vitest/config';

// Real Firefox (firefox-esr) with the Firefox build: `npm run test:firefox` builds first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // Firefox's start and the first page on a loaded 2-core machine take tens of seconds.
    testTimeout: 240_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});

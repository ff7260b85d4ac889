import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium + the built extension + the simulated inbox.
// `npm run test:e2e` builds first; the global setup only checks the build is there.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // 2 cores shared with the build: one browser at a time.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});

/**
 * End-to-end tests: the production build in a real Chromium, kept apart from the unit run
 * (`npx vitest run -c vitest.e2e.config.ts`). One browser at a time: each test file runs
 * a DuckDB worker, and parallel ones would only make the timings flaky.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // A browser test that fails once is worth reading, not retrying into a pass.
    retry: 0,
  },
});

import { defineConfig } from 'vitest/config';

// Unit tests (pure model) and engine tests (DuckDB-WASM's Node build). End-to-end tests in
// headless Chromium have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});

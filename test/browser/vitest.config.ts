import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the app and a headless Chromium of its own.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    reporters: ['verbose'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: one browser at a time keeps timings steady.
    fileParallelism: false,
  },
});

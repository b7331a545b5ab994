import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A focused test is a defect: fail the run instead of silently running a subset.
    allowOnly: false,
    passWithNoTests: false,
    // The Postgres tests skip without MTASTS_TEST_DATABASE_URL; this says so once per run.
    globalSetup: ['test/postgres-notice.ts'],
  },
});

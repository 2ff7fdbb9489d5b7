import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { CIVREG_QUIET: '1' },
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/print/**/*.test.ts', 'tests/platform-sim/**/*.test.ts', 'tests/sync/**/*.test.ts'],
          env: { CIVREG_QUIET: '1' },
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end: drives the built app (npm run build) in browser mode with Debian's chromium.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env: { CIVREG_QUIET: '1' },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

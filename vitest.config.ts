import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects, as in the style guide: fast unit tests (Node / happy-dom, fake browser APIs)
// and end-to-end tests that drive the built extension in real Chromium and Firefox.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.{ts,tsx}',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['test/testing-library-setup.ts', 'test/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and each browser wants both.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Sums up the launcher's network counts (issue 7, item 15) at the end of the run.
          globalSetup: ['e2e/support/network-report.ts'],
        },
      },
    ],
  },
});

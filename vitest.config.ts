import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts (whose root is the web app) so that tests are found from the project root.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./tests/helpers/run-temp.ts', './tests/helpers/compiled-cli.ts'],
    reporters: ['default', './tests/reporters/summary-line.ts'],
  },
});

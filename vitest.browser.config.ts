import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real platform in-process (PGlite, demo data) serving the built web app (npm run build:web
 * first), driven by playwright-core with Debian chromium. Run with `npm run test:browser`.
 */
export default defineConfig({
  test: {
    include: ['packages/web/test/browser/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each file starts a platform and a browser; one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const siteBuild = ['tests/support/global-build.ts'];

export default defineConfig({
  test: {
    root,
    // Builds share the project's .astro/ folder, so no two test files may build at once.
    fileParallelism: false,
    maxWorkers: 1,
    projects: [
      { test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'] } },
      {
        // Tests over a production build of the sample site (built once, in UTC, by the global setup).
        test: { name: 'build', root, include: ['tests/build/**/*.test.ts'], globalSetup: siteBuild, testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false },
      },
      {
        // Real Chromium against the same build.
        test: { name: 'e2e', root, include: ['tests/e2e/**/*.test.ts'], globalSetup: siteBuild, testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});

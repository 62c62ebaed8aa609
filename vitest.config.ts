import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time suit the 2-core machines; each server file holds its own PGlite instance.
    maxWorkers: 2,
    projects: [
      { test: { name: 'core', include: ['core/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['web/src/**/*.test.{ts,tsx}'],
          setupFiles: ['web/src/test/setup.ts'],
          // antd renders a lot of DOM; the first render of a page can take a few seconds on a busy machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});

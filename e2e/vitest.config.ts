import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One server, one browser at a time: the journeys change shared state (accounts, the audit chain).
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One server, one browser at a time: the journeys change shared state (accounts, the audit chain).
    fileParallelism: false,
    // A page settles when the server answers; on a busy two-core machine that can take seconds (a pipeline
    // snapshot recomputed after a registry change), so a poll waits up to 20 s before it fails.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});

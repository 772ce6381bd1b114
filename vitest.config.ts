import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Integration tests start real processes; keep them from starving each other on 2 cores.
    pool: 'forks',
  },
});

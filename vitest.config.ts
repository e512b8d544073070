import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // e2e tests start Chromium and a server; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One temporary folder per run, removed at its end (tests/helpers/run-temp-dir.ts).
    globalSetup: ['tests/helpers/run-temp-dir.ts'],
    // e2e polls the page until it shows what is expected; a throttled page on a busy machine is slow.
    expect: { poll: { timeout: 15_000 } },
  },
});

import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Chromium against saved pages served under
// their real host names (test/e2e/harness). One Chromium at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default poll gives up after 1 s; a loaded 2-core CI machine takes longer than that for
    // a message through the background. A poll still passes the moment its condition holds.
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['test/e2e/harness/global-setup.ts'],
  },
});

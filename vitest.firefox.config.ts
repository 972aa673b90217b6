import { defineConfig } from 'vitest/config';

// Real-Firefox tests: the built Firefox add-on (.output/firefox-mv2) in Firefox ESR, driven
// over Marionette (test/e2e-firefox). One Firefox at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default poll gives up after 1 s; a loaded 2-core CI machine takes longer than that for
    // a message through the background. A poll still passes the moment its condition holds.
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
  },
});

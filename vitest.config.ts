import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only; the real-browser tests in test/e2e run through playwright-core (npm run test:e2e).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: one worker on CI's two-core machine, where
    // two run the unit suite in 120 s instead of 200 s (each zone rerun likewise), inside CI's budget.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['test/unit/setup/testing-library.ts'],
  },
});

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROME_OUTPUT = path.resolve('.output/chrome-mv3');

let built = false;

/**
 * Builds the Chrome extension once per test run. scripts/test-all.sh builds before the
 * e2e step and sets FRONTLINE_SKIP_BUILD=1; a missing output is built regardless.
 */
export function ensureBuilt(): void {
  const hasOutput = existsSync(path.join(CHROME_OUTPUT, 'manifest.json'));
  if (built || (process.env.FRONTLINE_SKIP_BUILD === '1' && hasOutput)) return;
  const started = Date.now();
  // Vitest sets NODE_ENV=test; a build inheriting it compiles JSX for React's development
  // runtime but bundles the production one (no jsxDEV), and the overlay fails to mount.
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`npx wxt build failed (exit ${result.status ?? result.signal})`);
  console.log(`[e2e] built the extension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  built = true;
}

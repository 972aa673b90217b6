import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIREFOX_OUTPUT } from './firefox';

/**
 * Builds the Firefox add-on once before the suite (as test/e2e/harness/build.ts does for
 * Chrome). scripts/test-all.sh builds it before this step and sets FRONTLINE_SKIP_BUILD=1.
 */
export default function setup(): void {
  if (process.env.FRONTLINE_SKIP_BUILD === '1' && existsSync(path.join(FIREFOX_OUTPUT, 'manifest.json'))) return;
  const started = Date.now();
  // Vitest sets NODE_ENV=test; builds must be production (see wxt.config.ts).
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`npx wxt build -b firefox failed (exit ${result.status ?? result.signal})`);
  console.log(`[e2e-firefox] built the add-on in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Copies the built extension aside before measuring: others rebuild .output while benchmarks
 * run, and both runs of a comparison must load the very same files.
 */
export async function snapshotExtension(): Promise<string> {
  const source = path.resolve(process.env.FRONTLINE_EXTENSION ?? '.output/chrome-mv3');
  if (!existsSync(path.join(source, 'manifest.json')) || !existsSync(path.join(source, 'content-scripts/main.js'))) {
    throw new Error(`No complete build at ${source}: run \`npx wxt build\` first.`);
  }
  const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'frontline-bench-ext-')), 'chrome-mv3');
  await cp(source, target, { recursive: true });
  // A copy taken while a build was rewriting the folder would be missing files.
  for (const file of ['manifest.json', 'background.js', 'content-scripts/main.js', 'content-scripts/gate.js']) {
    if (!existsSync(path.join(target, file))) throw new Error(`The build at ${source} changed while it was copied (no ${file}); run again.`);
  }
  return target;
}

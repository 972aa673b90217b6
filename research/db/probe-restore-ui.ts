/**
 * Developer probe (not part of bench:db): profiles the restore as bench:db does it (the Data
 * tab's import control, fresh profile), printing the page's busiest functions and its idle time.
 *   flock /tmp/frontline-bench.lock npx tsx research/db/probe-restore-ui.ts [file.json]
 * Without a file it writes one from the bench generator (100,000 interactions) to /tmp.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { launchWithExtension } from '../../test/e2e/harness';
import { generateInNode } from '../../bench/db/seed';
import { printSelfTimes, type CpuProfile } from './self-times';

async function main() {
  const file = process.argv[2] ?? '/tmp/frontline-probe-export.json';
  if (!existsSync(file)) {
    const data = generateInNode({ contacts: 20_000, interactions: 100_000 }) as unknown as {
      contacts: unknown[]; interactions: Array<Record<string, unknown>>; events: unknown[];
    };
    const interactions = data.interactions.map(({ events: _e, ...i }) => i);
    writeFileSync(file, JSON.stringify({ format: 'frontline-export', version: 1, exportedAt: Date.now(), contacts: data.contacts, interactions, events: data.events }));
  }
  const b = await launchWithExtension({ extensionPath: process.env.EXT ?? '.output/chrome-mv3' });
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/dashboard.html#tab=data`);
    const input = page.locator('section[aria-labelledby="import-title"] input[type="file"]');
    await input.waitFor({ state: 'attached' });
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    await input.setInputFiles(file);
    const status = page.locator('section[aria-labelledby="import-title"] [role="status"]');
    await status.filter({ hasText: /Imported:|not imported|failed|cancelled/ }).waitFor({ timeout: 600_000 });
    console.log('restore', Date.now() - started, 'ms', await status.textContent());
    printSelfTimes(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
  } finally {
    await b.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });

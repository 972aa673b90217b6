import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { seedDatabase } from '../../bench/db/seed';

/** The bench's data set (bench:db); PROBE_CONTACTS / PROBE_INTERACTIONS for another size (e.g. what a flood leaves). */
const COUNTS = { contacts: Number(process.env.PROBE_CONTACTS ?? 20_000), interactions: Number(process.env.PROBE_INTERACTIONS ?? 100_000) };

export async function launch(ext: string, profile: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // PROBE_JS_FLAGS: V8 flags for the probe (e.g. "--expose-gc --single-threaded-gc" for probe-query-tail.ts --minor-gc).
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run', ...(process.env.PROBE_JS_FLAGS ? [`--js-flags=${process.env.PROBE_JS_FLAGS}`] : [])],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(sw.url()).host };
}

/** A persistent profile seeded once for this build folder (the extension id follows the folder's path). */
export async function seededProfile(ext: string): Promise<string> {
  const size = COUNTS.contacts === 20_000 && COUNTS.interactions === 100_000 ? '' : `-${COUNTS.contacts}-${COUNTS.interactions}`;
  const profile = `/tmp/fl-q/prof-${path.basename(ext)}${size}`;
  if (existsSync(`${profile}/.seeded`)) return profile;
  const { context, id } = await launch(ext, profile);
  try {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('.empty h2');
    await popup.close();
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    console.log('seeded', await seedDatabase(page, COUNTS));
  } finally {
    await context.close();
  }
  await writeFile(`${profile}/.seeded`, '');
  return profile;
}


import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../test/e2e/harness';
import { openWatched } from '../../bench/db/page-timing';
import { seedDatabase } from '../../bench/db/seed';
import { median, percentile } from '../../bench/db/stats';

/**
 * npx tsx research/db/probe-popup-size.ts <before-build> <after-build> [rounds]
 *
 * Two builds of the extension side by side (issue 22, popup first screen): the bytes popup.html
 * loads before its first render (its script and the chunks and styles it preloads), then both
 * profiles seeded with the bench's 100,000 interactions, and the popup opened in alternation,
 * five opens a round per build, so machine load falls on both alike. "First render" is the
 * bench's: the first contact row drawn.
 */
const COUNTS = { contacts: 20_000, interactions: 100_000 };
const READY = { contacts: 'li.contact-item', empty: '.empty h2' };

function popupBytes(dir: string): { total: number; files: string[] } {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const total = files.reduce((sum, f) => sum + readFileSync(path.join(dir, f)).length, 0);
  return { total, files };
}

async function seeded(dir: string): Promise<ExtensionBrowser> {
  const b = await launchWithExtension({ extensionPath: path.resolve(dir) });
  // The popup opens the database first, so Dexie creates it at the build's schema.
  (await openWatched(b.context, `chrome-extension://${b.extensionId}/popup.html`, READY)).page.close();
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/manifest.json`);
  await seedDatabase(page, COUNTS);
  await page.close();
  return b;
}

async function openOnce(b: ExtensionBrowser): Promise<number> {
  const { page, first } = await openWatched(b.context, `chrome-extension://${b.extensionId}/popup.html`, READY);
  await page.close();
  if (first.name !== 'contacts') throw new Error('the popup showed no contact');
  return first.ms;
}

async function main(): Promise<void> {
  const [before, after, roundsArg] = process.argv.slice(2);
  if (!before || !after) throw new Error('usage: probe-popup-size.ts <before-build> <after-build> [rounds]');
  const rounds = Number(roundsArg ?? 3);
  const builds = { before, after };
  for (const [name, dir] of Object.entries(builds)) {
    const { total, files } = popupBytes(dir);
    console.log(`${name}: popup.html loads ${(total / 1000).toFixed(1)} kB in ${files.length} files`);
  }
  const browsers = { before: await seeded(before), after: await seeded(after) };
  try {
    const p95s: Record<string, number[]> = { before: [], after: [] };
    const all: Record<string, number[]> = { before: [], after: [] };
    for (let round = 0; round < rounds; round++) {
      const opens: Record<string, number[]> = { before: [], after: [] };
      for (let n = 0; n < 5; n++) {
        // Alternate which build opens first, so neither always follows the other.
        const order = (round * 5 + n) % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
        for (const name of order) opens[name]!.push(await openOnce(browsers[name]));
      }
      for (const name of ['before', 'after'] as const) {
        p95s[name]!.push(percentile(opens[name]!, 95));
        all[name]!.push(...opens[name]!);
        console.log(`round ${round + 1} ${name}: ${opens[name]!.map((ms) => ms.toFixed(0)).join(', ')} ms; p95 ${percentile(opens[name]!, 95).toFixed(0)}`);
      }
    }
    for (const name of ['before', 'after'] as const) {
      console.log(`${name}: median of round p95s ${median(p95s[name]!).toFixed(0)} ms, median of all opens ${median(all[name]!).toFixed(0)} ms`);
    }
  } finally {
    await browsers.before.close();
    await browsers.after.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

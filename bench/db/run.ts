import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../test/e2e/harness';
import { snapshotExtension } from '../page/snapshot';
import { checkGeneratedRecords } from './check-records';
import { exportAll, importFile, popupFirstRender, searches, timelines, type Timed } from './measure-db';
import { printDbReport, type Tier } from './report';
import { seedDatabase, type SeedResult } from './seed';

/**
 * npm run bench:db — the popup, search, timeline, export and import on an empty database and
 * on one seeded with 20,000 contacts and 100,000 interactions, in one Chromium run; then the
 * big export restored into a fresh profile. See bench/README.md.
 */
const COUNTS = { contacts: 20_000, interactions: 100_000 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measureTier(b: ExtensionBrowser, ids: { heavy: string; typical: string } | null, dir: string, name: string): Promise<Tier> {
  const popup = await popupFirstRender(b);
  const popupAgain = await popupFirstRender(b);
  const search = await searches(b);
  const timeline = await timelines(b, ids);
  const exported = await exportAll(b, path.join(dir, `${name}.json`));
  const reimport = await importFile(b, exported.file);
  const searchSummary: Timed | null = search.length
    ? { ms: median(search.map((s) => s.ms)), note: `median of ${search.length}, max ${Math.max(...search.map((s) => s.ms)).toFixed(1)} ms` }
    : null;
  return { popup, popupAgain, search: searchSummary, searchDetail: search, ...timeline, exported, reimport };
}

async function main(): Promise<void> {
  checkGeneratedRecords();
  const extension = await snapshotExtension();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'frontline-bench-db-'));
  try {
    const b = await launchWithExtension({ extensionPath: extension });
    let empty: Tier;
    let seeded: Tier;
    let seed: SeedResult;
    try {
      process.stderr.write('… empty database\n');
      // The popup opens the database, so Dexie creates it at its current schema before seeding.
      empty = await measureTier(b, null, dir, 'empty');
      process.stderr.write(`… seeding ${COUNTS.contacts} contacts, ${COUNTS.interactions} interactions\n`);
      const seedPage = await b.context.newPage();
      await seedPage.goto(`chrome-extension://${b.extensionId}/manifest.json`);
      seed = await seedDatabase(seedPage, COUNTS);
      await seedPage.close();
      process.stderr.write('… seeded database\n');
      seeded = await measureTier(b, { heavy: seed.heavyContactId, typical: seed.typicalContactId }, dir, 'seeded');
    } finally {
      await b.close();
    }
    process.stderr.write('… restoring the export into a fresh profile\n');
    const fresh = await launchWithExtension({ extensionPath: extension });
    let restore: Timed;
    try {
      restore = await importFile(fresh, seeded.exported.file);
    } finally {
      await fresh.close();
    }
    printDbReport({ counts: COUNTS, seed, empty, seeded, restore });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(path.dirname(extension), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

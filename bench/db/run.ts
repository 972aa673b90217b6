import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../test/e2e/harness';
import { snapshotExtension } from '../page/snapshot';
import { checkGeneratedRecords } from './check-records';
import { exportAll, importFile, popupOpens, searches, timelines, type Timed } from './measure-db';
import { printDbReport, type Tier } from './report';
import { seedDatabase, type SeedResult } from './seed';
import { parseBenchArgs } from './stats';

/**
 * npm run bench:db — the popup, search, timeline, export and import on an empty database and
 * on one seeded with 20,000 contacts and 100,000 interactions, in one Chromium run; then the
 * big export restored into a fresh profile. The seeded database is measured `--runs` times
 * (default 3; the report prints each run and their median), `--no-transfer` leaves out export
 * and import (for iterating on the popup and search). See bench/README.md.
 */
const COUNTS = { contacts: 20_000, interactions: 100_000 };

async function measureTier(b: ExtensionBrowser, ids: { heavy: string; typical: string } | null, dir: string, name: string, transfer: boolean): Promise<Tier> {
  const popups = await popupOpens(b);
  const search = await searches(b);
  const timeline = await timelines(b, ids);
  const exported = transfer ? await exportAll(b, path.join(dir, `${name}.json`)) : null;
  const reimport = exported ? await importFile(b, exported.file) : null;
  return { popups, searches: search, ...timeline, exported, reimport };
}

async function main(): Promise<void> {
  const { runs, transfer } = parseBenchArgs(process.argv.slice(2));
  checkGeneratedRecords();
  const extension = await snapshotExtension();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'frontline-bench-db-'));
  try {
    const b = await launchWithExtension({ extensionPath: extension });
    let empty: Tier;
    const seeded: Tier[] = [];
    let seed: SeedResult;
    try {
      process.stderr.write('… empty database\n');
      // The popup opens the database, so Dexie creates it at its current schema before seeding.
      empty = await measureTier(b, null, dir, 'empty', transfer);
      process.stderr.write(`… seeding ${COUNTS.contacts} contacts, ${COUNTS.interactions} interactions\n`);
      const seedPage = await b.context.newPage();
      await seedPage.goto(`chrome-extension://${b.extensionId}/manifest.json`);
      seed = await seedDatabase(seedPage, COUNTS);
      await seedPage.close();
      for (let run = 1; run <= runs; run++) {
        process.stderr.write(`… seeded database, run ${run} of ${runs}\n`);
        seeded.push(await measureTier(b, { heavy: seed.heavyContactId, typical: seed.typicalContactId }, dir, `seeded-${run}`, transfer));
      }
    } finally {
      await b.close();
    }
    const restores: Timed[] = [];
    const file = seeded[0]!.exported?.file;
    for (let run = 1; file && run <= runs; run++) {
      process.stderr.write(`… restoring the export into a fresh profile, run ${run} of ${runs}\n`);
      const fresh = await launchWithExtension({ extensionPath: extension });
      try {
        restores.push(await importFile(fresh, file));
      } finally {
        await fresh.close();
      }
    }
    printDbReport({ counts: COUNTS, seed, empty, seeded, restores });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(path.dirname(extension), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { Page } from 'playwright-core';
import { build } from 'esbuild';
import { generateRecords } from './generate-records';

export interface SeedResult {
  contacts: number;
  interactions: number;
  events: number;
  heavyContactId: string;
  typicalContactId: string;
  generateMs: number;
  writeMs: number;
}

/**
 * Runs in a document of the extension's origin (which owns the database). The database must
 * already exist at Dexie's current version (a page of ours opened it): opening without a
 * version then gets exactly the stores and indexes lib/db/schema.ts declared, and these raw
 * writes go through the same index maintenance as Dexie's. Large chunks, one transaction
 * each, no per-record awaits: the fastest way IndexedDB offers.
 */
const SEED_IN_PAGE = `async (opts) => {
  const t0 = performance.now();
  const data = FLGenerate.generateRecords(opts);
  const t1 = performance.now();
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const known = await indexedDB.databases();
  if (!known.some((d) => d.name === 'frontline')) throw new Error('the extension has not created its database yet');
  const db = await done(indexedDB.open('frontline'));
  try {
    for (const store of ['contacts', 'histories', 'locator', 'directory']) {
      if (!db.objectStoreNames.contains(store)) throw new Error('no store ' + store + ' at version ' + db.version);
    }
    const CHUNK = 10000;
    // Events are stored inside their interactions (schema v5). The search directory (v6) is
    // derived from the contacts by lib/db/directory.ts itself (bundled into the page as FLDirectory).
    const directory = [...FLDirectory.buildShards(data.contacts).values()];
    // A person's interactions are one history record (schema v8), with the locator of their ids:
    // built by lib/db/histories.ts itself (bundled as FLHistories).
    const histories = FLHistories.historiesOf(data.interactions);
    const locator = [...FLHistories.buildLocator(histories).values()];
    for (const [store, rows] of [['contacts', data.contacts], ['histories', histories], ['locator', locator], ['directory', directory]]) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
        const os = tx.objectStore(store);
        for (let n = start; n < Math.min(start + CHUNK, rows.length); n++) os.put(rows[n]);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      }
    }
  } finally {
    db.close();
  }
  return {
    contacts: data.contacts.length, interactions: data.interactions.length, events: data.events.length,
    heavyContactId: data.heavyContactId, typicalContactId: data.typicalContactId,
    generateMs: t1 - t0, writeMs: performance.now() - t1,
  };
}`;

/** A module of ours as a page script that defines `globalName`: the page runs the same typed code as Node. */
export async function pageScript(entry: string, globalName: string): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    platform: 'browser',
    footer: { js: `globalThis.${globalName} = ${globalName};` },
  });
  return bundle.outputFiles[0]!.text;
}

/** bench/db/generate-records.ts as the page global FLGenerate. */
export const generatorScript = () => pageScript('bench/db/generate-records.ts', 'FLGenerate');

export async function seedDatabase(page: Page, counts: { contacts: number; interactions: number }): Promise<SeedResult> {
  const opts = { ...counts, now: Date.now(), seed: 11 };
  // lib/db/directory.ts as FLDirectory: the seed builds the directory with the extension's own code.
  await page.evaluate(await pageScript('lib/db/directory.ts', 'FLDirectory'));
  await page.evaluate(await pageScript('lib/db/histories.ts', 'FLHistories'));
  await page.evaluate(await generatorScript());
  return (await page.evaluate(`(${SEED_IN_PAGE})(${JSON.stringify(opts)})`)) as SeedResult;
}

/** The same generator in Node, for checking its output against lib/db/records.ts before seeding. */
export function generateInNode(counts: { contacts: number; interactions: number }) {
  return generateRecords({ ...counts, now: Date.now(), seed: 11 });
}

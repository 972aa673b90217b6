/**
 * npx tsx research/db/probe-restore-ab.ts <build-a> <build-b> [rounds=3] [interactions=100000]
 *
 * Restore into a fresh profile, two builds in alternation in one run (issue 22, branch restore2):
 * the bench data set (generate-records.ts, 20,000 people) written once as an export file, then
 * per round and build a fresh profile whose dashboard imports it (bench:db's importFile: the
 * file picked, until the status says imported), then the same file imported again into it (a
 * merge where every record is already there, as bench:db's "import same file"). The order
 * alternates between rounds, so the machine's load falls on both alike; medians and ratios printed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../../test/e2e/harness';
import { importFile } from '../../bench/db/measure-db';
import { generateRecords } from '../../bench/db/generate-records';
import { median } from '../../bench/db/stats';

async function main(): Promise<void> {
  const [a, b, roundsArg, nArg] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: probe-restore-ab.ts <build-a> <build-b> [rounds] [interactions]');
  const builds = [path.resolve(a), path.resolve(b)];
  const rounds = Number(roundsArg ?? 3);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'frontline-restore-ab-'));
  try {
    const now = Date.UTC(2026, 0, 15);
    const data = generateRecords({ contacts: 20_000, interactions: Number(nArg ?? 100_000), now, seed: 11 });
    const file = path.join(dir, 'export.json');
    const interactions = data.interactions.map(({ events: _events, ...i }) => i);
    await writeFile(file, JSON.stringify({ format: 'frontline-export', version: 1, exportedAt: now, contacts: data.contacts, interactions, events: data.events, corrections: [] }));
    const times: number[][] = builds.map(() => []);
    const merges: number[][] = builds.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const k of round % 2 ? [1, 0] : [0, 1]) {
        const browser = await launchWithExtension({ extensionPath: builds[k]! });
        try {
          const t = await importFile(browser, file);
          times[k]!.push(t.ms);
          const m = await importFile(browser, file);
          merges[k]!.push(m.ms);
          console.log(`round ${round + 1} ${k ? 'B' : 'A'} restore ${(t.ms / 1000).toFixed(2)} s, merge ${(m.ms / 1000).toFixed(2)} s  ${t.note} | ${m.note}`);
        } finally {
          await browser.close();
        }
      }
    }
    for (const [what, list] of [['restore', times], ['merge', merges]] as const) {
      const [ma, mb] = list.map(median) as [number, number];
      console.log(`${what}: median A ${(ma / 1000).toFixed(2)} s, B ${(mb / 1000).toFixed(2)} s, B/A ${(mb / ma).toFixed(2)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
main().catch((e) => { console.error(e); process.exit(1); });

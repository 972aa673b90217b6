/**
 * npx tsx research/db/probe-restore-phases.ts <build> [<build>...] [--rounds N]
 * The restore as bench:db does it (Data tab, fresh profile, bench file), builds alternating per
 * round; prints the total and any `TMARK` console lines a build logs (temporary phase marks).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../../test/e2e/harness';
import { importFile } from '../../bench/db/measure-db';
import { generateInNode } from '../../bench/db/seed';
import { median } from '../../bench/db/stats';

async function main() {
  const args = process.argv.slice(2);
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args[r + 1]) : 1;
  const builds = args.filter((a, n) => !a.startsWith('--') && args[n - 1] !== '--rounds').map((b) => path.resolve(b));
  const file = '/tmp/frontline-probe-export.json';
  if (!existsSync(file)) {
    const data = generateInNode({ contacts: 20_000, interactions: 100_000 }) as unknown as { contacts: unknown[]; interactions: Array<Record<string, unknown>>; events: unknown[] };
    const interactions = data.interactions.map(({ events: _e, ...i }) => i);
    writeFileSync(file, JSON.stringify({ format: 'frontline-export', version: 1, exportedAt: Date.now(), contacts: data.contacts, interactions, events: data.events }));
  }
  const times = builds.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    const order = builds.map((_, k) => k);
    if (round % 2) order.reverse();
    for (const k of order) {
      const b = await launchWithExtension({ extensionPath: builds[k]! });
      const marks: string[] = [];
      b.context.on('console', (m) => m.text().startsWith('TMARK') && marks.push(m.text().slice(6)));
      try {
        const t = await importFile(b, file);
        times[k]!.push(t.ms);
        console.log(`round ${round + 1} ${path.basename(builds[k]!)} ${(t.ms / 1000).toFixed(2)} s  ${marks.join(' | ')}  ${t.note}`);
      } finally {
        await b.close();
      }
    }
  }
  const m = times.map(median);
  builds.forEach((b, k) => console.log(`${path.basename(b)}: median ${(m[k]! / 1000).toFixed(2)} s (${times[k]!.map((x) => (x / 1000).toFixed(2)).join(', ')}), ratio to first ${(m[k]! / m[0]!).toFixed(2)}`));
}
main().catch((e) => { console.error(e); process.exit(1); });

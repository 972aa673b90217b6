/**
 * npx tsx research/db/probe-ab.ts <build-a> <build-b> [rounds]
 *
 * Two builds on the bench's data set, measured in alternation in one run (issue 22, branch query):
 * per round and build, bench:db's five popup opens (first contact row) and one search session
 * (its realistic queries typed one after another from the first row on). Each build keeps a
 * seeded persistent profile (seeded-profile.ts), so rounds skip seeding; the order of the builds
 * alternates between rounds, so the machine's load falls on both alike.
 */
import path from 'node:path';
import type { ExtensionBrowser } from '../../test/e2e/harness';
import { popupOpens, searches } from '../../bench/db/measure-db';
import { median, percentile } from '../../bench/db/stats';
import { launch, seededProfile } from './seeded-profile';

interface Figures {
  popupP95: number[];
  popupMedian: number[];
  worstSearch: number[];
  medianSearch: number[];
  perQuery: Map<string, number[]>;
}

async function main(): Promise<void> {
  const [a, b, roundsArg] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: probe-ab.ts <build-a> <build-b> [rounds]');
  const builds = [path.resolve(a), path.resolve(b)];
  const rounds = Number(roundsArg ?? 3);
  const opened = [];
  for (const ext of builds) {
    const { context, id } = await launch(ext, await seededProfile(ext));
    opened.push({ context, extensionId: id } as unknown as ExtensionBrowser);
  }
  const figures: Figures[] = builds.map(() => ({ popupP95: [], popupMedian: [], worstSearch: [], medianSearch: [], perQuery: new Map() }));
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [1, 0] : [0, 1];
      for (const k of order) {
        const popups = (await popupOpens(opened[k]!)).map((t) => t.ms);
        const typed = await searches(opened[k]!);
        const f = figures[k]!;
        f.popupP95.push(percentile(popups, 95));
        f.popupMedian.push(median(popups));
        f.worstSearch.push(Math.max(...typed.map((t) => t.ms)));
        f.medianSearch.push(median(typed.map((t) => t.ms)));
        for (const t of typed) f.perQuery.set(t.note!, [...(f.perQuery.get(t.note!) ?? []), t.ms]);
        console.log(
          `round ${round + 1} ${path.basename(builds[k]!)}: popup ${popups.map((ms) => ms.toFixed(0)).join(', ')} ms; search ${typed.map((t) => t.ms.toFixed(0)).join(', ')} ms`,
        );
      }
    }
  } finally {
    for (const b of opened) await b.context.close();
  }
  const fmt = (xs: number[]) => `${median(xs).toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  builds.forEach((ext, k) => {
    const f = figures[k]!;
    console.log(`\n${path.basename(ext)}: popup p95 ${fmt(f.popupP95)}; popup median ${fmt(f.popupMedian)}; worst search ${fmt(f.worstSearch)}; median search ${fmt(f.medianSearch)}`);
    for (const [q, xs] of f.perQuery) console.log(`  ${q}: ${xs.map((x) => x.toFixed(0)).join(', ')}`);
  });
  const ratio = (pick: (f: Figures) => number[]) => (median(pick(figures[1]!)) / median(pick(figures[0]!))).toFixed(2);
  console.log(`\nratio ${path.basename(builds[1]!)} / ${path.basename(builds[0]!)}: popup p95 ${ratio((f) => f.popupP95)}, popup median ${ratio((f) => f.popupMedian)}, worst search ${ratio((f) => f.worstSearch)}, median search ${ratio((f) => f.medianSearch)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

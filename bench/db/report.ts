import type { Timed } from './measure-db';
import type { SeedResult } from './seed';
import { median, percentile } from './stats';

export interface Tier {
  /** The popup opened POPUP_OPENS times, the cold open first. */
  popups: Timed[];
  searches: Timed[];
  cold: Timed;
  switchTypical: Timed | null;
  switchHeavy: Timed | null;
  /** Null when the run left out export and import (--no-transfer). */
  exported: (Timed & { file: string; bytes: number }) | null;
  reimport: Timed | null;
}

const ms = (t: number | null) => (t === null || Number.isNaN(t) ? 'n/a' : t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
const msOf = (xs: readonly Timed[]) => xs.map((x) => x.ms);

/** One measure: how to read it from a tier, and its goal (null: shown, not judged). */
interface Row {
  name: string;
  of: (t: Tier) => number | null;
  goal: string;
  goalMs: number | null;
}

const ROWS: Row[] = [
  { name: 'popup first render, p95 of opens', of: (t) => percentile(msOf(t.popups), 95), goal: '<= 200 ms', goalMs: 200 },
  { name: 'popup first render, median of opens', of: (t) => median(msOf(t.popups)), goal: '', goalMs: null },
  { name: 'search, worst query', of: (t) => (t.searches.length ? Math.max(...msOf(t.searches)) : null), goal: '<= 50 ms', goalMs: 50 },
  { name: 'search, median of queries', of: (t) => (t.searches.length ? median(msOf(t.searches)) : null), goal: '', goalMs: null },
  { name: 'timeline, switch contact (typical)', of: (t) => t.switchTypical?.ms ?? null, goal: '<= 50 ms', goalMs: 50 },
  { name: 'timeline, switch contact (heaviest)', of: (t) => t.switchHeavy?.ms ?? null, goal: '<= 50 ms', goalMs: 50 },
  { name: 'timeline, dashboard opened on link', of: (t) => t.cold.ms, goal: '(page load)', goalMs: null },
  { name: 'export JSON (click → download)', of: (t) => t.exported?.ms ?? null, goal: '<= 3 s', goalMs: 3000 },
  { name: 'import same file (merge)', of: (t) => t.reimport?.ms ?? null, goal: '<= 10 s', goalMs: 10_000 },
];

function printTable(head: string[], body: string[][]): void {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  for (const row of body) console.log(line(row));
}

/**
 * Every measure on the empty database, on each run of the seeded one and the median of those
 * runs; the verdict is the median's. A run's search figure is its worst query, not a median: the
 * query an agent types is the one that must be fast.
 */
export function printDbReport(r: { counts: { contacts: number; interactions: number }; seed: SeedResult; empty: Tier; seeded: Tier[]; restores: Timed[] }): void {
  const { seed, empty, seeded } = r;
  console.log(
    `\nFrontline database benchmark — Chromium headless, ${new Date().toISOString()}, ${seeded.length} run(s)\n` +
      `seeded ${seed.contacts} contacts, ${seed.interactions} interactions, ${seed.events} events ` +
      `(generated in ${(seed.generateMs / 1000).toFixed(1)} s, written in ${(seed.writeMs / 1000).toFixed(1)} s)\n`,
  );
  const verdict = (value: number | null, goalMs: number | null) =>
    value === null || goalMs === null || Number.isNaN(value) ? '' : value <= goalMs ? 'ok' : 'OVER GOAL';
  const runHeads = seeded.map((_, n) => `run ${n + 1}`);
  const body = ROWS.map((row) => {
    const values = seeded.map(row.of);
    const known = values.filter((v): v is number => v !== null);
    const mid = known.length ? median(known) : null;
    return [row.name, ms(row.of(empty)), ...values.map(ms), ms(mid), row.goal, verdict(mid, row.goalMs)];
  });
  if (r.restores.length) {
    const mid = median(msOf(r.restores));
    body.push(['import into fresh profile (restore)', 'n/a', ...seeded.map((_, n) => ms(r.restores[n]?.ms ?? null)), ms(mid), '<= 10 s', verdict(mid, 10_000)]);
  }
  printTable(['measure', 'empty db', ...runHeads, 'median', 'goal', ''], body);

  console.log('\ndetails (seeded, run 1):');
  const first = seeded[0]!;
  console.log(`  popup opens: ${first.popups.map((p) => ms(p.ms)).join(', ')} (${first.popups[0]?.note ?? ''})`);
  const notes: Array<[string, Timed | null | undefined]> = [
    ['timeline cold', first.cold],
    ['timeline typical', first.switchTypical],
    ['timeline heaviest', first.switchHeavy],
    ['export', first.exported],
    ['import (merge)', first.reimport],
    ['import (restore)', r.restores[0]],
    ['import (empty file)', empty.reimport],
  ];
  for (const [name, t] of notes) if (t?.note) console.log(`  ${name}: ${t.note}`);
  console.log('\nsearch, each query (seeded, every run):');
  first.searches.forEach((s, n) => console.log(`  ${s.note}: ${seeded.map((t) => ms(t.searches[n]?.ms ?? null)).join(', ')}`));
}

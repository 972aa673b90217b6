import type { Timed } from './measure-db';
import type { SeedResult } from './seed';

export interface Tier {
  popup: Timed;
  popupAgain: Timed;
  search: Timed | null;
  searchDetail: Timed[];
  cold: Timed;
  switchTypical: Timed | null;
  switchHeavy: Timed | null;
  exported: Timed & { file: string; bytes: number };
  reimport: Timed;
}

const ms = (t: Timed | null) => (t ? (t.ms >= 1000 ? `${(t.ms / 1000).toFixed(2)} s` : `${t.ms.toFixed(1)} ms`) : 'n/a');
const check = (t: Timed | null, goalMs: number | null) => (!t || goalMs === null ? '' : t.ms <= goalMs ? 'ok' : 'OVER GOAL');

export function printDbReport(r: { counts: { contacts: number; interactions: number }; seed: SeedResult; empty: Tier; seeded: Tier; restore: Timed }): void {
  const { seed, empty, seeded } = r;
  console.log(
    `\nFrontline database benchmark — Chromium headless, ${new Date().toISOString()}\n` +
      `seeded ${seed.contacts} contacts, ${seed.interactions} interactions, ${seed.events} events ` +
      `(generated in ${(seed.generateMs / 1000).toFixed(1)} s, written in ${(seed.writeMs / 1000).toFixed(1)} s)\n`,
  );
  const rows: Array<[string, Timed | null, Timed | null, string, number | null]> = [
    ['popup first render (1st open)', empty.popup, seeded.popup, '<= 200 ms', 200],
    ['popup first render (2nd open)', empty.popupAgain, seeded.popupAgain, '<= 200 ms', 200],
    ['search, median of queries', empty.search, seeded.search, '<= 50 ms', 50],
    ['timeline, switch contact (typical)', empty.switchTypical, seeded.switchTypical, '<= 50 ms', 50],
    ['timeline, switch contact (heaviest)', empty.switchHeavy, seeded.switchHeavy, '<= 50 ms', 50],
    ['timeline, dashboard opened on link', empty.cold, seeded.cold, '(page load)', null],
    ['export JSON (click → download)', empty.exported, seeded.exported, '<= 3 s', 3000],
    ['import same file (merge)', empty.reimport, seeded.reimport, '<= 10 s', 10_000],
    ['import into fresh profile (restore)', null, r.restore, '<= 10 s', 10_000],
  ];
  const head = ['measure', 'empty db', 'seeded db', 'goal', ''];
  const body = rows.map(([name, a, b, goal, goalMs]) => [name, ms(a), ms(b), goal, check(b, goalMs)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  for (const row of body) console.log(line(row));
  console.log('\ndetails (seeded):');
  const notes: Array<[string, Timed | null]> = [
    ['popup', seeded.popup],
    ['timeline cold', seeded.cold],
    ['timeline typical', seeded.switchTypical],
    ['timeline heaviest', seeded.switchHeavy],
    ['export', seeded.exported],
    ['import (merge)', seeded.reimport],
    ['import (restore)', r.restore],
    ['import (empty file)', empty.reimport],
  ];
  for (const [name, t] of notes) if (t?.note) console.log(`  ${name}: ${t.note}`);
  for (const s of seeded.searchDetail) console.log(`  search ${s.note}: ${ms(s)}`);
  const ratio = (a: Timed | null, b: Timed | null) => (a && b ? `${(b.ms / a.ms).toFixed(1)}x` : 'n/a');
  console.log(
    `\nratios seeded/empty: popup ${ratio(empty.popup, seeded.popup)}, export ${ratio(empty.exported, seeded.exported)}, ` +
      `import ${ratio(empty.reimport, seeded.reimport)}`,
  );
}

/**
 * Which unit test files can see the machine's time zone: the ones scripts/test-all.sh runs again
 * in other zones.
 *
 * Why computed, not listed: a hand list goes stale the day someone formats a date in a new file. A
 * module is *zone-aware* when its own text uses local time (local getters and setters, the
 * multi-argument or string `Date` constructor, `Date.parse`, `toLocale…String`, `Intl.DateTimeFormat`,
 * the zone offset) or it imports date-fns (local-calendar functions). A test file is selected when
 * it is zone-aware itself or reaches a zone-aware module through its runtime imports
 * (dependency-cruiser's graph, with the project's own config and aliases; type-only imports run no
 * code and do not count). A test that imports modules by a computed path is always selected: the
 * graph cannot see where it goes.
 *
 * The rule errs towards selecting, with one exception: `new Date(x)` with one variable argument is
 * read as an instant (how product code uses it: epoch milliseconds), so the clock is not zone-aware
 * by itself. A zone-less date *string* is parsed where it is written (a literal, caught above) or
 * with `Date.parse` (caught above).
 *
 * The command is scripts/zone-tests.ts.
 */
import { readFileSync } from 'node:fs';

const LOCAL_TIME = new RegExp(
  [
    String.raw`\.(get|set)(Hours|Date|Day|Month|FullYear|Minutes|Seconds|Milliseconds)\(`,
    String.raw`toLocale\w*String`,
    String.raw`Intl\.DateTimeFormat`,
    String.raw`getTimezoneOffset`,
    String.raw`Date\.parse\(`,
    String.raw`new Date\(\s*['"\x60]`,
    String.raw`new Date\([^()]*,`,
  ].join('|'),
);
const COMPUTED_IMPORT = /\bimport\(\s*(?!['"\x60])/;
const DATE_LIBRARY = /^date-fns(-tz)?(\/|$)/;
const TEST_FILE = /^test\/unit\/.*\.test\.tsx?$/;

/** The part of dependency-cruiser's JSON output this reads. */
export interface ImportGraph {
  modules: Array<{
    source: string;
    coreModule?: boolean;
    couldNotResolve?: boolean;
    dependencies: Array<{ module: string; resolved: string; dependencyTypes: string[]; coreModule?: boolean; couldNotResolve?: boolean }>;
  }>;
}

export interface ZoneAwareTest {
  test: string;
  /** The imports from the test to the first zone-aware module, then why that one is. */
  chain: string[];
}

export function zoneAwareTests(graph: ImportGraph, readText = (path: string) => readFileSync(path, 'utf8')): ZoneAwareTest[] {
  const modules = new Map(graph.modules.map((m) => [m.source, m]));
  const ownReason = new Map<string, string>();
  for (const m of graph.modules) {
    if (m.source.startsWith('node_modules/') || m.coreModule || m.couldNotResolve) continue;
    let text: string;
    try {
      text = readText(m.source);
    } catch {
      continue;
    }
    if (LOCAL_TIME.test(text)) ownReason.set(m.source, `uses local time (${text.match(LOCAL_TIME)?.[0]})`);
    else if (m.dependencies.some((d) => DATE_LIBRARY.test(d.module))) ownReason.set(m.source, 'imports date-fns');
    else if (TEST_FILE.test(m.source) && COMPUTED_IMPORT.test(text)) ownReason.set(m.source, 'imports by a computed path');
  }

  // The chain of imports from a module to the first zone-aware one (null: none). The layers
  // forbid import cycles (lint), so a module met again on the current path is simply not followed.
  const chain = new Map<string, string[] | null>();
  const onPath = new Set<string>();
  function chainFrom(source: string): string[] | null {
    if (chain.has(source)) return chain.get(source) ?? null;
    if (onPath.has(source)) return null;
    onPath.add(source);
    const own = ownReason.get(source);
    let found: string[] | null = own ? [own] : null;
    for (const d of modules.get(source)?.dependencies ?? []) {
      if (found) break;
      if (d.dependencyTypes.includes('type-only') || d.couldNotResolve || d.coreModule) continue;
      if (d.resolved.startsWith('node_modules/')) continue;
      const rest = chainFrom(d.resolved);
      if (rest) found = [d.resolved, ...rest];
    }
    onPath.delete(source);
    chain.set(source, found);
    return found;
  }

  return graph.modules
    .map((m) => m.source)
    .filter((s) => TEST_FILE.test(s))
    .map((s) => ({ test: s, chain: chainFrom(s) }))
    .filter((t): t is ZoneAwareTest => t.chain !== null)
    .sort((a, b) => a.test.localeCompare(b.test));
}

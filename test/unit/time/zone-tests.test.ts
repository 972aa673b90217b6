import { describe, expect, it } from 'vitest';
import { type ImportGraph, zoneAwareTests } from '../../../scripts/zone/select';

/** A small project: file texts and the imports dependency-cruiser would report between them. */
function project(files: Record<string, { text: string; imports?: string[]; typeImports?: string[]; packages?: string[] }>) {
  const graph: ImportGraph = {
    modules: Object.entries(files).map(([source, f]) => ({
      source,
      dependencies: [
        ...(f.imports ?? []).map((to) => ({ module: to, resolved: to, dependencyTypes: ['local', 'import'] })),
        ...(f.typeImports ?? []).map((to) => ({ module: to, resolved: to, dependencyTypes: ['local', 'type-only', 'import'] })),
        ...(f.packages ?? []).map((p) => ({ module: p, resolved: `node_modules/${p}/index.js`, dependencyTypes: ['npm'] })),
      ],
    })),
  };
  return zoneAwareTests(graph, (path) => files[path]!.text);
}

const selected = (files: Parameters<typeof project>[0]) => project(files).map((t) => t.test);

describe('which unit tests CI runs again in other time zones', () => {
  it('selects a test that reaches local-time code through its imports, and says through what', () => {
    const result = project({
      'lib/time/today.ts': { text: 'export const hour = (d: Date) => d.getHours();' },
      'lib/db/queries.ts': { text: 'import { hour } from "../time/today";', imports: ['lib/time/today.ts'] },
      'test/unit/db/queries.test.ts': { text: 'import "../../../lib/db/queries";', imports: ['lib/db/queries.ts'] },
    });
    expect(result).toEqual([
      { test: 'test/unit/db/queries.test.ts', chain: ['lib/db/queries.ts', 'lib/time/today.ts', 'uses local time (.getHours()'] },
    ]);
  });

  it('leaves out a test whose code only handles instants (epoch milliseconds, UTC, ISO)', () => {
    expect(
      selected({
        'lib/time/clock.ts': { text: 'export const now = () => Date.now(); export const at = (ms: number) => new Date(ms);' },
        'lib/scan/scan.ts': { text: 'new Date(t).toISOString(); d.getUTCHours();', imports: ['lib/time/clock.ts'] },
        'test/unit/scan/scan.test.ts': { text: 'it("scans")', imports: ['lib/scan/scan.ts'] },
      }),
    ).toEqual([]);
  });

  it('counts date-fns, a local date string, the local constructor and locale formatting, in code or in the test', () => {
    expect(
      selected({
        'lib/a.ts': { text: 'import { startOfDay } from "date-fns";', packages: ['date-fns'] },
        'test/unit/a.test.ts': { text: '', imports: ['lib/a.ts'] },
        'test/unit/b.test.ts': { text: 'setClock(fixedClock(new Date("2026-03-08T09:00")));' },
        'test/unit/c.test.ts': { text: 'const at = new Date(2026, 2, 8, 9);' },
        'test/unit/d.test.ts': { text: 'expect(x.toLocaleDateString()).toBe(y);' },
        'test/unit/e.test.ts': { text: 'Date.parse(stamp)' },
        'test/unit/f.test.ts': { text: 'new Intl.DateTimeFormat(undefined, { hour: "numeric" })' },
      }),
    ).toEqual(['test/unit/a.test.ts', 'test/unit/b.test.ts', 'test/unit/c.test.ts', 'test/unit/d.test.ts', 'test/unit/e.test.ts', 'test/unit/f.test.ts']);
  });

  it('ignores type-only imports (they run no code) but selects a test that imports by a computed path', () => {
    expect(
      selected({
        'lib/time/calendar.ts': { text: 'd.setHours(0, 0, 0, 0);' },
        'test/unit/types.test.ts': { text: 'import type { Day } from "calendar";', typeImports: ['lib/time/calendar.ts'] },
        'test/unit/registry.test.ts': { text: 'const mod = await import(join(dir, name));' },
        'test/unit/fixed.test.ts': { text: 'const mod = await import("./fixed");' },
      }),
    ).toEqual(['test/unit/registry.test.ts']);
  });

  it('finds local time several imports deep and through shared modules, each test once', () => {
    const files = {
      'lib/fmt.ts': { text: 'x.toLocaleTimeString()' },
      'lib/mid.ts': { text: '', imports: ['lib/fmt.ts'] },
      'lib/top.ts': { text: '', imports: ['lib/mid.ts'] },
      'test/unit/one.test.ts': { text: '', imports: ['lib/top.ts', 'lib/mid.ts'] },
      'test/unit/two.test.ts': { text: '', imports: ['lib/top.ts'] },
      'test/unit/helper.ts': { text: 'x.toLocaleTimeString()' },
    };
    expect(selected(files)).toEqual(['test/unit/one.test.ts', 'test/unit/two.test.ts']);
  });
});

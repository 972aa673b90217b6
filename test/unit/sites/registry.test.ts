import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, genericAdapter } from '../../../lib/sites/index';
import type { SiteAdapter } from '../../../lib/sites/types';
import { FIXTURES, loadFixture } from './load-fixture';

const SITES = join(__dirname, '../../../lib/sites');
/** Modules in lib/sites that are plumbing, not adapters. */
const NOT_ADAPTERS = new Set(['index', 'types', 'dom', 'post', 'own', 'decode', 'hosts', 'engine', 'define', 'descriptor', 'own-hosts', 'registry', 'site-facts', 'repeated', 'quote-heads']);

function isAdapter(v: unknown): v is SiteAdapter {
  return typeof v === 'object' && v !== null && 'findPosts' in v && 'readPost' in v && 'platform' in v;
}

const adapterFiles = readdirSync(SITES)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !NOT_ADAPTERS.has(name));

describe('adapter registry conventions', () => {
  it.each(adapterFiles)('%s.ts exports an adapter that is registered (or is the generic fallback)', async (name) => {
    const mod = (await import(join(SITES, `${name}.ts`))) as Record<string, unknown>;
    const adapters = Object.values(mod).filter(isAdapter);
    expect(adapters.length).toBeGreaterThan(0);
    for (const a of adapters) expect(a === genericAdapter || ADAPTERS.includes(a)).toBe(true);
  });

  it.each(adapterFiles)('%s.ts has its own fixture test', (name) => {
    const test = join(__dirname, `${name}.test.ts`);
    expect(existsSync(test)).toBe(true);
    expect(readFileSync(test, 'utf8')).toMatch(/loadFixture|readExpectedFixture|readFixtureWith/);
  });

  it('lists every adapter once (engines sharing a platform are told apart by name)', () => {
    const names = ADAPTERS.map((a) => a.name ?? a.platform);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ADAPTERS).size).toBe(ADAPTERS.length);
  });

  // Selectors are data so this can hold: each one still matches the saved page it was written against.
  const checks = [...ADAPTERS, genericAdapter].flatMap((a) =>
    Object.entries(a.selectors).map(([key, s]) => ({ name: `${a.name ?? a.platform}.${key}`, ...s })),
  );
  // Many selectors were checked against the same page: each page is parsed once, not once per selector
  // (that took 27 s of CI's unit run).
  const parsed = new Map<string, Document>();
  it.each(checks)('selector $name matches in $checkedAgainst', ({ css, checkedAgainst }) => {
    expect(existsSync(join(FIXTURES, checkedAgainst))).toBe(true);
    let doc = parsed.get(checkedAgainst);
    if (!doc) parsed.set(checkedAgainst, (doc = loadFixture(checkedAgainst, 'https://example.invalid/')));
    expect(doc.querySelector(css)).not.toBeNull();
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../lib/model/platforms';
import { siteMatchesUrl, type SiteDescriptor } from '../../../lib/sites/descriptor';
import { siteFacts } from '../../../lib/sites/site-facts';
import { ADAPTERS_BY_ID, SITES } from '../../../lib/sites/registry';

/** What a descriptor must say for the rest of Frontline to derive everything from it (lib/sites/descriptor.ts). */
function problemsOf(site: Partial<SiteDescriptor>): string[] {
  const problems: string[] = [];
  if (!site.id) problems.push('no id');
  if (!site.platform || !(PLATFORMS as readonly string[]).includes(site.platform)) problems.push(`unknown platform ${site.platform}`);
  if (!Array.isArray(site.hosts)) problems.push('no hosts list (empty for software on any host)');
  if (!site.gate) problems.push('no gate probes (empty for sites found by host only)');
  const probes = [...(site.gate?.ids ?? []), ...(site.gate?.classes ?? [])];
  // The gate's probes are ids and class names, never selectors: an attribute selector costs every page 0.3 ms.
  for (const p of probes) if (!/^[A-Za-z_][\w-]*$/.test(p)) problems.push(`probe "${p}" is not an id or class name`);
  for (const h of site.hosts ?? []) if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?$/.test(h)) problems.push(`host pattern "${h}"`);
  const markupOnly = (site.hosts ?? []).length === 0;
  if (markupOnly && probes.length + (site.gate?.generators ?? []).length === 0) problems.push('found by markup, but no probe opens the gate for it');
  if (site.ownsHosts && markupOnly) problems.push('owns hosts but lists none');
  if (site.platform && site.id) {
    const facts = siteFacts(site as SiteDescriptor);
    if (!facts.displayName) problems.push('no display name for its platform');
    if (!/^[a-z]+:$/.test(facts.idPrefix)) problems.push(`id prefix "${facts.idPrefix}"`);
  }
  return problems;
}

describe('one descriptor per site', () => {
  it.each(SITES.map((s) => [s.id, s] as const))('%s: its descriptor is complete', (_, site) => {
    expect(problemsOf(site)).toEqual([]);
  });

  it('an incomplete descriptor is caught, whatever is missing', () => {
    const x = SITES.find((s) => s.id === 'x')!;
    expect(problemsOf({ ...x, id: '' })).toContain('no id');
    expect(problemsOf({ ...x, hosts: undefined })).toContain('no hosts list (empty for software on any host)');
    expect(problemsOf({ ...x, gate: undefined })).toContain('no gate probes (empty for sites found by host only)');
    expect(problemsOf({ id: 'newforum', platform: 'forum', hosts: [], gate: {} })).toContain('found by markup, but no probe opens the gate for it');
    expect(problemsOf({ id: 'newforum', platform: 'forum', hosts: [], gate: { classes: ['[data-post]'] } })).toContain('probe "[data-post]" is not an id or class name');
  });

  it('ids are unique, and every descriptor has its reader and every reader its descriptor', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(ADAPTERS_BY_ID).sort()).toEqual([...ids].sort());
    for (const site of SITES) expect(ADAPTERS_BY_ID[site.id]!.site).toBe(site);
  });

  it('every adapter file exports its descriptor, and it is the one registered', async () => {
    const dirs = ['../../../lib/sites', '../../../lib/sites/engines'].map((d) => join(__dirname, d));
    let files = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'registry.ts')) {
        const mod = (await import(join(dir, f))) as Record<string, unknown>;
        const descriptors = Object.entries(mod).filter(([k]) => k.endsWith('Site')).map(([, v]) => v);
        const adapters = Object.entries(mod).filter(([k]) => k.endsWith('Adapter') && k !== 'engineAdapter' && k !== 'defineAdapter');
        if (adapters.length === 0) continue;
        files += 1;
        expect(descriptors, f).toHaveLength(1);
        expect(SITES, f).toContain(descriptors[0]);
      }
    }
    expect(files).toBe(SITES.length);
  });

  it('derives the facts other layers used to list by hand: name, id prefix, reply limit', () => {
    const of = (id: string) => siteFacts(SITES.find((s) => s.id === id)!);
    expect(of('x')).toEqual({ displayName: 'X', idPrefix: 'x:', replyLimit: 280 });
    expect(of('wordpress')).toMatchObject({ displayName: 'WordPress', idPrefix: 'wp:', replyLimit: null });
    expect(of('xenforo')).toMatchObject({ displayName: 'the forum', idPrefix: 'forum:' });
    expect(of('bluesky').replyLimit).toBe(300);
  });

  it('host patterns match the hosts they name and no others', () => {
    const by = (id: string) => SITES.find((s) => s.id === id)!;
    const on = (id: string, url: string) => siteMatchesUrl(by(id), new URL(url));
    expect(on('reddit', 'https://old.reddit.com/r/x')).toBe(true);
    expect(on('reddit', 'https://notreddit.com/')).toBe(false);
    expect(on('blogger', 'https://someone.blogspot.co.uk/2024/01/a.html')).toBe(true);
    expect(on('blogger', 'https://blogspot.com/')).toBe(true);
    expect(on('wordpress', 'https://wordpress.com/')).toBe(false);
    expect(on('wordpress', 'https://someone.wordpress.com/a')).toBe(true);
    expect(on('github', 'https://github.com/o/r/issues/1')).toBe(true);
    expect(on('github', 'https://github.com/o/r')).toBe(false);
  });
});

import type { Platform } from '../types';

/**
 * What Frontline knows of a site before it reads a single post: plain data, no reading code.
 * Each adapter exports one next to its reader (ARCHITECTURE.md, "Adding a site"); the gate,
 * which runs on every page, imports these and nothing else, and the background places posts
 * with them (lib/sites/own-hosts.ts). Name, id prefix and reply limit are the platform's and
 * derived from it (site-facts.ts, kept apart so the gate's bundle stays free of them);
 * descriptors.test.ts fails when a descriptor is incomplete.
 */
export interface SiteDescriptor {
  /** Unique among descriptors: the adapter's name ('x', 'xenforo'). */
  id: string;
  platform: Platform;
  /**
   * Host names where this site is found by URL alone: 'x.com' exactly, '*.reddit.com' any
   * subdomain, 'blogspot.*' any ending, '*.blogspot.*' both. Empty for software that runs on
   * any host and is found by its markup (gate probes, sniff).
   */
  hosts: readonly string[];
  /** On those hosts, the paths that carry posts (GitHub: issues and pull requests only). */
  path?: RegExp;
  /**
   * True when the platform lives on these hosts only (X, Reddit): the background refuses a post of
   * this platform from any other frame, and keys its people by platform, not by host.
   */
  ownsHosts?: boolean;
  /**
   * The gate's cheap probes (lib/content/gate.ts): ids and class names the browser answers from
   * its indexes, `<meta name="generator">` prefixes. Never attribute selectors (0.3 ms a page).
   */
  gate: { ids?: readonly string[]; classes?: readonly string[]; generators?: readonly string[] };
  /** One selector that matches only pages of this software that carry posts (any host). */
  sniff?: string;
  /** `<meta name="generator">` content naming this software. */
  generator?: RegExp;
}

/** One host pattern (see SiteDescriptor.hosts); string tests only: a regex costs ~0.1 ms to compile on every page. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const lead = pattern.startsWith('*.');
  const trail = pattern.endsWith('.*');
  if (!lead && !trail) return hostname === pattern;
  const core = pattern.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (lead && trail) return hostname.includes(core);
  return lead ? hostname.endsWith(core) : hostname.startsWith(core);
}

/** True when `url` is one of the site's own pages by host (and path), without reading the DOM. */
export function siteMatchesUrl(site: SiteDescriptor, url: URL): boolean {
  if (!site.hosts.some((p) => hostMatches(p, url.hostname))) return false;
  return site.path ? site.path.test(url.pathname) : true;
}

/** A domain and every subdomain of it, as host patterns. */
export const domainsOf = (...domains: string[]): string[] => domains.flatMap((d) => [d, `*.${d}`]);

import type { Platform } from '../types';
import { hostMatches } from './descriptor';
import { SITES } from './registry';

/**
 * Platforms that live on their own hosts only (descriptors with `ownsHosts`). The background
 * checks with these that a post claiming to be from X came from a frame on X
 * (lib/background/scope.ts). Platforms not listed (WordPress, Discourse, Mastodon, phpBB,
 * vBulletin, Blogger, forums, generic pages) run on any host, so who a post's author is can
 * only be known per host: their contacts are keyed by the host they were seen on.
 */
export const OWN_HOSTS: Partial<Record<Platform, (hostname: string) => boolean>> = Object.fromEntries(
  SITES.filter((site) => site.ownsHosts).map((site) => [site.platform, (hostname: string) => site.hosts.some((p) => hostMatches(p, hostname))]),
);

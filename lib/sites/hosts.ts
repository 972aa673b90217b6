import type { Platform } from '../types';

/**
 * Host matching without regular expressions: the gate asks every adapter on every page load,
 * and a regex is compiled on its first use, which cost ~0.1 ms a page in Chromium (measured).
 */
export function hostMatcher(domains: readonly string[]): (hostname: string) => boolean {
  const suffixes = domains.map((d) => `.${d}`);
  return (hostname) => {
    for (let i = 0; i < domains.length; i++) {
      if (hostname === domains[i] || hostname.endsWith(suffixes[i]!)) return true;
    }
    return false;
  };
}


/**
 * Platforms that live on their own hosts only. Pure data, no DOM: the adapters match pages with
 * these, and the background checks with the same ones that a post claiming to be from X came
 * from a frame on X (lib/background/scope.ts). Platforms not listed (WordPress, Discourse,
 * Mastodon, phpBB, vBulletin, Blogger, generic pages) run on any host, so who a post's author is
 * can only be known per host: their contacts are keyed by the host they were seen on.
 */
export const X_HOSTS: ReadonlySet<string> = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'www.x.com', 'www.twitter.com']);
export const onStackExchange = hostMatcher(['stackoverflow.com', 'stackexchange.com', 'superuser.com', 'serverfault.com', 'askubuntu.com', 'mathoverflow.net', 'stackapps.com']);
export const onReddit = hostMatcher(['reddit.com']);

export const OWN_HOSTS: Partial<Record<Platform, (hostname: string) => boolean>> = {
  x: (h) => X_HOSTS.has(h),
  reddit: onReddit,
  hackernews: (h) => h === 'news.ycombinator.com',
  github: (h) => h === 'github.com',
  bluesky: (h) => h === 'bsky.app',
  stackexchange: onStackExchange,
  disqus: (h) => h === 'disqus.com',
};

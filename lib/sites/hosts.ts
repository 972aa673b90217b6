/** X's hosts: its descriptor's, and what its reader uses to tell a status link from an outside one. */
export const X_HOSTS: ReadonlySet<string> = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'www.x.com', 'www.twitter.com']);

/** Bluesky's web app: its descriptor's host. */
export const BLUESKY_HOSTS: ReadonlySet<string> = new Set(['bsky.app']);

/**
 * Hosts whose posts are short social posts, known by the address alone (not a page's claim): the
 * detector reads their severity as a social post's (DetectOptions.source, issue 20 round 11).
 * Mastodon runs on many instances' hosts and is left out; blogs and forums write longer posts.
 */
export function isShortSocialHost(host: string): boolean {
  const h = host.toLowerCase();
  return X_HOSTS.has(h) || BLUESKY_HOSTS.has(h);
}

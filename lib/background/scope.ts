import type { PostItem } from '../messages';
import { PLATFORMS } from '../types';
import { OWN_HOSTS } from '../sites/own-hosts';
import type { SenderInfo } from './sender';

type MessagePost = PostItem['post'];
/** A post placed where it was seen: `site` set for platforms on many hosts, its link checked. */
export type ScopedPost = MessagePost & { site?: string };

export type ScopeResult = { ok: true; post: ScopedPost; linkDropped: boolean } | { ok: false; reason: string };

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** One spelling per site: `www.` is the same site. */
function siteOf(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * The page decides everything a post says, so the background places every post by the URL of
 * the frame that sent it, which the browser (not the page) reports:
 * - a platform that lives on its own hosts (X, Reddit, HN, GitHub, Bluesky, Stack Exchange,
 *   Disqus) is believed only from a frame on those hosts: `@alice` "on X" rendered by any other
 *   site is refused;
 * - every other platform's post gets the frame's host as its `site`, which its contact and
 *   interaction keys include: `sam` on two forums, or `@alice@mastodon.social` shown by a page
 *   on another host, are not the people we know;
 * - a permalink must point to the frame's host, the tab's host (a Disqus frame links to the page
 *   that embeds it) or the platform's own hosts; any other link is dropped (the post stays,
 *   keyed by its id on this host), so a page cannot name another customer's interaction.
 */
export function scopePost(post: MessagePost, sender: Pick<SenderInfo, 'url' | 'tab'>): ScopeResult {
  const frameHost = hostOf(sender.url);
  if (!frameHost) return { ok: false, reason: 'the sending frame has no web address' };
  const own = OWN_HOSTS[post.platform];
  if (own && !own(frameHost)) return { ok: false, reason: `a ${post.platform} post from ${frameHost}` };
  let permalink = post.permalink;
  if (permalink !== null) {
    const linkHost = hostOf(permalink);
    const tabHost = hostOf(sender.tab?.url);
    const fits =
      linkHost !== null && (siteOf(linkHost) === siteOf(frameHost) || (tabHost !== null && siteOf(linkHost) === siteOf(tabHost)) || (own?.(linkHost) ?? false));
    if (!fits) permalink = null;
  }
  const scoped: ScopedPost = { ...post, permalink };
  if (!own) scoped.site = siteOf(frameHost);
  return { ok: true, post: scoped, linkDropped: permalink !== post.permalink };
}

/**
 * The contact-id prefixes of people seen on the site at `url`: the platform that owns this host
 * (`x:` on x.com), and every many-host platform keyed by this host (`wordpress@blog.example:`).
 * The palette of a page gets only these, never the customers of other sites.
 */
export function contactPrefixesFor(url: string): string[] {
  const host = hostOf(url);
  if (!host) return [];
  const prefixes: string[] = [];
  for (const platform of PLATFORMS) {
    const own = OWN_HOSTS[platform];
    if (!own) prefixes.push(`${platform}@${siteOf(host)}:`);
    else if (own(host)) prefixes.push(`${platform}:`);
  }
  return prefixes;
}

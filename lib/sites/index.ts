import type { Post } from '../types';
import type { SiteAdapter } from './types';
import { $ } from './dom';
import { ADAPTERS_BY_ID, SITES } from './registry';
import { withoutRepeatedCopies, type ReadPost } from './repeated';

/**
 * Every site adapter with a host or markup to be recognised by, in the registry's order (lib/sites/registry.ts).
 * The generic reader is the fallback, never recognised.
 */
export const ADAPTERS: readonly SiteAdapter[] = SITES.filter((site) => site.id !== 'generic').map((site) => ADAPTERS_BY_ID[site.id]!);

export const genericAdapter: SiteAdapter = ADAPTERS_BY_ID.generic!;
export { SITES };


/** The adapter for this URL by host alone (cheap: no DOM reads), or null. */
export function adapterFor(url: URL): SiteAdapter | null {
  for (const a of ADAPTERS) {
    try {
      if (a.matches(url)) return a;
    } catch {
      // A broken matcher must not hide the other adapters.
    }
  }
  return null;
}

/** Every sniff selector in one group: one document scan answers "could any of them match?". */
const SNIFFERS = ADAPTERS.filter((a) => a.sniff);
const ANY_SNIFF = SNIFFERS.map((a) => a.sniff).join(', ');
const BY_GENERATOR = ADAPTERS.filter((a) => a.generator);

/** The software the page names in `<meta name="generator">` (one head lookup), if an adapter reads it. */
function adapterByGenerator(doc: Document): SiteAdapter | null {
  const content = $(doc.head ?? doc, 'meta[name="generator" i]')?.getAttribute('content');
  if (!content) return null;
  for (const a of BY_GENERATOR) if (a.generator!.test(content)) return a;
  return null;
}

/**
 * Host match first, then self-hosted software recognised by its markup; null for anything else.
 * Runs on every page (entrypoints/gate.content.ts), so a page of no known software costs one scan.
 */
export function adapterForPage(doc: Document, url: URL): SiteAdapter | null {
  const byHost = adapterFor(url);
  if (byHost) return byHost;
  const byGenerator = adapterByGenerator(doc);
  if (byGenerator) return byGenerator;
  const hit = $(doc, ANY_SNIFF);
  if (!hit) return null;
  // The first sniffer that matches the hit wins; registry order settles overlaps (Blogger before WordPress).
  // Tested on the hit, not searched for in the page: each sniffer that does not match would otherwise
  // walk the whole document (66 ms on a page of 50,000 comments, issue 18).
  for (const a of SNIFFERS) {
    if (matchesSafely(hit, a.sniff!)) return a;
  }
  return null;
}

/** Read every post under root with one adapter; a post that fails to read is skipped, not fatal. */
export function readPostsWith(adapter: SiteAdapter, root: ParentNode, url: URL): Post[] {
  let els: Element[];
  try {
    els = adapter.findPosts(root);
  } catch {
    return [];
  }
  const read: ReadPost[] = [];
  const seen = new Set<string>();
  for (const el of els) {
    let post: Post | null;
    try {
      post = adapter.readPost(el, url);
    } catch {
      post = null;
    }
    // Some sites render one post twice (mobile + desktop copies): report it once.
    if (post && !seen.has(post.id)) {
      seen.add(post.id);
      read.push({ el, post });
    }
  }
  return withoutRepeatedCopies(read);
}

const warned = new Set<string>();

/**
 * Posts on the page: the site's adapter, else the generic reader. When a known site's selectors
 * find nothing the site has probably changed its markup: say so once per platform, then fall back.
 */
export function readPostsOnPage(doc: Document, url: URL): Post[] {
  try {
    const adapter = adapterForPage(doc, url);
    if (adapter) {
      const posts = readPostsWith(adapter, doc, url);
      if (posts.length > 0) return posts;
      if (!warned.has(adapter.platform)) {
        warned.add(adapter.platform);
        console.warn(`[frontline] ${adapter.platform} adapter found no posts on ${url.hostname}; trying the generic reader`);
      }
    }
    return readPostsWith(genericAdapter, doc, url);
  } catch {
    return [];
  }
}

function matchesSafely(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch {
    return false;
  }
}

import type { SiteAdapter } from '../../../lib/sites/types';
import type { Post } from '../../../lib/types';

/** A forum adapter for test pages: every <article> is a post by `author`, its words the text. */
export function articleAdapter(author: string): SiteAdapter {
  return {
    site: { id: 'test-forum', platform: 'forum', hosts: [], gate: {} },
    platform: 'forum',
    matches: () => true,
    selectors: {},
    findPosts: (root) => Array.from(root.querySelectorAll('article')),
    readPost: (el): Post => ({ id: el.id, platform: 'forum', author, handle: '', text: el.textContent ?? '', permalink: null, time: null }),
    findComposer: () => null,
  };
}

/** Polls `ok` every 20 ms for up to `ms`: the session's work runs in its own timers and frames. */
export async function until(ok: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
}

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

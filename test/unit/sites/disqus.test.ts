import { describe, expect, it } from 'vitest';
import { disqusAdapter } from '../../../lib/sites/disqus';
import { adapterFor, readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

const EMBED = 'https://disqus.com/embed/comments/?base=default&f=examplenews&t_u=https%3A%2F%2Fwww.example-news.com%2F';
const FILE = 'disqus/embed--disqus.com-embed-comments.html';

describe('disqus adapter', () => {
  it('claims the comments iframe, not disqus.com itself', () => {
    expect(adapterFor(new URL(EMBED))).toBe(disqusAdapter);
    expect(disqusAdapter.matches(new URL('https://disqus.com/home/'))).toBe(false);
  });

  it('reads nested Disqus comments with their own words and permalinks', () => {
    const posts = readPostsOnPage(loadFixture(FILE, EMBED), new URL(EMBED));
    expect(posts.map((p) => p.author)).toEqual(['Mike Halloran', 'Priya', 'Guest']);
    expect(posts[0]).toMatchObject({
      id: 'disqus:6401112233',
      handle: 'https://disqus.com/by/mikehalloran/',
      text: 'The battery claims are nonsense. Mine lasts half a day and Acme support keeps closing my ticket without reading it.',
      permalink: 'https://www.example-news.com/2025/02/acme-phone-review/#comment-6401112233',
      time: null,
    });
    expect(posts[1]?.text).toBe('Same here, turn off the always-on display and it gets a bit better.');
    expect(posts[1]?.quoted).toBe('Mine lasts half a day');
    expect(posts[0]?.text).not.toContain('always-on');
  });

  it('finds the comment box at the top of the thread (contenteditable)', () => {
    const doc = loadFixture(FILE, EMBED);
    const first = disqusAdapter.findPosts(doc)[0]!;
    expect(disqusAdapter.findComposer(first, doc)?.getAttribute('aria-label')).toBe('Join the discussion…');
  });
});

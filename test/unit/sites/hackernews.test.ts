import { describe, expect, it } from 'vitest';
import { hackernewsAdapter } from '../../../lib/sites/hackernews';
import { adapterFor, readPostsOnPage } from '../../../lib/sites/index';
import { expectPostsMatch, loadFixture, readExpectedFixture, readFixtureWith } from './load-fixture';

describe('hackernews adapter', () => {
  it('claims news.ycombinator.com only', () => {
    expect(adapterFor(new URL('https://news.ycombinator.com/item?id=1'))).toBe(hackernewsAdapter);
    expect(hackernewsAdapter.matches(new URL('https://ycombinator.com/'))).toBe(false);
  });

  it('reads the real item-page markup: deleted row dropped, UI links left out, UTC times', () => {
    const { posts, expected } = readExpectedFixture('hackernews', 'real-markup--news.ycombinator.com-item-id=41230000');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `hn:${e.id}`));
    expect(posts[0]?.text).toContain('Channel: 36');
    expect(posts.some((p) => /\breply$|\[–\]|parent/.test(p.text))).toBe(false);
    expect(posts[3]?.time).toBe('2024-08-20T14:03:11.000Z');
  });

  it('finds the story comment box', () => {
    const url = 'https://news.ycombinator.com/item?id=41230000';
    const doc = loadFixture('hackernews/real-markup--news.ycombinator.com-item-id=41230000.html', url);
    const first = hackernewsAdapter.findPosts(doc)[0]!;
    expect(hackernewsAdapter.findComposer(first, doc)?.getAttribute('name')).toBe('text');
  });

  it('reads the simplified synthetic page too, times without zone taken as UTC', () => {
    const posts = readFixtureWith(
      hackernewsAdapter,
      'hackernews/defuddle--comments--news.ycombinator.com-item-id=12345678.html',
      'https://news.ycombinator.com/item?id=12345678',
    );
    expect(posts.map((p) => p.author)).toEqual(['commenter_one', 'commenter_two', 'commenter_one', 'commenter_three']);
    expect(posts[2]?.text).toBe('Exactly. And the benchmarks in section 3 back this up nicely.');
    expect(posts[0]?.time).toBe('2025-01-15T10:00:00.000Z');
  });

  it('reports nothing on the front page listing (stories are not comments)', () => {
    const url = 'https://news.ycombinator.com/news';
    const doc = loadFixture('hackernews/defuddle--listing--news.ycombinator.com-news.html', url);
    expect(readPostsOnPage(doc, new URL(url))).toEqual([]);
  });
});

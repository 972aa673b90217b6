import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/index';
import { redditAdapter } from '../../../lib/sites/reddit';
import { expectPostsMatch, loadFixture, readExpectedFixture, readFixtureWith } from './load-fixture';

describe('reddit adapter', () => {
  it('claims reddit.com and its subdomains', () => {
    expect(adapterFor(new URL('https://old.reddit.com/r/x'))).toBe(redditAdapter);
    expect(adapterFor(new URL('https://www.reddit.com/r/x'))).toBe(redditAdapter);
    expect(redditAdapter.matches(new URL('https://notreddit.com/'))).toBe(false);
  });

  it('reads the real 2022 redesign page: 173 comments, deleted and removed stubs left out', () => {
    const { posts, expected } = readExpectedFixture('reddit', 'postlight--www.reddit.com-showerthoughts-vanilla');
    expect(posts).toHaveLength(173);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `reddit:${e.id}`));
    expect(posts.some((p) => p.text === '[deleted]' || p.text === 'Comment removed by moderator')).toBe(false);
  });

  it('reads shreddit comments: nested replies apart, deleted stub dropped, time from created-timestamp', () => {
    const { posts, expected } = readExpectedFixture('reddit', 'shreddit--www.reddit.com-r-example-comments-1abc234');
    expectPostsMatch(posts, expected.posts);
    expect(posts[0]?.text).not.toContain('Sorry about this');
    expect(posts[0]?.time).toBe('2025-03-02T10:01:12.345Z');
    expect(posts[0]?.handle).toBe('u/angry_buyer42');
  });

  it('finds the shreddit comment box', () => {
    const url = 'https://www.reddit.com/r/example/comments/1abc234/my_order_never_arrived/';
    const doc = loadFixture('reddit/shreddit--www.reddit.com-r-example-comments-1abc234.html', url);
    const first = redditAdapter.findPosts(doc)[0]!;
    expect(redditAdapter.findComposer(first, doc)?.getAttribute('aria-label')).toBe('Add a comment');
  });

  it('reads old.reddit nested comments with their own text only', () => {
    const posts = readFixtureWith(
      redditAdapter,
      'reddit/defuddle--comments--old.reddit.com-r-test-comments-abc123-test_post.html',
      'https://old.reddit.com/r/test/comments/abc123/test_post',
    );
    expect(posts.map((p) => p.author)).toEqual(['user_alpha', 'user_beta', 'user_alpha', 'user_gamma', 'user_delta']);
    expect(posts[0]?.text).toBe('This is a top-level comment with some thoughts on the topic.');
    expect(posts[4]?.permalink).toBe('https://old.reddit.com/r/test/comments/abc123/test_post/comment5/');
    expect(posts[1]?.time).toBe('2025-01-15T11:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { githubAdapter } from '../../../lib/sites/github';
import { adapterFor } from '../../../lib/sites/index';
import { expectPostsMatch, readExpectedFixture } from './load-fixture';

describe('github adapter', () => {
  it('claims issue, pull and discussion pages only', () => {
    expect(adapterFor(new URL('https://github.com/kepano/defuddle/issues/56'))).toBe(githubAdapter);
    expect(githubAdapter.matches(new URL('https://github.com/kepano/defuddle/pull/7'))).toBe(true);
    expect(githubAdapter.matches(new URL('https://github.com/kepano/defuddle'))).toBe(false);
  });

  it('reads the real React issue page: issue body then 6 comments, with anchors as ids', () => {
    const { posts, expected } = readExpectedFixture('github', 'defuddle--github.com-issue-56');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `github:${e.id}`));
    expect(posts[1]?.time).toBe('2025-05-25T22:14:08.000Z');
    expect(posts[1]?.handle).toBe('@jmorrell');
  });
});

import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/index';
import { bloggerAdapter } from '../../../lib/sites/blogger';
import { expectPostsMatch, readExpectedFixture } from './load-fixture';

describe('blogger adapter', () => {
  it('claims blogspot hosts', () => {
    expect(adapterFor(new URL('https://someone.blogspot.com/2013/10/x.html'))).toBe(bloggerAdapter);
  });

  it('reads threaded Blogger comments with the blog owner reply, UTF-8 umlauts intact', () => {
    const { posts, expected } = readExpectedFixture('blogger', 'trafilatura--abookshelffullofsunshine.blogspot.com-interview');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts[0]?.text).toContain('Möglichkeit');
    expect(posts[0]?.text).not.toContain('Antworten');
    expect(posts[0]?.text).not.toContain('Ja, die bekannten Verlage');
    expect(posts[0]?.time).toBe('2013-10-07T19:00:01.460Z');
    expect(posts[1]?.id).toBe('blogger:c8091037830143968017');
  });
});

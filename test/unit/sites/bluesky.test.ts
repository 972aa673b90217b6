import { describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../../lib/sites/bluesky';
import { readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

const URL_ = 'https://bsky.app/profile/carla.bsky.social/post/3lbxq2k7abc2x';

describe('bluesky adapter', () => {
  it('reads thread posts by data-testid and links; a muted placeholder is not a post', () => {
    const doc = loadFixture('bluesky/thread--bsky.app-profile-post.html', URL_);
    expect(blueskyAdapter.findPosts(doc)).toHaveLength(3);
    const posts = readPostsOnPage(doc, new URL(URL_));
    expect(posts.map((p) => [p.author, p.handle])).toEqual([
      ['Carla Mendes', '@carla.bsky.social'],
      ['Acme Shipping Support', '@acmeship.com'],
    ]);
    expect(posts[0]).toMatchObject({
      id: 'bluesky:carla.bsky.social/3lbxq2k7abc2x',
      text: 'Third parcel this month marked "delivered" that never showed up. #AcmeShip your drivers are not even trying.',
      permalink: URL_,
      time: null,
    });
    expect(posts[1]?.permalink).toBe('https://bsky.app/profile/acmeship.com/post/3lbxq5m2def4y');
  });
});

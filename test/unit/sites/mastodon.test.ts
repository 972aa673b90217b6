import { describe, expect, it } from 'vitest';
import { adapterForPage } from '../../../lib/sites/index';
import { mastodonAdapter } from '../../../lib/sites/mastodon';
import { loadFixture } from './load-fixture';

const URL_ = 'https://mastodon.example/@alice/12345678';
const FILE = 'mastodon/defuddle--comments--mastodon.social-@user-12345678.html';

describe('mastodon adapter', () => {
  it('is recognised on any instance by its app markup', () => {
    const doc = loadFixture(FILE, URL_);
    expect(adapterForPage(doc, new URL(URL_))).toBe(mastodonAdapter);
  });

  it('reads the focused post and the thread, handles qualified with the instance', () => {
    const doc = loadFixture(FILE, URL_);
    const posts = mastodonAdapter.findPosts(doc).map((el) => mastodonAdapter.readPost(el, new URL(URL_)));
    expect(posts.map((p) => p?.author)).toEqual(['Alice', 'Alice', 'Bob', 'Carol', 'Alice', 'Dave']);
    expect(posts[0]?.text).toBe('This is a sample post about something interesting. Check out this link! example.com/interesting');
    expect(posts[0]?.handle).toBe('@alice@mastodon.example');
    expect(posts[2]).toMatchObject({
      id: 'mastodon:mastodon.example/12345680',
      handle: '@bob@other.social',
      text: '@alice This is really cool! Great work.',
      permalink: 'https://mastodon.example/@bob@other.social/12345680',
      time: '2026-04-20T12:15:00.000Z',
    });
  });
});

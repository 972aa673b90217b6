import { describe, expect, it } from 'vitest';
import { adapterForPage } from '../../../lib/sites/index';
import { phpbbAdapter } from '../../../lib/sites/phpbb';
import { expectPostsMatch, loadFixture, readExpectedFixture } from './load-fixture';

const BASE = 'prosilver--forum.example.org-viewtopic-t-981';
const URL_ = 'https://forum.example.org/viewtopic.php?t=981';

describe('phpbb adapter', () => {
  it('reads prosilver posts: quote apart, signature and post buttons left out, guests included', () => {
    const { posts, expected } = readExpectedFixture('phpbb', BASE);
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts[1]?.quoted).toBe('Is there a way to roll back?');
    expect(posts[0]?.text).not.toContain('too much paper');
    expect(posts[0]?.time).toBe('2024-03-02T09:41:17.000Z');
    expect(posts[0]?.handle).toBe('https://forum.example.org/memberlist.php?mode=viewprofile&u=77');
  });

  it('is recognised by body#phpbb on any host and finds the quick reply box', () => {
    const doc = loadFixture(`phpbb/${BASE}.html`, URL_);
    expect(adapterForPage(doc, new URL(URL_))).toBe(phpbbAdapter);
    const first = phpbbAdapter.findPosts(doc)[0]!;
    expect(phpbbAdapter.findComposer(first, doc)?.getAttribute('name')).toBe('message');
  });
});

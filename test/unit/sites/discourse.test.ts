import { describe, expect, it } from 'vitest';
import { discourseAdapter } from '../../../lib/sites/discourse';
import { adapterForPage } from '../../../lib/sites/index';
import { expectPostsMatch, loadFixture, readExpectedFixture } from './load-fixture';

const TOPIC = 'https://forum.example.com/t/sync-keeps-failing-after-the-5-0-update/4242';

describe('discourse adapter', () => {
  it('reads the Ember post stream: deleted post dropped, quote kept apart, full names', () => {
    const { posts, expected } = readExpectedFixture('discourse', 'ember--forum.example.com-t-sync-keeps-failing-4242');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts[1]?.quoted).toBe('I have reinstalled twice and it still happens.');
    expect(posts[1]?.text).not.toContain('reinstalled');
    expect(posts[0]?.text).not.toMatch(/400×120|KB/);
    expect(posts[0]?.time).toBe(new Date(1739175164000).toISOString());
  });

  it('reads the no-JS crawler view with the same ids as the app view', () => {
    const { posts, expected } = readExpectedFixture('discourse', 'crawler--forum.example.com-t-sync-keeps-failing-4242');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts[1]?.quoted).toBe('I have reinstalled twice and it still happens.');
    expect(posts[2]?.time).toBe('2025-02-11T17:02:51.000Z');
    const ember = readExpectedFixture('discourse', 'ember--forum.example.com-t-sync-keeps-failing-4242').posts;
    expect(posts.slice(0, 2).map((p) => p.id)).toEqual(ember.slice(0, 2).map((p) => p.id));
  });

  it('is recognised on any host by its generator tag, and finds the open composer', () => {
    const doc = loadFixture('discourse/ember--forum.example.com-t-sync-keeps-failing-4242.html', TOPIC);
    expect(adapterForPage(doc, new URL(TOPIC))).toBe(discourseAdapter);
    const first = discourseAdapter.findPosts(doc)[0]!;
    expect(discourseAdapter.findComposer(first, doc)?.className).toContain('d-editor-input');
  });
});

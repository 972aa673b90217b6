import { describe, expect, it } from 'vitest';
import { adapterFor, readPostsOnPage } from '../../../lib/sites/index';
import { stackexchangeAdapter } from '../../../lib/sites/stackexchange';
import { expectPostsMatch, loadFixture, readExpectedFixture } from './load-fixture';

const BASE = 'question--superuser.com-questions-1830001';

describe('stackexchange adapter', () => {
  it('claims the network hosts', () => {
    expect(adapterFor(new URL('https://stackoverflow.com/questions/1'))).toBe(stackexchangeAdapter);
    expect(adapterFor(new URL('https://unix.stackexchange.com/questions/1'))).toBe(stackexchangeAdapter);
    expect(stackexchangeAdapter.matches(new URL('https://notstackoverflow.com/'))).toBe(false);
  });

  it('reads question, comment and answers; the asker, not the editor, is the author', () => {
    const { posts, expected } = readExpectedFixture('stackexchange', BASE);
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `se:superuser.com/${e.id}`));
    expect(posts[0]?.time).toBe('2024-03-01T10:00:00.000Z');
    expect(posts[1]?.time).toBe('2024-03-01T11:02:33.000Z');
    expect(posts[2]?.quoted).toMatch(/^We are aware of an issue/);
    expect(posts[2]?.text).not.toContain('We are aware');
    expect(posts[0]?.text).not.toMatch(/Share|Follow|Add a comment/);
  });

  it('reads question, answers and comments on a host that is not the network (Teams, Enterprise, mirrors)', () => {
    const url = 'https://qa.intranet.example/questions/1830001/acme-sync';
    const { expected } = readExpectedFixture('stackexchange', BASE);
    const posts = readPostsOnPage(loadFixture(`stackexchange/${expected.file}`, url), new URL(url));
    expect(posts.map((p) => [p.author, p.text.slice(0, 40)])).toEqual(expected.posts.map((e) => [e.author, e.textStart.slice(0, 40)]));
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `se:qa.intranet.example/${e.id}`));
  });

  it('finds the answer editor', () => {
    const url = 'https://superuser.com/questions/1830001/acme-ax5-router-drops-all-clients-at-3am';
    const doc = loadFixture(`stackexchange/${BASE}.html`, url);
    const first = stackexchangeAdapter.findPosts(doc)[0]!;
    expect(stackexchangeAdapter.findComposer(first, doc)?.id).toBe('wmd-input');
  });
});

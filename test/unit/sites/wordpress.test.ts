import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterForPage } from '../../../lib/sites/index';
import { wordpressAdapter } from '../../../lib/sites/wordpress';
import { expectLightReadParity, expectPostsMatch, fixturePages, loadFixture, parsePage, readExpectedFixture } from './load-fixture';

describe('wordpress adapter', () => {
  it('reads core HTML5 comment markup with nested replies', () => {
    const { posts, expected } = readExpectedFixture('wordpress', 'trafilatura--lemire.me-json');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `wp:lemire.me/${e.id}`));
    expect(posts[0]?.time).toBe('2019-08-03T04:11:57.000Z');
    // A reply's words are its own, never repeated in its parent.
    expect(posts[1]?.text).not.toContain('We are working toward releasing');
  });

  it('reads an older theme (cite.fn, blockquote.entry-content, ol.children)', () => {
    const { posts, expected } = readExpectedFixture('wordpress', 'readability--hacks.mozilla.org-this-api-is-so-fetching');
    expectPostsMatch(posts, expected.posts);
    expect(posts[0]?.text).toBe('how do you abort a fetch?');
  });

  it('reads Epoch plugin comments, bare-text authors included, and skips the {{template}} and Report link', () => {
    const { posts, expected } = readExpectedFixture('wordpress', 'readability--wptavern.com-epoch-comments');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.some((p) => p.text.includes('{{') || p.author.includes('{{'))).toBe(false);
    expect(posts.some((p) => /Report$/.test(p.text))).toBe(false);
    expect(posts.find((p) => p.author === 'Ammon')?.handle).toBe('');
  });

  it('is recognised on any host by its markup, and finds the comment form', () => {
    const url = 'https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/';
    const doc = loadFixture('wordpress/trafilatura--lemire.me-json.html', url);
    expect(adapterForPage(doc, new URL(url))).toBe(wordpressAdapter);
    const first = wordpressAdapter.findPosts(doc)[0]!;
    expect(wordpressAdapter.findComposer(first, doc)?.tagName).toBe('TEXTAREA');
  });

  it('reads every comment cheaply with the same id and words as the full read', () => {
    const pages = fixturePages('wordpress', 'https://blog.example.org/2019/08/post/');
    // The demo post the e2e tests and the benchmark's blog page are modelled on.
    const demo = 'demo/pages/lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/index.html';
    pages.push([demo, parsePage(readFileSync(demo, 'utf8'), 'https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/')]);
    expect(expectLightReadParity(wordpressAdapter, pages)).toBeGreaterThanOrEqual(20);
  });
});

describe('wordpress: the Twenty Eleven/Twelve comment callback (li#li-comment-N around article#comment-N)', () => {
  const url = 'https://whatever.scalzi.com/2025/12/18/the-december-comfort-watches-2025-day-eighteen-starship-troopers/';
  const doc = () => loadFixture('wild/wordpress-comments--wcxb--whatever.scalzi.com-2025-12-18-december-comfort-watches.html', url);

  it('is read by the WordPress adapter, not left to the generic reader: every comment, its own link and time', () => {
    const posts = wordpressAdapter.findPosts(doc()).map((el) => wordpressAdapter.readPost(el, new URL(url))!);
    expect(posts).toHaveLength(59);
    expect(posts[0]).toMatchObject({ author: 'John Scalzi', handle: 'http://whatever.scalzi.com/', permalink: `${url}#comment-949545`, time: '2025-12-19T02:46:01.000Z' });
  });

  it('takes the name, not the date beside it in the author box, and no #comment link as a commenter\'s site', () => {
    const posts = wordpressAdapter.findPosts(doc()).map((el) => wordpressAdapter.readPost(el, new URL(url))!);
    expect(posts[1]).toMatchObject({ author: 'Emma', handle: '' });
    for (const p of posts) {
      expect(p.author).not.toMatch(/\d{4}/);
      expect(p.handle).not.toContain('#comment-');
    }
  });
});

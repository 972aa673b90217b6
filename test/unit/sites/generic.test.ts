import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/sites/generic';
import { readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

const BLOG = 'https://blog.example.net/2025/03/new-payment-provider';

describe('generic fallback', () => {
  it('finds the comments of a blog no adapter knows, nested reply kept apart', () => {
    const doc = loadFixture('generic/plain-blog-comments.html', BLOG);
    const posts = readPostsOnPage(doc, new URL(BLOG));
    expect(posts.map((p) => p.platform)).toEqual(['generic', 'generic', 'generic']);
    expect(posts.map((p) => p.author)).toEqual(['Jo Miller', 'Hanna', 'Peter']);
    expect(posts[0]?.text).toBe(
      'Since the switch my card gets declined every single time at checkout. Three tries, three failures. Please fix this.',
    );
    expect(posts[0]?.permalink).toBe(`${BLOG}#c-101`);
    expect(posts[0]?.handle).toBe('https://example.org/~jo');
    expect(posts[1]?.time).toBe('2025-03-04T07:05:00.000Z');
    const first = genericAdapter.findPosts(doc)[0]!;
    expect(genericAdapter.findComposer(first, doc)?.getAttribute('name')).toBe('body');
  });

  it('reads schema.org Comment microdata', () => {
    const url = 'https://kaffee.example.de/x200';
    const posts = readPostsOnPage(loadFixture('generic/microdata-comments.html', url), new URL(url));
    expect(posts.map((p) => [p.author, p.permalink, p.time])).toEqual([
      ['Klaus B.', 'https://kaffee.example.de/x200#kommentar-7', '2025-01-20T08:14:00.000Z'],
      ['Sabine', 'https://kaffee.example.de/x200#kommentar-8', '2025-01-21T15:40:00.000Z'],
    ]);
    expect(posts[0]?.text).toMatch(/^Meine X200 ist nach zwei Wochen kaputt/);
  });

  it('reads microformats comments (p-comment h-cite), not the article that holds them', () => {
    const url = 'https://notes.example.com/2025/05/moving-notes';
    const posts = readPostsOnPage(loadFixture('generic/microformats-comments.html', url), new URL(url));
    expect(posts.map((p) => [p.author, p.handle, p.permalink, p.time])).toEqual([
      ['Kim Ode', 'https://kim.example.org/', 'https://kim.example.org/2025/05/sync', '2025-05-02T11:30:00.000Z'],
      ['Lu', 'https://lu.example.net/', 'https://lu.example.net/notes/42', '2025-05-03T08:10:00.000Z'],
    ]);
    expect(posts[0]?.text).toBe('Same here: the Acme sync app lost a week of my notes and support never answered.');
  });

  it('returns [] honestly on an article without comments (a byline .author is not a comment)', () => {
    const url = 'https://blog.example.net/sourdough';
    expect(readPostsOnPage(loadFixture('generic/no-comments-long-article.html', url), new URL(url))).toEqual([]);
  });

  // The exact figure (about 0.3–0.9 ms here) is measured by `npm run bench:gate`; this test only
  // catches a regression that makes the gate read the page (tens of ms), not machine noise.
  it('gates a no-comment page cheaply, without reading it (median of 60 runs, query cache defeated)', () => {
    const doc = loadFixture('generic/no-comments-long-article.html', 'https://blog.example.net/sourdough');
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(1000);
    const micros: number[] = [];
    for (let i = 0; i < 60; i++) {
      // happy-dom caches selector results until the document changes; a page being read keeps changing.
      doc.body.appendChild(doc.createTextNode(' '));
      // CPU time, not wall time: other test files run in parallel processes and only stretch the wall clock.
      const before = process.cpuUsage();
      const found = genericAdapter.findPosts(doc);
      const used = process.cpuUsage(before);
      micros.push(used.user + used.system);
      expect(found).toHaveLength(0);
    }
    micros.sort((x, y) => x - y);
    expect(micros[30]!).toBeLessThan(20_000);
  });
});

describe('the opening post drawn unlike its replies', () => {
  const url = 'https://help.example.org/q/5512';

  it('reads the question above the answers when its author line is built like theirs', () => {
    const posts = readPostsOnPage(loadFixture('generic/opening-post-unlike-replies.html', url), new URL(url));
    expect(posts.map((p) => p.author)).toEqual(['ravi_k', 'mo_t', 'ela', 'ravi_k']);
    expect(posts[0]!.text).toBe(
      "Every evening around eight my new router drops Wi-Fi for ten minutes. The provider's hotline keeps telling me to restart it, which changes nothing.",
    );
    // The "Top helpers" box names members the same way but holds no words of its own.
    expect(posts.filter((p) => p.author === 'mo_t')).toHaveLength(1);
  });

  it('leaves out an article that holds the page title, though its byline looks like a comment author', () => {
    const posts = readPostsOnPage(loadFixture('generic/plain-blog-comments.html', BLOG), new URL(BLOG));
    expect(posts.some((p) => p.text.startsWith('Last month we switched'))).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { visibleText } from '../../../lib/sites/dom';
import { ADAPTERS, genericAdapter, readPostsOnPage } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

const ALL = [...ADAPTERS, genericAdapter];

/** Every adapter, every way in: page-level read, findPosts, readPost on arbitrary elements. */
function readEverything(doc: Document, url: string) {
  const u = new URL(url);
  const all = readPostsOnPage(doc, u);
  for (const a of ALL) {
    for (const el of a.findPosts(doc)) a.readPost(el, u);
    for (const el of Array.from(doc.querySelectorAll('div, li, article')).slice(0, 50)) a.readPost(el, u);
    a.findComposer(doc.body ?? doc.documentElement, doc);
  }
  return all;
}

describe('hostile and broken pages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an empty page gives no posts and no exception, on every known host', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const url of ['https://x.com/home', 'https://www.reddit.com/', 'https://news.ycombinator.com/', 'https://a.example/']) {
      expect(readEverything(parsePage('', url), url)).toEqual([]);
    }
  });

  it('says once that a known site changed its markup, then falls back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const url = 'https://meta.discourse.org/t/x/1';
    readPostsOnPage(parsePage('<p>nothing here</p>', url), new URL(url));
    readPostsOnPage(parsePage('<p>nothing here</p>', url), new URL(url));
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('discourse'))).toHaveLength(1);
  });

  it('broken markup (unclosed tags, stray attributes) is read without throwing', () => {
    const html =
      '<div id="comments"><ul><li id="comment-1" class="comment"><cite class="fn">Ann<div class="comment-content"><p>Broken <b>markup <i>here' +
      '<li class="comment" id="comment-{{x}}"><article data-testid="tweet"><a href="javascript:alert(1)/status/12">x</a>' +
      '<shreddit-comment thingid="t1_x" author="" permalink="::::"></shreddit-comment><tr class="comtr" id="abc">';
    const url = 'https://blog.example.net/p';
    const posts = readEverything(parsePage(html, url), url);
    for (const p of posts) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.permalink === null || /^https?:\/\//.test(p.permalink)).toBe(true);
    }
  });

  it('5,000 nested divs: no exception, bounded time, and our own text walk is stack-safe', () => {
    const deep = `${'<div>'.repeat(5000)}<p>deep words</p>${'</div>'.repeat(5000)}`;
    const html = `<section id="comments"><ul><li><span class="author">Deep</span><div class="comment-content">${deep}</div></li></ul></section>`;
    const url = 'https://blog.example.net/deep';
    const doc = parsePage(html, url);
    const t0 = performance.now();
    // happy-dom's own querySelector recurses and overflows on this tree; the adapters must swallow that.
    expect(() => {
      for (const a of ALL) a.findPosts(doc);
      readPostsOnPage(doc, new URL(url));
    }).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(visibleText(doc.getElementById('comments'))).toBe('Deep deep words');
  });

  it('a 1 MB post is read as a bounded prefix, quickly', () => {
    const big = 'complaint '.repeat(100_000);
    const url = 'https://news.ycombinator.com/item?id=1';
    const html = `<table><tr class="athing comtr" id="2"><td><span class="comhead"><a class="hnuser" href="user?id=a">a</a></span><div class="commtext c00">${big}</div></td></tr></table>`;
    const doc = parsePage(html, url);
    const t0 = performance.now();
    const posts = readPostsOnPage(doc, new URL(url));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text.length).toBeLessThanOrEqual(20_000);
    expect(posts[0]!.text.startsWith('complaint complaint')).toBe(true);
  });

  it('zero-width and bidi control characters pass through as text, never as markup', () => {
    const evil = 'Re\u200bfund\u202e now\u2066 <img src=x onerror=alert(1)>';
    const url = 'https://old.reddit.com/r/x/comments/1/y';
    const html = `<div class="thing comment" data-author="z\u200bz" data-fullname="t1_z" data-permalink="/r/x/comments/1/y/z/"><div class="entry"><div class="usertext-body"><div class="md"><p></p></div></div></div></div>`;
    const doc = parsePage(html, url);
    doc.querySelector('.md p')!.textContent = evil;
    const [post] = readPostsOnPage(doc, new URL(url));
    expect(post?.text).toBe(evil);
    expect(post?.author).toBe('z\u200bz');
  });

  it('visibleText leaves out scripts, styles, templates and hidden parts', () => {
    const doc = parsePage(
      '<div id="t">shown <script>var s</script><style>.a{}</style><template>tpl</template><span hidden>h</span><span aria-hidden="true">a</span><noscript>n</noscript>end</div>',
      'https://a.example/',
    );
    expect(visibleText(doc.getElementById('t'))).toBe('shown end');
  });
});

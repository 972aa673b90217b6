import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsOnPage, readPostsWith } from '../../../lib/sites/index';
import { POST_BUDGET } from '../../../lib/sites/reader/blocks';
import { parsePage } from './load-fixture';

/**
 * The generic reader on hostile and odd pages: bounded time, no exception, no false posts.
 * Time bounds are wide (other test files share the cores); exact figures are in bench/sites.
 */
const URL_ = 'https://talk.example.org/t/some-thread';

function comment(i: number): string {
  return (
    `<div class="reply" id="r${i}"><div class="head"><a class="username" href="/users/u${i % 97}">user${i % 97}</a> ` +
    `<time datetime="2025-04-0${(i % 9) + 1}T10:00:00Z">April</time></div>` +
    `<div class="body"><p>My order ${i} never arrived and nobody answers the phone.</p></div></div>`
  );
}

const NAV_PAGE = `<html><body>
  <header class="site-header"><nav class="main-nav"><ul>${Array.from({ length: 40 }, (_, i) => `<li class="menu-item"><a href="/c/${i}">Category ${i}</a></li>`).join('')}</ul></nav></header>
  <div class="content"><ul class="index">${Array.from({ length: 300 }, (_, i) => `<li class="topic"><a href="/t/${i}">Topic title number ${i}</a> <a href="/users/u${i}">u${i}</a></li>`).join('')}</ul></div>
  <footer class="site-footer"><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/p/${i}">Page ${i}</a></li>`).join('')}</ul></footer>
</body></html>`;

describe('generic reader on bad input', () => {
  it('20,000 repeated post blocks: bounded time, no exception, at most the post budget', () => {
    const html = `<html><body><div class="thread">${Array.from({ length: 20_000 }, (_, i) => comment(i)).join('')}</div></body></html>`;
    const doc = parsePage(html, URL_);
    const t0 = performance.now();
    const posts = readPostsWith(genericAdapter, doc, new URL(URL_));
    // 5-7 s in jsdom here when alone, ~20 s once with the whole suite and four helpers on two cores; a
    // quadratic walk over 20,000 blocks would take many minutes, which is what this bound is for.
    expect(performance.now() - t0).toBeLessThan(40_000);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThanOrEqual(POST_BUDGET);
    expect(posts[0]).toMatchObject({ author: 'user0', text: 'My order 0 never arrived and nobody answers the phone.', time: '2025-04-01T10:00:00.000Z' });
  }, 120_000); // parsing 20,000 blocks in jsdom alone takes tens of seconds on a loaded 2-core machine

  it('5,000 posts each holding a reply of another kind, in groups each under a question: bounded time, no exception, at most the post budget', () => {
    const reply = (i: number) =>
      `<div class="sub-note" id="s${i}"><span class="note-by"><a href="/users/v${i % 89}">visitor${i % 89}</a></span> <span>2 days ago</span><div class="note-words">Still waiting for a refund on order ${i}, four weeks now.</div></div>`;
    const group = (g: number) =>
      `<div class="q-block"><div class="question"><a class="username" href="/users/q${g}">asker${g}</a> <time datetime="2025-04-01T10:00:00Z">April</time><div class="body">Why was I charged twice for order ${g}? It shows two payments.</div></div>` +
      `<div class="answers">${Array.from({ length: 10 }, (_, k) => comment(g * 10 + k).replace('</div></div>', `</div>${reply(g * 10 + k)}</div>`)).join('')}</div></div>`;
    const doc = parsePage(`<html><body>${Array.from({ length: 500 }, (_, g) => group(g)).join('')}</body></html>`, URL_);
    const t0 = performance.now();
    let posts: Array<{ author: string; text: string }> = [];
    expect(() => {
      posts = readPostsWith(genericAdapter, doc, new URL(URL_));
    }).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThanOrEqual(POST_BUDGET);
    // Nothing read twice: a reply's words are its own, not also its parent's.
    expect(posts.filter((p) => p.text.includes('Still waiting') && p.text.includes('never arrived'))).toEqual([]);
  }, 120_000);

  it('20,000 repeated navigation links: no posts', () => {
    const html = `<html><body><ul class="links">${Array.from({ length: 20_000 }, (_, i) => `<li class="link"><a href="/users/u${i}">u${i}</a></li>`).join('')}</ul></body></html>`;
    const doc = parsePage(html, URL_);
    const t0 = performance.now();
    expect(readPostsWith(genericAdapter, doc, new URL(URL_))).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 120_000);

  it('a page that is all navigation, topic index and footer: no posts', () => {
    expect(readPostsOnPage(parsePage(NAV_PAGE, URL_), new URL(URL_))).toEqual([]);
  });

  it('deeply nested markup around real posts: no exception, the posts still read or honestly none', () => {
    const deep = (inner: string) => `${'<div class="wrap">'.repeat(3000)}${inner}${'</div>'.repeat(3000)}`;
    const doc = parsePage(`<html><body>${deep(comment(1) + comment(2) + comment(3))}</body></html>`, URL_);
    let posts: unknown[] = [];
    expect(() => {
      posts = readPostsWith(genericAdapter, doc, new URL(URL_));
    }).not.toThrow();
    expect(posts.length === 0 || posts.length === 3).toBe(true);
  });

  it('a "recent comments" widget and a related-posts list beside the comments are not posts', () => {
    const widget = `<aside class="sidebar"><div class="widget widget_recent_comments"><ul>${Array.from({ length: 8 }, (_, i) => `<li class="recentcomments"><span class="comment-author-link"><a href="/users/w${i}">w${i}</a></span> on <a href="/p/${i}">A long post title that reads like words ${i}</a></li>`).join('')}</ul></div></aside>`;
    const related = `<div class="related-posts"><ul>${Array.from({ length: 6 }, (_, i) => `<li class="related"><a href="/p/${i}">Related article with a long descriptive title ${i}</a> by <a href="/author/a${i}">a${i}</a></li>`).join('')}</ul></div>`;
    const doc = parsePage(`<html><body><main><div class="thread">${comment(1)}${comment(2)}${comment(3)}</div>${related}</main>${widget}</body></html>`, URL_);
    const posts = readPostsWith(genericAdapter, doc, new URL(URL_));
    expect(posts.map((p) => p.author)).toEqual(['user1', 'user2', 'user3']);
    // The widget alone, on an article page: nothing.
    expect(readPostsWith(genericAdapter, parsePage(`<html><body><article><p>Just an article.</p></article>${widget}${related}</body></html>`, URL_), new URL(URL_))).toEqual([]);
  });

  it('markup changing after load: comments that arrive later are read, the same way, and nothing throws on removed ones', () => {
    const doc = parsePage('<html><body><article><p>An article; comments load later.</p></article><div id="later"></div></body></html>', URL_);
    const url = new URL(URL_);
    expect(readPostsWith(genericAdapter, doc, url)).toEqual([]);
    const box = doc.getElementById('later')!;
    box.innerHTML = `<div class="thread">${comment(1)}${comment(2)}</div>`;
    const first = readPostsWith(genericAdapter, doc, url);
    expect(first.map((p) => p.author)).toEqual(['user1', 'user2']);
    // One more comment added as a subtree (what the scanner hands over): read with the learned type.
    const holder = doc.createElement('div');
    holder.innerHTML = comment(3);
    const added = holder.firstElementChild!;
    doc.querySelector('.thread')!.appendChild(added);
    expect(readPostsWith(genericAdapter, added, url).map((p) => p.author)).toEqual(['user3']);
    // The site re-renders: old elements detached, markup replaced by a spinner. No throw, no false posts.
    const old = genericAdapter.findPosts(doc);
    box.innerHTML = '<div class="spinner">Loading…</div>';
    expect(() => old.map((el) => genericAdapter.readPost(el, url))).not.toThrow();
    expect(readPostsWith(genericAdapter, doc, url)).toEqual([]);
  });
});

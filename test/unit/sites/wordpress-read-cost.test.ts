// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { wordpressAdapter } from '../../../lib/sites/wordpress';

/**
 * Issue 18 (our JS per post): what reading a comment asks of the page, counted, not timed. In
 * Chromium a querySelectorAll copied to an array cost ~6 µs on a comment against ~1 µs for a
 * querySelector, a selector written for one comment ~5 µs (parsed and cached for that one
 * string), and the flagged comment's words were walked a second time by its full read
 * (research/page/probe-wp-reader.ts: 14 → 9 µs a light read, 66 → 29 µs a full one).
 */

const calls: Array<{ kind: string; css: string }> = [];
const textReads = new Set<Node>();
let textReadCount = 0;
const restore: Array<() => void> = [];

function patch(proto: object, name: string, wrap: (orig: PropertyDescriptor) => PropertyDescriptor): void {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) {
    const desc = Object.getOwnPropertyDescriptor(p, name);
    if (!desc) continue;
    Object.defineProperty(p, name, wrap(desc));
    restore.push(() => Object.defineProperty(p, name, desc));
    return;
  }
  throw new Error(`no ${name} on the prototype chain`);
}

function countQueries(): void {
  for (const kind of ['querySelector', 'querySelectorAll']) {
    patch(Element.prototype, kind, (d) => ({
      ...d,
      value(this: Element, css: string) {
        calls.push({ kind, css });
        return (d.value as (css: string) => unknown).call(this, css);
      },
    }));
  }
  patch(document.createTextNode('x'), 'nodeValue', (d) => ({
    ...d,
    get(this: Node) {
      textReads.add(this);
      textReadCount += 1;
      return d.get!.call(this);
    },
  }));
}

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
  calls.length = 0;
  textReads.clear();
  textReadCount = 0;
  document.body.replaceChildren();
});

/** Core comment markup (as bench:page's blog), every fifth comment with a threaded reply. */
function thread(n: number): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'comment-list';
  const comment = (id: number, reply = '') =>
    `<li id="comment-${id}" class="comment"><article id="div-comment-${id}" class="comment-body"><footer class="comment-meta">` +
    `<div class="comment-author vcard"><b class="fn"><a href="https://person${id}.example.net/" class="url">Person ${id}</a></b> <span class="says">says:</span></div>` +
    `<div class="comment-metadata"><a href="/2026/11/post/#comment-${id}"><time datetime="2026-11-0${(id % 9) + 1}T10:00:00Z">Nov</time></a></div></footer>` +
    `<div class="comment-content"><p>Order ${id} was charged <em>twice</em> and nobody answers</p></div>` +
    `<div class="reply"><a class="comment-reply-link" href="?replytocom=${id}#respond">Reply</a></div></article>${reply}</li>`;
  let html = '';
  for (let i = 1; i <= n; i++) html += comment(i, i % 5 === 0 ? `<ol class="children">${comment(10_000 + i)}</ol>` : '');
  list.innerHTML = html;
  return list;
}

/** The flagged comment's full read after its light read, as the session does it (without completeRead: readPost). */
function complete(el: Element, url: URL, light: Parameters<NonNullable<typeof wordpressAdapter.completeRead>>[2]) {
  return wordpressAdapter.completeRead ? wordpressAdapter.completeRead(el, url, light) : wordpressAdapter.readPost(el, url);
}

function setUp(n: number) {
  document.body.append(thread(n));
  const url = new URL('https://blog.example.org/2026/11/post/');
  const comments = wordpressAdapter.findPosts(document);
  return { url, comments };
}

describe('reading WordPress comments (what each read asks of the page)', () => {
  it('searches each part of a comment with one querySelector, none with a copied list, and no selector per comment', () => {
    const { url, comments } = setUp(200);
    const expected = comments.map((el) => wordpressAdapter.readPost(el, url));
    countQueries();
    const read = comments.map((el) => {
      const light = wordpressAdapter.readLight!(el, url)!.post;
      return complete(el, url, light);
    });
    expect(read).toEqual(expected);
    expect(read.filter(Boolean)).toHaveLength(240);
    expect(calls.filter((c) => c.kind === 'querySelectorAll')).toEqual([]);
    // A light read and its completion: author and words; then author, self-link, time, website.
    expect(calls.length / comments.length).toBeLessThanOrEqual(6);
    // The same few selectors for 240 comments (main wrote `a[href$="#comment-N"]` for each).
    expect(new Set(calls.map((c) => c.css)).size).toBeLessThanOrEqual(6);
  });

  it('walks a flagged comment\'s words once: its completion keeps the light read\'s', () => {
    const { url, comments } = setUp(50);
    countQueries();
    for (const el of comments) {
      const light = wordpressAdapter.readLight!(el, url)!.post;
      complete(el, url, light);
    }
    const words = comments.flatMap((el) => [...el.querySelector(':scope > article .comment-content')!.querySelectorAll('p, em')].flatMap((e) => [...e.childNodes]));
    const wordNodes = words.filter((n) => n.nodeType === 3);
    expect(wordNodes.length).toBeGreaterThan(0);
    // Each text node of the words read once (the light read); the name's text once (the completion).
    expect(wordNodes.every((n) => textReads.has(n))).toBe(true);
    const perComment = textReadCount / comments.length;
    expect(perComment).toBeLessThanOrEqual(wordNodes.length / comments.length + 2);
  });

  it('still finds the parent\'s own parts when a reply comes first in the markup', () => {
    // A theme that prints the replies before the parent's footer: the first match is the reply's.
    document.body.innerHTML =
      '<ol class="comment-list"><li id="comment-1" class="comment"><ol class="children"><li id="comment-2" class="comment">' +
      '<div class="comment-author"><b class="fn">Reply Person</b></div><a href="/p/#comment-2"><time datetime="2026-11-02T10:00:00Z">x</time></a>' +
      '<div class="comment-content"><p>reply words</p></div></li></ol>' +
      '<div class="comment-author"><b class="fn">Parent Person</b></div><a href="/p/#comment-1"><time datetime="2026-11-01T10:00:00Z">x</time></a>' +
      '<div class="comment-content"><p>parent words</p></div></li></ol>';
    const url = new URL('https://blog.example.org/p/');
    const parent = document.getElementById('comment-1')!;
    const light = wordpressAdapter.readLight!(parent, url)!.post;
    const full = complete(parent, url, light);
    expect(full).toEqual(wordpressAdapter.readPost(parent, url));
    expect(full).toMatchObject({ author: 'Parent Person', text: 'parent words', permalink: 'https://blog.example.org/p/#comment-1', time: '2026-11-01T10:00:00.000Z' });
  });
  it('reads the page address once for all the comments\' links, and folds only text that needs folding', () => {
    const { url, comments } = setUp(200);
    const expected = comments.map((el) => wordpressAdapter.readPost(el, url));
    // Every URL getter a link's resolution could ask (each a call into the browser that makes a string).
    let urlReads = 0;
    for (const name of ['origin', 'pathname', 'search', 'protocol', 'host', 'hash']) {
      patch(URL.prototype, name, (d) => ({ ...d, get(this: URL) { urlReads += 1; return d.get!.call(this); } }));
    }
    let folds = 0;
    patch(String.prototype, 'replace', (d) => ({
      ...d,
      value(this: string, pattern: unknown, by: unknown) {
        if (pattern instanceof RegExp && pattern.source === '\\s+') folds += 1;
        return (d.value as (p: unknown, b: unknown) => string).call(this, pattern, by);
      },
    }));
    const read = comments.map((el) => complete(el, url, wordpressAdapter.readLight!(el, url)!.post));
    expect(read).toEqual(expected);
    // 240 comments, two links each (self-link, website): main read 3–5 of the address's parts a link.
    expect(urlReads).toBeLessThanOrEqual(8);
    // The words and the name are folded once each (their text is joined from several nodes); what
    // is folded already (a post's fields in buildPost, the handle, a link) is not folded again.
    expect(folds / read.length).toBeLessThanOrEqual(2);
  });
});

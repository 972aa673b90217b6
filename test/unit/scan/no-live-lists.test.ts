// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isBig, isBigPiece } from '../../../lib/scan/piecewise';
import { wordpressAdapter } from '../../../lib/sites/wordpress';

/**
 * Issue 18 (heap growth ≤ 3 MB): a live list asked of an element (`childNodes`, `children`,
 * `getElementsByTagName`) stays cached on it, with the browser's per-node list data (0.2–0.4 KB in
 * Chromium). Read comment by comment, a 50,000-comment flood page kept ~50,000 of them after 15 s:
 * most of our heap growth there (research/page/probe-flood-heap.ts). Searching and reading a post
 * asks none of its elements for one. Counted: the elements a live list was asked of.
 */

const asked = new Set<Node>();
const restore: Array<() => void> = [];

/** Records `this` whenever a live list is asked of a node, wherever happy-dom defines the accessor. */
function watch(proto: object, name: string): void {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) {
    const desc = Object.getOwnPropertyDescriptor(p, name);
    if (!desc) continue;
    const patched: PropertyDescriptor = desc.get
      ? { ...desc, get(this: Node) { asked.add(this); return desc.get!.call(this); } }
      : { ...desc, value(this: Node, ...args: unknown[]) { asked.add(this); return (desc.value as (...a: unknown[]) => unknown).apply(this, args); } };
    Object.defineProperty(p, name, patched);
    restore.push(() => Object.defineProperty(p, name, desc));
    return;
  }
  throw new Error(`no ${name} on the prototype chain`);
}

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
  asked.clear();
  document.body.replaceChildren();
});

/** The flood page's markup (bench/page/flood-pages.ts): WordPress core comments in one list. */
function floodList(n: number): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'commentlist';
  for (let i = 1; i <= n; i++) {
    const li = document.createElement('li');
    li.className = 'comment';
    li.id = `comment-${i}`;
    li.innerHTML =
      `<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Flood Person ${i}</b></div></footer>` +
      `<div class="comment-content"><p>Acme charged me <em>twice</em> (order ${i}) and nobody answers my emails</p></div></article>`;
    list.append(li);
  }
  return list;
}

describe('searching and reading posts', () => {
  it('asks no comment of a long list for a live list of its children or descendants', () => {
    const comments = document.createElement('div');
    comments.id = 'comments';
    const list = floodList(400);
    comments.append(list);
    document.body.append(comments);
    const sample = list.querySelector('b')!;
    watch(sample, 'childNodes');
    watch(sample, 'children');
    watch(sample, 'getElementsByTagName');
    watch(sample, 'getElementsByClassName');

    const url = new URL('https://flood.example/static/');
    let read = 0;
    // What the scanner does with each piece of a big list (lib/scan/piecewise.ts), then each post found.
    for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
      expect(isBigPiece(li)).toBe(false);
      for (const el of wordpressAdapter.findPosts(li)) if (wordpressAdapter.readPost(el, url)?.text.includes('charged me twice')) read += 1;
    }
    expect(read).toBe(400);
    const inComments = [...asked].filter((node) => node !== list && list.contains(node));
    expect(inComments.length).toBe(0);
  });

  it('still tells a big root from a small one', () => {
    const list = floodList(500); // 500 × 9 elements
    document.body.append(list);
    expect(isBig(list)).toBe(true);
    expect(isBigPiece(list)).toBe(true);
    expect(isBigPiece(list.firstElementChild!)).toBe(false);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../../lib/scan';
import { findsAnyPost, SPLIT_AT } from '../../../lib/scan/piecewise';
import { article, articleAdapter, collector, manualSchedule, settle } from './scan-fixture';

// Issue 18 / issue 16 item 4: a page of thousands of posts must not be searched in one step.
let scanner: Scanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.replaceChildren();
});

/** An <ol> of `n` list items, each holding one post; more than SPLIT_AT elements when n is large. */
function bigList(n: number): HTMLOListElement {
  const list = document.createElement('ol');
  for (let i = 0; i < n; i += 1) {
    const li = document.createElement('li');
    li.append(article(document, `p${i}`));
    list.append(li);
  }
  return list;
}

/** Lays the list's items out 100 px tall each, the viewport's top at `scrollTop` (happy-dom has no layout). */
function layOut(list: Element, scrollTop: number): void {
  [...list.children].forEach((li, i) => {
    const top = i * 100 - scrollTop;
    li.getBoundingClientRect = () => ({ top, bottom: top + 100, left: 0, right: 800, width: 800, height: 100, x: 0, y: top, toJSON: () => ({}) });
  });
}

function setup(withIsPost: boolean) {
  const sched = manualSchedule();
  const reader = articleAdapter();
  const searched: Element[] = [];
  const findPosts = reader.adapter.findPosts;
  reader.adapter.findPosts = (root) => {
    searched.push(root as Element);
    return findPosts(root);
  };
  if (withIsPost) reader.adapter.isPost = (el) => el.nodeName === 'ARTICLE';
  const out = collector();
  // A clock that moves 0.5 ms per reading, so a slice's time budget covers the same work on a
  // loaded machine as on a quiet one (with the real clock a slow run searched further per
  // slice's worth of posts and the order after a scroll depended on the machine's load).
  let clock = 10_000;
  const now = () => (clock += 0.5);
  scanner = createScanner({ doc: document, adapter: reader.adapter, onPosts: out.onPosts, schedule: sched.schedule, IntersectionObserver: null, rate: null, now });
  return { sched, out, searched, scanner };
}

describe('searching a big page in pieces', () => {
  it('finds every post of a page far bigger than one step, once each, without searching the page whole', async () => {
    const list = bigList(SPLIT_AT); // 2 × SPLIT_AT elements
    document.body.append(list);
    const t = setup(true);
    t.scanner.start();
    await settle();
    t.sched.runAll();
    const ids = t.out.ids();
    expect(ids).toHaveLength(SPLIT_AT);
    expect(new Set(ids).size).toBe(SPLIT_AT);
    // Neither the body nor the list was handed to findPosts: each search covered one item.
    expect(t.searched).not.toContain(document.body);
    expect(t.searched).not.toContain(list);
    expect(t.scanner.stats().queued).toBe(0);
  });

  it('an adapter that cannot say which element is a post still has the page searched whole (same posts as before)', async () => {
    document.body.append(bigList(SPLIT_AT));
    const t = setup(false);
    t.scanner.start();
    await settle();
    t.sched.runAll();
    expect(t.out.ids()).toHaveLength(SPLIT_AT);
    expect(t.searched).toContain(document.body);
  });

  it('reads the posts at the viewport first, then the ones below, then the ones above', async () => {
    const list = bigList(SPLIT_AT);
    document.body.append(list);
    layOut(list, 150_000); // scrolled to item 1,500
    const t = setup(true);
    t.scanner.start();
    await settle();
    t.sched.runAll();
    const ids = t.out.ids();
    expect(ids.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `p${1500 + i}`));
    expect(ids.indexOf('p1999')).toBeLessThan(ids.indexOf('p1499'));
    expect(ids).toHaveLength(SPLIT_AT);
  });

  it('after a scroll, goes on from the new viewport', async () => {
    const list = bigList(SPLIT_AT);
    document.body.append(list);
    layOut(list, 0);
    const t = setup(true);
    t.scanner.start();
    await settle();
    // The first slices: the top of the page.
    while (t.out.ids().length === 0) t.sched.runOne();
    const firstSlices = t.out.ids().length;
    expect(firstSlices).toBeLessThan(1_000);
    layOut(list, 120_000); // the agent jumps to item 1,200
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 120));
    t.sched.runAll();
    const ids = t.out.ids();
    // What was already found near the top is read first (at most a couple of hundred), then the new viewport.
    expect(ids.indexOf('p1200')).toBeLessThan(firstSlices + 250);
    expect(ids.indexOf('p1200')).toBeLessThan(ids.indexOf('p700'));
    expect(new Set(ids).size).toBe(SPLIT_AT);
  });

  it('after a scroll back into what was searched, jumps over it instead of stepping through it sibling by sibling', async () => {
    const list = bigList(2 * SPLIT_AT);
    document.body.append(list);
    layOut(list, 0);
    const t = setup(true);
    t.scanner.start();
    await settle();
    // The top half read; the search goes on below it.
    while (t.out.ids().length < SPLIT_AT) t.sched.runOne();
    let steps = 0;
    const undo = (['nextElementSibling', 'previousElementSibling'] as const).map((name) => {
      const owner = Object.getOwnPropertyDescriptor(Element.prototype, name) ? Element.prototype : Node.prototype;
      const desc = Object.getOwnPropertyDescriptor(owner, name)!;
      Object.defineProperty(owner, name, { ...desc, get(this: Element) { if (this.parentNode === list) steps += 1; return desc.get!.call(this); } });
      return () => Object.defineProperty(owner, name, desc);
    });
    const perScroll: number[] = [];
    try {
      // The agent scrolls back up into what was searched, three times: each time the search
      // restarts there and must get past the searched items to the first unsearched one.
      for (const item of [100, 300, 50]) {
        const before = t.out.ids().length;
        steps = 0;
        layOut(list, item * 100);
        document.dispatchEvent(new Event('scroll'));
        await new Promise((r) => setTimeout(r, 120));
        while (t.out.ids().length < before + 10) t.sched.runOne();
        perScroll.push(steps);
      }
    } finally {
      for (const u of undo) u();
    }
    t.sched.runAll();
    expect(new Set(t.out.ids()).size).toBe(2 * SPLIT_AT);
    // Stepping through the 2,000 searched items cost as many sibling steps; jumping over them,
    // none: what is left are the steps of the search going on (~3 a piece searched).
    expect(Math.max(...perScroll)).toBeLessThan(300);
  });

  it('a big root that is itself a post is read too, with the posts inside it', async () => {
    const thread = article(document, 'opening');
    thread.append(bigList(SPLIT_AT / 2 + 10));
    document.body.append(thread);
    const t = setup(true);
    t.scanner.start();
    await settle();
    t.sched.runAll();
    const ids = t.out.ids();
    expect(ids).toContain('opening');
    expect(new Set(ids).size).toBe(SPLIT_AT / 2 + 11);
    expect(t.searched).not.toContain(thread);
  });
});

describe('findsAnyPost (choosing the reader)', () => {
  it('answers as findPosts(doc) would, without listing a big page whole', () => {
    const reader = articleAdapter();
    const searched: ParentNode[] = [];
    const adapter = {
      findPosts: (root: ParentNode) => (searched.push(root), reader.adapter.findPosts(root)),
      isPost: (el: Element) => el.nodeName === 'ARTICLE',
    };
    const filler = document.createElement('div');
    for (let i = 0; i < SPLIT_AT + 10; i += 1) filler.append(document.createElement('span'));
    document.body.append(filler);
    expect(findsAnyPost(document, adapter)).toBe(false);
    document.body.prepend(bigList(SPLIT_AT));
    searched.length = 0;
    expect(findsAnyPost(document, adapter)).toBe(true);
    expect(searched).not.toContain(document.documentElement);
    expect(searched).not.toContain(document.body);
    // Stopped at the first list item that holds a post: a handful of small searches, not 2,000.
    expect(searched.length).toBeLessThan(SPLIT_AT / 10);
  });
});

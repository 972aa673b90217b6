// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../../lib/scan';
import { article, articleAdapter, collector, manualSchedule, settle, fakeObserver } from './scan-fixture';

let scanner: Scanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.replaceChildren();
});

/** A scanner over the global document with a manual scheduler and no IntersectionObserver (document order). */
function setup(opts: { throwFor?: string; onRead?: (el: Element) => void; isOwnNode?: (n: Node) => boolean } = {}) {
  const sched = manualSchedule();
  const reader = articleAdapter(opts);
  const out = collector();
  scanner = createScanner({
    doc: document,
    adapter: reader.adapter,
    onPosts: out.onPosts,
    isOwnNode: opts.isOwnNode,
    schedule: sched.schedule,
    IntersectionObserver: null,
  });
  const s = scanner;
  /** Let the observer deliver, then run every slice that follows. */
  const flush = async () => {
    await settle();
    sched.runAll();
  };
  return { sched, reader, out, scanner: s, flush };
}

function addArticles(parent: Element, ids: string[]): HTMLElement[] {
  const els = ids.map((id) => article(document, id));
  parent.append(...els);
  return els;
}

describe('createScanner', () => {
  it('reads every post present at start exactly once', async () => {
    const feed = document.createElement('main');
    addArticles(feed, ['1', '2', '3']);
    feed.querySelector('article')?.append(article(document, '1a')); // nested post
    document.body.append(feed);
    const t = setup();
    t.scanner.start();
    await t.flush();
    expect(t.out.ids().sort()).toEqual(['1', '1a', '2', '3']);
    expect(t.reader.reads).toBe(4);
    expect(t.scanner.stats()).toMatchObject({ posts: 4, queued: 0 });
  });

  it('reads posts added later exactly once, nested in subtrees or many at once', async () => {
    const feed = document.createElement('main');
    document.body.append(feed);
    const t = setup();
    t.scanner.start();
    await t.flush();

    addArticles(feed, ['a']);
    const cell = document.createElement('div');
    cell.innerHTML = '<section><div><article data-id="b">b</article></div><article data-id="c">c</article></section>';
    feed.append(cell);
    const many = document.createElement('div');
    addArticles(many, Array.from({ length: 200 }, (_, i) => `m${i}`));
    feed.append(many);
    // A subtree added inside one that is still queued is not queued twice.
    cell.querySelector('div')?.append(article(document, 'd'));
    await t.flush();

    const ids = t.out.ids();
    expect(ids).toHaveLength(204);
    expect(new Set(ids).size).toBe(204);
    expect(t.reader.reads).toBe(204);
  });

  it('finds an added element that is itself the post (findPosts(root) alone would miss it)', async () => {
    const t = setup();
    t.scanner.start();
    await t.flush();
    document.body.append(article(document, 'solo'));
    await t.flush();
    expect(t.out.ids()).toEqual(['solo']);
  });

  it('does not re-read an element that is removed and added back', async () => {
    const feed = document.createElement('main');
    document.body.append(feed);
    const [el] = addArticles(feed, ['x']) as [HTMLElement];
    const t = setup();
    t.scanner.start();
    await t.flush();
    el.remove();
    await t.flush();
    feed.prepend(el);
    await t.flush();
    expect(t.reader.readsByEl.get(el)).toBe(1);
    expect(t.out.ids()).toEqual(['x']);
  });

  it('reads a recycled element again when the site puts a new post in it', async () => {
    const [el] = addArticles(document.body, ['old']) as [HTMLElement];
    const t = setup();
    t.scanner.start();
    await t.flush();
    // X reuses the cell: new id, new words (a replaced text node, which childList sees).
    el.setAttribute('data-id', 'new');
    el.textContent = 'another customer';
    await t.flush();
    // A descendant element added inside also counts as a change.
    el.setAttribute('data-id', 'newer');
    el.append(document.createElement('span'));
    await t.flush();
    expect(t.out.ids()).toEqual(['old', 'new', 'newer']);
    expect(t.out.items().every((i) => !i.reused)).toBe(true);
  });

  it('reports a fresh element showing a known post as reused, and never reports a post twice', async () => {
    const [first] = addArticles(document.body, ['42']) as [HTMLElement];
    const t = setup();
    t.scanner.start();
    await t.flush();
    first.remove();
    const again = article(document, '42');
    document.body.append(again);
    await t.flush();
    expect(t.out.items().map((i) => [i.post.id, i.reused, i.el])).toEqual([
      ['42', false, first],
      ['42', true, again],
    ]);
    // Re-reading the same element with the same id reports nothing.
    again.append(document.createElement('span'));
    await t.flush();
    expect(t.out.items()).toHaveLength(2);
  });

  it('never does work for our own nodes', async () => {
    const own = new WeakSet<Node>();
    const t = setup({ isOwnNode: (n) => own.has(n) });
    const [post] = addArticles(document.body, ['p']) as [HTMLElement];
    t.scanner.start();
    await t.flush();
    const slicesBefore = t.scanner.stats().slices;

    const host = document.createElement('frontline-ui');
    own.add(host);
    host.append(article(document, 'inside-our-ui'));
    document.body.append(host);
    const mark = document.createElement('span');
    own.add(mark);
    post.append(mark); // a badge we put inside a post must not make it read again
    await settle();
    expect(t.sched.waiting).toBe(0);
    // Nodes added later to our own nodes are ignored in the observer callback.
    host.append(article(document, 'deeper'));
    await settle();
    expect(t.sched.waiting).toBe(0);
    // Deeper below, where the callback cannot tell, the slice drops them before any adapter call.
    host.querySelector('article')?.append(article(document, 'deepest'));
    await t.flush();
    expect(t.scanner.stats().slices).toBe(slicesBefore + 1);
    expect(t.scanner.stats().queued).toBe(0);
    expect(t.reader.reads).toBe(1);
  });

  it('skips script, style and template additions before any work', async () => {
    const t = setup();
    t.scanner.start();
    await t.flush();
    const slicesBefore = t.scanner.stats().slices;
    const script = document.createElement('script');
    script.textContent = 'var x = 1';
    document.body.append(script, document.createElement('style'), document.createElement('template'));
    await settle();
    expect(t.sched.waiting).toBe(0);
    expect(t.scanner.stats().slices).toBe(slicesBefore);
  });

  it('keeps every slice within the budget (fake clock, 1 ms per read)', async () => {
    let clock = 0;
    const sched = manualSchedule();
    const reader = articleAdapter({ onRead: () => void (clock += 1) });
    const readsPerSlice: number[] = [];
    let readsBefore = 0;
    const out = collector();
    addArticles(document.body, Array.from({ length: 100 }, (_, i) => `p${i}`));
    scanner = createScanner({
      doc: document,
      adapter: reader.adapter,
      onPosts: out.onPosts,
      budgetMs: 8,
      now: () => clock,
      schedule: (cb) =>
        sched.schedule(() => {
          cb();
          readsPerSlice[readsPerSlice.length] = reader.reads - readsBefore;
          readsBefore = reader.reads;
        }),
      IntersectionObserver: null,
    });
    scanner.start();
    sched.runAll();
    expect(reader.reads).toBe(100);
    expect(Math.max(...readsPerSlice)).toBeLessThanOrEqual(8);
    expect(scanner.stats().maxSliceMs).toBeLessThanOrEqual(8);
    expect(scanner.stats().slices).toBeGreaterThanOrEqual(13);
    expect(new Set(out.ids()).size).toBe(100);
  });

  it('stop() disconnects, drops queued work and silences every callback', async () => {
    addArticles(document.body, ['1', '2']);
    const t = setup();
    t.scanner.start();
    expect(t.sched.waiting).toBe(1); // the first slice is scheduled but has not run
    t.scanner.stop();
    addArticles(document.body, ['3']);
    await t.flush(); // runs the stale scheduled slice: it must do nothing
    expect(t.reader.reads).toBe(0);
    expect(t.out.batches).toHaveLength(0);
    expect(t.scanner.stats().queued).toBe(0);
  });

  it('stop() inside onPosts is honoured at once', async () => {
    addArticles(document.body, ['1']);
    const sched = manualSchedule();
    const reader = articleAdapter();
    let calls = 0;
    scanner = createScanner({
      doc: document,
      adapter: reader.adapter,
      onPosts: () => {
        calls += 1;
        scanner?.stop();
      },
      schedule: sched.schedule,
      IntersectionObserver: null,
    });
    scanner.start();
    sched.runAll();
    addArticles(document.body, ['2']);
    await settle();
    sched.runAll();
    expect(calls).toBe(1);
  });

  it('an adapter that throws on one post does not stop the others', async () => {
    addArticles(document.body, ['ok1', 'bad', 'ok2']);
    const t = setup({ throwFor: 'bad' });
    t.scanner.start();
    await t.flush();
    addArticles(document.body, ['ok3']);
    await t.flush();
    expect(t.out.ids()).toEqual(['ok1', 'ok2', 'ok3']);
  });

  it('an onPosts that throws does not reach the page or stop later batches', async () => {
    const sched = manualSchedule();
    const reader = articleAdapter();
    const seen: string[] = [];
    addArticles(document.body, ['1']);
    scanner = createScanner({
      doc: document,
      adapter: reader.adapter,
      onPosts: (batch) => {
        for (const b of batch) seen[seen.length] = b.post.id;
        throw new Error('ui broke');
      },
      schedule: sched.schedule,
      IntersectionObserver: null,
    });
    scanner.start();
    expect(() => sched.runAll()).not.toThrow();
    addArticles(document.body, ['2']);
    await settle();
    expect(() => sched.runAll()).not.toThrow();
    expect(seen).toEqual(['1', '2']);
  });

  it('reset() forgets what was read and rescans the page', async () => {
    addArticles(document.body, ['1', '2']);
    const t = setup();
    t.scanner.start();
    await t.flush();
    t.scanner.reset();
    await t.flush();
    expect(t.out.ids()).toEqual(['1', '2', '1', '2']);
    expect(t.out.items().every((i) => !i.reused)).toBe(true);
    // Still observing after reset.
    addArticles(document.body, ['3']);
    await t.flush();
    expect(t.out.ids()).toHaveLength(5);
  });

  /** A scanner on a manual schedule with a controllable IntersectionObserver, started. */
  function startObserved(ids: string[] = []) {
    const sched = manualSchedule();
    const reader = articleAdapter();
    const out = collector();
    const io = fakeObserver();
    const els = addArticles(document.body, ids);
    scanner = createScanner({
      doc: document,
      adapter: reader.adapter,
      onPosts: out.onPosts,
      schedule: sched.schedule,
      IntersectionObserver: io.IO,
    });
    scanner.start();
    return { sched, reader, out, io, els };
  }

  it('reads near-viewport posts before the others when an IntersectionObserver reports', async () => {
    // A first scan of a long thread: far more candidates than a slice reads.
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const { sched, reader, out, io, els } = startObserved(ids);
    sched.runOne(); // places and expands: candidates wait a frame for the observer
    expect(io.observed).toEqual(els);
    expect(reader.reads).toBe(0);
    // The agent has scrolled to the bottom: only the last post is near the viewport.
    io.notify(els.map((el, i) => ({ target: el, isIntersecting: i === 199 }) as unknown as IntersectionObserverEntry));
    sched.runAll();
    expect(out.ids()).toEqual(['c199', ...ids.slice(0, 199)]);
  });

  it('reads a screenful added by an infinite timeline at once, without waiting for the observer', async () => {
    const { sched, out, io } = startObserved();
    sched.runAll();
    addArticles(document.body, ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10']);
    await Promise.resolve(); // the MutationObserver delivers
    sched.runAll();
    expect(out.ids()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10']);
    expect(io.observed).toEqual([]);
  });

  it('reads in document order anyway when the IntersectionObserver never reports', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const { sched, out } = startObserved(ids);
    expect(sched.runAll()).toBeLessThanOrEqual(4);
    expect(out.ids()).toEqual(ids);
  });
});

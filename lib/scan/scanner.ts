import type { Post } from '../types';
import { Fifo } from './fifo';
import { collectAdded, type IntakeItem } from './mutation-intake';
import { NativeIntersectionObserver, NativeMutationObserver, NativeWeakMap, NativeWeakSet, nativeNow } from './page-globals';
import { createSearchedPieces, cursorAt, isBig, isBigPiece, nextPiece, type PieceCursor } from './piecewise';
import { createErrorGate } from './report-once';
import { createSliceRunner } from './slice-runner';
import type { Scanner, ScannedPost, ScannerOptions } from './types';
import { createVisibility, type Visibility } from './visibility';

/**
 * Page scanner (issue 4, item 3): MutationObserver → queue → time-sliced reading, visible posts
 * first, each post once. Work per slice, in priority order:
 *   1. place one added root (drop it if detached, ours, or inside a root still queued);
 *   2. expand one group of roots that share a parent: `findPosts(root)` on each (adapters count
 *      the root itself when it is a post);
 *   3. read one candidate: changed posts, then near-viewport ones, then the rest in document order.
 * No step reads layout; the observer callback reads only nodeType/nodeName.
 */
/** Candidates waiting beyond this many are read visible-first (IntersectionObserver). */
const NEAR_FIRST_BACKLOG = 60;
/**
 * An IntersectionObserver costs the page every frame for every element it watches (50,000 queued
 * posts on a flooded page made its frames 5 s longer over a 25 s visit): at most this many are
 * watched at once; the rest are read in document order. (Hit-testing the viewport instead was
 * tried and cost more: every probe forced a layout and a hit test of the whole page.)
 */
const MAX_WATCHED = 300;
/**
 * Beyond this many queued posts (a flood), the oldest are set aside and never read unless the
 * page changes them: a page that posts faster than our budget loses its oldest unread posts, not
 * its newest, and the queue's memory stays bounded. A first scan of 2,000 comments fits.
 */
const MAX_BACKLOG = 3_000;
/**
 * A big root searched in pieces (piecewise.ts) is searched only while fewer than this many found
 * posts wait to be read: what is found near the viewport is read before the search goes on, and a
 * page of 50,000 posts never holds 50,000 in our queues.
 */
const SEARCH_AHEAD = 200;
/**
 * Post ids remembered for `reused` (oldest forgotten first): every id ever read was kept, ~30 bytes
 * each for as long as the tab lived (issue 18). A 5,000-post timeline still fits.
 */
const MAX_KNOWN_IDS = 6_000;
/** After the agent scrolls, the pieces' search restarts from the new viewport at most this often. */
const RESEEK_MS = 100;
/**
 * The scanner's share of the main thread (issue 18): a first scan may take 250 ms at once (a
 * 2,000-comment blog needs about that), then 30 ms a second. A page posting faster than that is
 * read visible posts first, the rest later or never.
 */
export const DEFAULT_RATE = { perSecondMs: budgetKnob(), burstMs: 250 };

/**
 * The steady share is a build-time knob for measuring its trade-off (`WXT_SCAN_MS_PER_SECOND=10
 * npx wxt build`, README "What the page feels"): lower costs a churning page less and reads a
 * long timeline more slowly. Unset (every shipped build): 30 ms a second.
 */
function budgetKnob(): number {
  const raw = Number((import.meta as { env?: Record<string, unknown> }).env?.WXT_SCAN_MS_PER_SECOND);
  return Number.isFinite(raw) && raw > 0 ? raw : 30;
}

export function createScanner(opts: ScannerOptions): Scanner {
  const { doc, adapter } = opts;
  const isOwnNode = opts.isOwnNode ?? (() => false);
  const MO = NativeMutationObserver ?? doc.defaultView?.MutationObserver;
  const IO = opts.IntersectionObserver === undefined ? NativeIntersectionObserver : opts.IntersectionObserver;
  const errors = createErrorGate();
  const now = opts.now ?? nativeNow;
  const runner = createSliceRunner({
    budgetMs: opts.budgetMs,
    now,
    schedule: opts.schedule,
    rate: opts.rate === undefined ? DEFAULT_RATE : (opts.rate ?? undefined),
    budget: opts.budget,
    delay: opts.delay,
    onSliceEnd: endSlice,
    onError: (e) => errors.report('scan step', e),
  });

  // Elements read → the post id they showed (null: not a post yet, or the adapter threw).
  let readIds = new NativeWeakMap<Element, string | null>();
  let knownIds = new Set<string>();
  let enqueued = new NativeWeakSet<Element>();
  const pendingRoots = new Fifo<IntakeItem>();
  const queuedRoots = new Set<Element>(); // pending or grouped, not yet expanded: for coalescing
  const groups = new Map<ParentNode, Set<Element>>();
  const groupOrder = new Fifo<ParentNode>();
  const changed = new Fifo<Element>();
  const changedSet = new Set<Element>();
  const rest = new Fifo<{ el: Element; slice: number; watched: boolean }>();
  let visibility: Visibility | null = null;
  let watching = new NativeWeakSet<Element>();
  let watchedCount = 0;
  // Set aside by the backlog cap (counted for stats; a change to one reads it again).
  let setAsideCount = 0;
  let observer: MutationObserver | null = null;
  let batch: ScannedPost[] = [];
  let reported = 0;
  let sliceNo = 0;
  let pageUrl: URL | null = null;
  let running = false;
  let pumpQueued = false;
  let waitingForVisibility = false;
  // Reading stopped for the caller (holdReading): resume() wakes the pump again.
  let held = false;
  let holds = 0;
  // Big roots being searched child by child, innermost last (searched first).
  const cursors: PieceCursor[] = [];
  const newSearchedPieces = () => createSearchedPieces(NativeWeakMap);
  let searchedPieces = newSearchedPieces();
  let reseekDue = false;
  let lastSeek = 0;
  const onScroll = (): void => {
    if (cursors.length === 0) return;
    reseekDue = true;
  };

  const pump = (): boolean => {
    const more = step();
    if (!more) pumpQueued = false;
    return more;
  };

  function wake(): void {
    if (!running || pumpQueued) return;
    pumpQueued = true;
    runner.push(pump);
  }

  function enqueueRoot(item: IntakeItem): void {
    if (!item.changedInPlace) {
      if (queuedRoots.has(item.el)) return; // coalesce: the same subtree queued twice
      queuedRoots.add(item.el);
    }
    pendingRoots.add(item);
  }

  function step(): boolean {
    const root = pendingRoots.take();
    if (root) return place(root), true;
    const scope = groupOrder.take();
    if (scope) return expand(scope), true;
    if (opts.holdReading?.(batch.length)) {
      if (!held) holds += 1;
      held = true;
      return false;
    }
    held = false;
    const edited = changed.take();
    if (edited) {
      changedSet.delete(edited);
      return read(edited, true, false), true;
    }
    const near = visibility?.takeNear();
    if (near) return read(near, false, true), true;
    if (cursors.length > 0 && rest.size < SEARCH_AHEAD) return searchPiece(), true;
    const head = rest.peek();
    if (!head) return false;
    // Give the IntersectionObserver a frame to report before reading in document order;
    // after two slices read anyway (an observer that never reports must not stall us).
    if (head.watched && visibility && !visibility.reported(head.el) && sliceNo <= head.slice + 1 && !readIds.has(head.el)) {
      waitingForVisibility = true;
      return false;
    }
    rest.take();
    read(head.el, false, head.watched);
    return true;
  }

  function place({ el, changedInPlace }: IntakeItem): void {
    const drop = (): void => {
      if (!changedInPlace) queuedRoots.delete(el);
    };
    if (!el.isConnected) return drop();
    // Text replaced directly under an element we read (or tried to read): read it again.
    if (changedInPlace && readIds.has(el)) markChanged(el);
    let covered = false;
    let foundPost = false;
    for (let n = el.parentNode; n && n.nodeType === 1; n = n.parentNode) {
      const ancestor = n as Element;
      if (isOwnNode(ancestor)) return drop();
      if (!covered && queuedRoots.has(ancestor)) covered = true;
      if (!foundPost && readIds.has(ancestor)) {
        // Content added inside a post we read: X fills skeleton cells and recycles them, so read it again.
        foundPost = true;
        markChanged(ancestor);
      }
    }
    // Changed text never creates post elements; an added root inside a queued one is found with it.
    if (changedInPlace || covered) return drop();
    const scope: ParentNode = el.parentNode ?? el;
    let members = groups.get(scope);
    if (!members) {
      members = new Set();
      groups.set(scope, members);
      groupOrder.add(scope);
    }
    members.add(el);
  }

  function expand(scope: ParentNode): void {
    const members = groups.get(scope);
    groups.delete(scope);
    if (!members) return;
    // Adapters include the root itself when it is a post (lib/sites/dom.ts postsUnder), so each
    // added root is searched on its own: cost follows what was added, not the size of the feed.
    for (const root of members) {
      if (splittable(root)) split(root);
      else {
        const found = errors.guard('findPosts', () => adapter.findPosts(root)) ?? [];
        // Visible-first order matters only for a backlog bigger than a slice or two reads (a page's
        // first scan); an infinite timeline adding a screenful at a time skips the observer's cost.
        queueFound(found, visibility !== null && rest.size + found.length > NEAR_FIRST_BACKLOG);
      }
      queuedRoots.delete(root);
    }
  }

  function queueFound(found: readonly Element[], nearFirst: boolean): void {
    for (let i = 0; i < found.length; i += 1) {
      const el = found[i] as Element;
      if (readIds.has(el) || enqueued.has(el)) continue;
      enqueued.add(el);
      const watched = nearFirst && watchedCount < MAX_WATCHED;
      if (watched) watch(el);
      rest.add({ el, slice: sliceNo, watched });
      if (rest.size > MAX_BACKLOG) setAside();
    }
  }

  /** Only an adapter that says which element is a post can be searched in pieces (piecewise.ts). */
  function splittable(root: Element | ParentNode, piece = false): root is Element {
    if (adapter.isPost === undefined || (root as Node).nodeType !== 1) return false;
    return piece ? isBigPiece(root as Element) : isBig(root as Element);
  }

  /** A big root: itself checked now, its children searched one per step, from the viewport on. */
  function split(root: Element): void {
    searchedPieces.add(root);
    if (errors.guard('isPost', () => adapter.isPost!(root))) queueFound([root], false);
    cursors.push(cursorAt(root));
  }

  /** One child of the innermost big root: searched whole when small, split again when big. */
  function searchPiece(): void {
    if (reseekDue && now() - lastSeek >= RESEEK_MS) reseek();
    const cursor = cursors[cursors.length - 1] as PieceCursor;
    if (!cursor.parent.isConnected) return void cursors.pop();
    let piece = nextPiece(cursor, searchedPieces);
    while (piece && (searchedPieces.has(piece) || isOwnNode(piece))) piece = nextPiece(cursor, searchedPieces);
    if (!piece) return void cursors.pop();
    searchedPieces.add(piece);
    if (splittable(piece, true)) return split(piece);
    queueFound(errors.guard('findPosts', () => adapter.findPosts(piece)) ?? [], false);
  }

  /** The agent scrolled: every big root's search goes on from the new viewport (pieces done are skipped). */
  function reseek(): void {
    reseekDue = false;
    lastSeek = now();
    for (let i = 0; i < cursors.length; i += 1) cursors[i] = cursorAt((cursors[i] as PieceCursor).parent);
  }

  function watch(el: Element): void {
    watching.add(el);
    watchedCount += 1;
    visibility!.watch(el);
  }

  function unwatch(el: Element): void {
    if (!watching.has(el)) return;
    watching.delete(el);
    watchedCount -= 1;
    visibility?.unwatch(el);
  }

  /** The oldest queued post leaves the queue (and the observer): on a flood, newer posts matter more. */
  function setAside(): void {
    const oldest = rest.take();
    if (!oldest) return;
    unwatch(oldest.el);
    enqueued.delete(oldest.el);
    if (!readIds.has(oldest.el)) setAsideCount += 1;
  }

  function read(el: Element, again: boolean, watched: boolean): void {
    enqueued.delete(el);
    if (!again && readIds.has(el)) return;
    if (!el.isConnected || isOwnNode(el)) return void (watched && unwatch(el));
    const before = readIds.get(el);
    let post: Post | null = null;
    try {
      post = adapter.readPost(el, (pageUrl ??= currentUrl()));
    } catch (error) {
      errors.report('readPost', error);
    }
    if (watched) unwatch(el);
    readIds.set(el, post ? post.id : null);
    if (!post || post.id === before) return;
    const reused = knownIds.has(post.id);
    if (reused) knownIds.delete(post.id); // added again below: the newest are the last dropped
    knownIds.add(post.id);
    if (knownIds.size > MAX_KNOWN_IDS) knownIds.delete(knownIds.values().next().value as string);
    batch[batch.length] = { el, post, reused };
  }

  function endSlice(): void {
    sliceNo += 1;
    pageUrl = null; // SPA navigation can change the URL between slices
    if (batch.length > 0 && running) {
      const out = batch;
      batch = [];
      reported += out.length;
      errors.guard('onPosts', () => opts.onPosts(out));
    }
    if (waitingForVisibility) {
      waitingForVisibility = false;
      wake();
    }
  }

  function markChanged(el: Element): void {
    if (changedSet.has(el)) return;
    changedSet.add(el);
    changed.add(el);
  }

  // Parsed once per address, not per slice (a URL parse per slice was ~7 ms on a 5,000-post timeline).
  let parsedHref = '';
  let parsedUrl: URL | null = null;
  function currentUrl(): URL {
    const href = doc.URL;
    if (parsedUrl && href === parsedHref) return parsedUrl;
    try {
      parsedUrl = new URL(href);
    } catch {
      parsedUrl = new URL('about:blank');
    }
    parsedHref = href;
    return parsedUrl;
  }

  function dropQueuedWork(): void {
    runner.clear();
    pumpQueued = false;
    waitingForVisibility = false;
    pendingRoots.clear();
    queuedRoots.clear();
    groups.clear();
    groupOrder.clear();
    changed.clear();
    changedSet.clear();
    rest.clear();
    cursors.length = 0;
    searchedPieces = newSearchedPieces();
    reseekDue = false;
    enqueued = new NativeWeakSet();
    batch = [];
  }

  function queueDocument(): void {
    const root = doc.body ?? doc.documentElement;
    if (root) enqueueRoot({ el: root, changedInPlace: false });
    wake();
  }

  return {
    start() {
      if (running) return;
      if (!MO) return void errors.report('start', new Error('MutationObserver is not available'));
      running = true;
      errors.guard('start', () => {
        observer = new MO((records) => {
          if (!running) return;
          const before = pendingRoots.size;
          errors.guard('observer', () => collectAdded(records, isOwnNode, enqueueRoot));
          if (pendingRoots.size > before) wake();
        });
        // childList only: watching attributes or text makes every page animation wake us up.
        observer.observe(doc, { childList: true, subtree: true });
        doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
        visibility = IO ? createVisibility(IO, errors, () => wake()) : null;
        queueDocument();
      });
    },
    stop() {
      running = false;
      observer?.disconnect();
      observer = null;
      doc.removeEventListener('scroll', onScroll, { capture: true });
      visibility?.disconnect();
      visibility = null;
      watching = new NativeWeakSet();
      watchedCount = 0;
      dropQueuedWork();
    },
    reset() {
      dropQueuedWork();
      readIds = new NativeWeakMap();
      knownIds = new Set();
      visibility?.reset();
      watching = new NativeWeakSet();
      watchedCount = 0;
      if (running) queueDocument();
    },
    resume() {
      if (!held) return;
      held = false;
      wake();
    },
    postShownBy: (el) => readIds.get(el) ?? null,
    stats() {
      const rs = runner.stats();
      return {
        slices: rs.slices,
        posts: reported,
        maxSliceMs: rs.maxSliceMs,
        queued: pendingRoots.size + groupOrder.size + changed.size + rest.size + cursors.length,
        setAside: setAsideCount,
        budgetWaits: rs.budgetWaits,
        holds,
      };
    },
  };
}


/**
 * Searching a big root in pieces (issue 18, issue 16 item 4): one `findPosts` over a page of 50,000
 * comments was a single 140–350 ms step (the selector match over 350,000 elements and a wrapper for
 * each of the 50,000 found), a long task no scheduler could split. A root with more than SPLIT_AT
 * elements is instead searched child by child, one child per step, starting with the child at the
 * top of the viewport: what the agent sees is found first, the rest later (or, on a page that never
 * stops growing, never). Only for adapters whose `findPosts` is a selector search, which say so by
 * giving `isPost` (ScanAdapter): then findPosts(root) = [root if isPost(root)] + findPosts of each child.
 *
 * Reads layout only here: a binary search over the children's rects (~17 reads for 50,000 children),
 * once per big root and once per scroll pause, after the page's own paint (the slices run then).
 */

/** Above this many elements a root is searched in pieces; below, one findPosts (~1 ms) is cheaper. */
export const SPLIT_AT = 2_000;

/**
 * True when `root` holds more than SPLIT_AT elements; walks at most SPLIT_AT + 1 of them (natively).
 * For the few roots the scanner is handed (the document, what the page added): the live collection
 * stays cached on the root (Blink keeps it, with its per-node list data), so never ask this of every
 * piece of a big list: isBigPiece.
 */
export function isBig(root: Element): boolean {
  // A live collection's item(n) stops walking at the n-th element: cheap on small roots, bounded on huge ones.
  return root.getElementsByTagName('*').item(SPLIT_AT) !== null;
}

/** Elements a piece is walked through by hand before it is counted natively. */
const SMALL_PIECE = 64;

/**
 * The same for a piece of a split root, i.e. every comment of a 50,000-comment list in turn. Asked of
 * each piece, the live collection left ~11,000 cached collections (~3 MB of the browser's memory)
 * after 15 s (research/page/probe-flood-heap.ts), so a piece is first walked by hand, at most
 * SMALL_PIECE elements (a comment has 8–40): only a piece bigger than that (the list's own
 * containers, a long thread) is counted with the live collection. Not a static list: one of the
 * comments' container listed whole was a 29 ms step.
 */
export function isBigPiece(piece: Element): boolean {
  let count = 0;
  let el: Element | null = piece.firstElementChild;
  while (el) {
    if (++count > SMALL_PIECE) return isBig(piece);
    const down = el.firstElementChild;
    if (down) {
      el = down;
      continue;
    }
    while (!el.nextElementSibling) {
      el = el.parentElement;
      if (!el || el === piece) return false;
    }
    el = el.nextElementSibling;
  }
  return false;
}

/** Where the search of one big root's children stands: forward from the viewport, then backward above it. */
export interface PieceCursor {
  readonly parent: Element;
  forward: Element | null;
  backward: Element | null;
}

export function cursorAt(parent: Element): PieceCursor {
  const start = firstInView(parent);
  return { parent, forward: start, backward: start ? start.previousElementSibling : parent.lastElementChild };
}

/** The next child to search, or null when the cursor is done; runs of searched children are jumped over. */
export function nextPiece(cursor: PieceCursor, searched?: SearchedPieces): Element | null {
  const ahead = searched && cursor.forward ? searched.firstAfter(cursor.forward) : cursor.forward;
  if (ahead) {
    cursor.forward = ahead.nextElementSibling;
    return ahead;
  }
  cursor.forward = null;
  const above = searched && cursor.backward ? searched.firstBefore(cursor.backward) : cursor.backward;
  if (above) {
    cursor.backward = above.previousElementSibling;
    return above;
  }
  cursor.backward = null;
  return null;
}

/**
 * The pieces already searched, and the runs of adjacent siblings they form. After a scroll the
 * search restarts from the viewport, and on its way it meets the pieces searched before: on a
 * 50,000-comment page one step walked over thousands of them, one sibling at a time, at every
 * scroll pause (issue 18). Each run is a union-find set that knows its first and last piece, so
 * the cursor jumps over a run from any piece of it. A run whose far end has left the list (or a
 * page that reorders its list) is stepped through one sibling at a time, as before; a piece the page
 * inserts inside a run is found by the scanner as an added subtree, not by the cursor.
 */
export interface SearchedPieces {
  has(el: Element): boolean;
  add(el: Element): void;
  /** `el` or the first sibling after it that is not searched (null: none). */
  firstAfter(el: Element): Element | null;
  /** `el` or the first sibling before it that is not searched. */
  firstBefore(el: Element): Element | null;
}

/** Jumps over runs per call before stepping one sibling at a time (a reordered list cannot loop us). */
const MAX_JUMPS = 64;

export function createSearchedPieces(WM: WeakMapConstructor = WeakMap): SearchedPieces {
  // Union-find: a searched piece → a piece of the same run; a run's root maps to itself.
  const up = new WM<Element, Element>();
  const runAt = new WM<Element, { first: Element; last: Element }>(); // at roots only
  const root = (el: Element): Element => {
    let r = el;
    for (let next = up.get(r)!; next !== r; next = up.get(r)!) r = next;
    for (let p = el; p !== r; ) {
      const next = up.get(p)!;
      up.set(p, r);
      p = next;
    }
    return r;
  };
  /** `a`'s run followed by `b`'s (adjacent siblings), as one. */
  const join = (a: Element, b: Element): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) return;
    const first = runAt.get(ra)!.first;
    const last = runAt.get(rb)!.last;
    up.set(rb, ra);
    runAt.delete(rb);
    runAt.set(ra, { first, last });
  };
  const walk = (el: Element, forward: boolean): Element | null => {
    let p: Element | null = el;
    let jumps = 0;
    while (p && up.has(p)) {
      const run: { first: Element; last: Element } = runAt.get(root(p))!;
      const far: Element = forward ? run.last : run.first;
      if (far !== p && far.parentNode === p.parentNode && jumps++ < MAX_JUMPS) p = forward ? far.nextElementSibling : far.previousElementSibling;
      else p = forward ? p.nextElementSibling : p.previousElementSibling;
    }
    return p;
  };
  return {
    has: (el) => up.has(el),
    add(el) {
      if (up.has(el)) return;
      up.set(el, el);
      runAt.set(el, { first: el, last: el });
      const before = el.previousElementSibling;
      if (before && up.has(before)) join(before, el);
      const after = el.nextElementSibling;
      if (after && up.has(after)) join(el, after);
    },
    firstAfter: (el) => walk(el, true),
    firstBefore: (el) => walk(el, false),
  };
}

/**
 * The first child whose bottom lies below the viewport's top, assuming children are laid out top to
 * bottom (when they are not, the order is merely worse: every child is still searched). With no layout
 * at all (a detached or hidden parent, a test DOM), the first child.
 */
function firstInView(parent: Element): Element | null {
  const kids = parent.children;
  const n = kids.length;
  if (n === 0) return null;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((kids[mid] as Element).getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  if (lo < n) return kids[lo] as Element;
  const last = (kids[n - 1] as Element).getBoundingClientRect();
  // Every child above the viewport (scrolled past them): start from the last, going up.
  return last.width === 0 && last.height === 0 ? (kids[0] as Element) : null;
}

/**
 * Whether the adapter finds any post in the page, stopping at the first: the same answer as
 * `findPosts(doc).length > 0`, without listing 50,000 posts to learn that there is one (choosing the
 * reader did that in one 150–250 ms task on the flood page). Big subtrees are searched piece by piece
 * in document order, so a page with posts answers after its first few pieces.
 */
export function findsAnyPost(doc: Document, adapter: { findPosts(root: ParentNode): Element[]; isPost?(el: Element): boolean }): boolean {
  const isPost = adapter.isPost;
  const root = doc.documentElement;
  if (!isPost || !root) return adapter.findPosts(doc).length > 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    // Siblings are reached one at a time (a list of 50,000 is never copied out).
    const next = el === root ? null : el.nextElementSibling;
    if (next) stack.push(next);
    if (!isBig(el)) {
      if (adapter.findPosts(el).length > 0) return true;
      continue;
    }
    if (isPost.call(adapter, el)) return true;
    const first = el.firstElementChild;
    if (first) stack.push(first);
  }
  return false;
}

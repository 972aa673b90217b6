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

/** The next child to search, or null when the cursor is done. */
export function nextPiece(cursor: PieceCursor): Element | null {
  const ahead = cursor.forward;
  if (ahead) {
    cursor.forward = ahead.nextElementSibling;
    return ahead;
  }
  const above = cursor.backward;
  if (above) {
    cursor.backward = above.previousElementSibling;
    return above;
  }
  return null;
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

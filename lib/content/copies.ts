import { MIN_REPEATED_CHARS } from '../sites/repeated';
import type { Post } from '../types';

/** Copies remembered (oldest forgotten first), as many as the session keeps verdicts for. */
const MAX_HELD = 6_000;
/** Siblings looked at when counting a post's own kind around it: a thread's list, not a whole page. */
const SIBLINGS_LOOKED_AT = 1_000;

export interface Admission {
  /** Read, scored and marked: the place the thread draws this post. */
  keep: boolean;
  /** An element kept before for the same post, now known to be the copy: its marks come off. */
  dropped: Element | null;
}

/**
 * The browser's side of the repeated-copy rule (lib/sites/repeated.ts, which `npm run extract` and
 * the scores apply to a whole reading): a post drawn twice with the same author and the same words
 * (60+ characters), an "accepted solution" box repeating a reply, is marked once, where the thread
 * draws it. The content script reads post by post, in-view first, so the copy may come first: the
 * one among more siblings of its own kind (same tag, same first class) wins, counted in the page as
 * it stands, not in the order posts happen to be read; on a tie the first read stays.
 */
export function createCopyKeeper() {
  const held = new Map<string, Element>();

  return {
    admit(el: Element, post: Post): Admission {
      if (post.text.length < MIN_REPEATED_CHARS) return { keep: true, dropped: null };
      const key = `${post.author}\n${post.text}`;
      const prev = held.get(key);
      if (!prev || prev === el || !prev.isConnected) {
        remember(key, el);
        return { keep: true, dropped: null };
      }
      if (ownKindAround(el) > ownKindAround(prev)) {
        remember(key, el);
        return { keep: true, dropped: prev };
      }
      return { keep: false, dropped: null };
    },
  };

  function remember(key: string, el: Element): void {
    held.delete(key);
    held.set(key, el);
    if (held.size > MAX_HELD) held.delete(held.keys().next().value as string);
  }
}

/** How many of el's parent's children are of el's kind (tag and first class), el included. */
function ownKindAround(el: Element): number {
  const parent = el.parentElement;
  if (!parent) return 1;
  const kind = firstClass(el);
  let n = 0;
  const kids = parent.children;
  for (let i = 0; i < kids.length && i < SIBLINGS_LOOKED_AT; i++) {
    const k = kids[i]!;
    if (k.tagName === el.tagName && firstClass(k) === kind) n += 1;
  }
  return n;
}

function firstClass(el: Element): string {
  return (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
}

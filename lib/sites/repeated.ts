import type { Post } from '../types';

/**
 * Words shorter than this may repeat honestly ("Thanks!", "Same here" twice from one person); a
 * longer post drawn twice with the same author and the same words is one post shown twice.
 */
export const MIN_REPEATED_CHARS = 60;

export interface ReadPost {
  el: Element;
  post: Post;
}

/** How many of the read posts share el's parent: the thread's own list holds many, a highlighted copy stands alone. */
function siblingPosts(el: Element, parents: Map<Element | null, number>): number {
  return parents.get(el.parentElement) ?? 0;
}

/**
 * A page may draw one post twice: an "accepted answer" or "best reply" box repeats a reply that
 * the thread also shows, sometimes inside a panel the reader takes for a post of its own. Each
 * post counts once, at the place the thread draws it: among the most sibling posts (document order
 * breaks a tie). Posts are compared by author and words, never by markup or wording of a given engine.
 */
export function withoutRepeatedCopies(read: ReadPost[]): Post[] {
  const parents = new Map<Element | null, number>();
  for (const { el } of read) parents.set(el.parentElement, (parents.get(el.parentElement) ?? 0) + 1);
  const keep = new Map<string, ReadPost>();
  for (const r of read) {
    if (r.post.text.length < MIN_REPEATED_CHARS) continue;
    const key = `${r.post.author}\n${r.post.text}`;
    const held = keep.get(key);
    if (!held || siblingPosts(r.el, parents) > siblingPosts(held.el, parents)) keep.set(key, r);
  }
  return read
    .filter((r) => r.post.text.length < MIN_REPEATED_CHARS || keep.get(`${r.post.author}\n${r.post.text}`) === r)
    .map((r) => r.post);
}

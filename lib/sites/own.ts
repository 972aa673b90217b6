import { $, $$ } from './dom';

/**
 * Threaded comments nest replies inside their parent's element, so a plain querySelector on the
 * parent finds the reply's author first. These return only matches whose nearest post is `post`.
 */
export function ownAll(post: Element, css: string, postCss: string): Element[] {
  return $$(post, css).filter((m) => m.closest(postCss) === post);
}

/**
 * The first match whose nearest post is `post`. A post's own parts come before its nested replies,
 * so the first match almost always is the answer: one querySelector, and the whole list (a static
 * copy of every match in the thread, ~5 µs a call against ~1 µs) only when it is not (issue 18).
 */
export function ownFirst(post: Element, css: string, postCss: string): Element | null {
  const first = $(post, css);
  if (!first || first.closest(postCss) === post) return first;
  for (const m of $$(post, css)) if (m.closest(postCss) === post) return m;
  return null;
}

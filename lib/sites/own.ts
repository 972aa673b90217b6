import { $$ } from './dom';

/**
 * Threaded comments nest replies inside their parent's element, so a plain querySelector on the
 * parent finds the reply's author first. These return only matches whose nearest post is `post`.
 */
export function ownAll(post: Element, css: string, postCss: string): Element[] {
  return $$(post, css).filter((m) => m.closest(postCss) === post);
}

export function ownFirst(post: Element, css: string, postCss: string): Element | null {
  for (const m of $$(post, css)) if (m.closest(postCss) === post) return m;
  return null;
}

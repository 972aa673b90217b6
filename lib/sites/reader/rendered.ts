/**
 * Whether the page draws an element: a post it hides (display:none or visibility:hidden on it or an
 * ancestor — the collapsed copy of a comment drawn twice, a layout's spare copy) is no post the agent
 * sees, and marking it would count it twice.
 *
 * Asked only of the posts found, and only when reading a rendered page the way the content script
 * does (from an element: <body>, or comments added later), never when a saved page's markup is read
 * as a document (`npm run extract`: its scripts never ran, so what they would have shown is still
 * hidden there). checkVisibility reads computed style, not layout. Where an engine lacks it, or the
 * document has no window (parsed markup), everything counts as drawn.
 */
type Checkable = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

export function drawn(el: Element): boolean {
  const check = (el as Checkable).checkVisibility;
  if (typeof check !== 'function' || !el.ownerDocument.defaultView) return true;
  return check.call(el, { visibilityProperty: true });
}

/** The posts a rendered page shows, in order; the document itself read as markup keeps them all. */
export function drawnPosts(root: ParentNode, posts: Element[]): Element[] {
  if ((root as Node).nodeType === 9 || posts.length === 0) return posts;
  return posts.filter(drawn);
}

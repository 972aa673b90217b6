/**
 * Where a post's chip goes, in viewport coordinates, so that it never covers the page's own
 * controls: a sticky header (X's), a fixed cookie bar or toolbar. Sticky and fixed layers sit at
 * the viewport's edges, so a pass finds them with two hit tests (top and bottom edge, in the
 * chips' column) and places every chip against them: a hit test per chip cost the blog 0.3 s.
 */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Viewport rows taken by the page's fixed or sticky layers: chips stay below `top` and above `bottom`. */
export interface EdgeCovers {
  top: number;
  bottom: number;
}

/** The chip's size as BASE_CSS draws it (12 px text): a little generous on purpose. */
export const CHIP_WIDTH = 180;
export const CHIP_HEIGHT = 28;
const OFFSET_X = 240;
const OFFSET_Y = 8;
const GAP = 4;
/** Ancestors climbed from a hit to find a fixed or sticky layer: headers are shallow. */
const MAX_CLIMB = 12;

/** The column chips are drawn in for this post (their left edge). */
export const chipLeft = (post: Box): number => Math.max(8, post.right - OFFSET_X);

/**
 * The post's top-right corner, moved below a sticky header lying over that spot; null when no room
 * is left in the post's uncovered part (the chip would sit beside another post) or it would lie on
 * a bottom bar. A chip off screen stays where it is: it scrolls in with the page and is placed again
 * at the next pause.
 */
export function placeChip(post: Box, viewport: { height: number }, covers: EdgeCovers): { left: number; top: number } | null {
  const left = chipLeft(post);
  let top = post.top + OFFSET_Y;
  if (top + CHIP_HEIGHT <= 0 || top >= viewport.height) return { left, top };
  if (top < covers.top) {
    top = covers.top + GAP;
    if (top + CHIP_HEIGHT > post.bottom) return null;
  }
  if (top + CHIP_HEIGHT > covers.bottom) return null;
  return { left, top };
}

/**
 * The fixed or sticky layers at the top and bottom edge of the viewport in column `x`, found by
 * two hit tests. `hitAt` must skip our own host. Reads only (a clean layout after a paint).
 */
export function edgeCovers(viewport: { width: number; height: number }, x: number, hitAt: (x: number, y: number) => Element | null): EdgeCovers {
  const column = Math.min(viewport.width - 1, Math.max(0, x + CHIP_WIDTH / 2));
  const topLayer = layerOf(hitAt(column, 1));
  const bottomLayer = layerOf(hitAt(column, viewport.height - 2));
  return {
    top: topLayer ? Math.max(0, topLayer.getBoundingClientRect().bottom) : 0,
    bottom: bottomLayer ? Math.min(viewport.height, bottomLayer.getBoundingClientRect().top) : viewport.height,
  };
}

/** The fixed or sticky element `hit` belongs to, if any (never <body> or <html>). */
function layerOf(hit: Element | null): Element | null {
  const view = hit?.ownerDocument.defaultView;
  const root = hit?.ownerDocument.documentElement;
  let n: Element | null = hit;
  for (let i = 0; n && n !== root && n.localName !== 'body' && i < MAX_CLIMB; i++, n = n.parentElement) {
    const position = view?.getComputedStyle(n).position;
    if (position === 'fixed' || position === 'sticky') return n;
  }
  return null;
}

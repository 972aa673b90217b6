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
export function placeChip(post: Box, viewport: { height: number }, covers: EdgeCovers, left = chipLeft(post)): { left: number; top: number } | null {
  let top = post.top + OFFSET_Y;
  if (!chipOnScreen(post, viewport.height)) return { left, top };
  if (top < covers.top) {
    top = covers.top + GAP;
    if (top + CHIP_HEIGHT > post.bottom) return null;
  }
  if (top + CHIP_HEIGHT > covers.bottom) return null;
  return { left, top };
}

/** Whether the post's chip lies in the viewport; placeChip needs the edge covers only then. */
export const chipOnScreen = (post: Box, viewportHeight: number): boolean => post.top + OFFSET_Y + CHIP_HEIGHT > 0 && post.top + OFFSET_Y < viewportHeight;

/** Space between a post's right edge and a chip drawn in the margin beside it. */
const MARGIN_GAP = 8;

/**
 * The left edge of a chip drawn in the margin beside the post, when the viewport has room there
 * and nothing of the page is drawn on that spot (each hit is the post's own backdrop: an element
 * that contains the post, up to <body>); null otherwise, and the chip goes inside the post's
 * top-right corner. In the margin it covers none of the post's own controls (a forum's date and
 * permalink, a menu). Three hit tests per chip (one where a sibling's margin in the same column
 * was found free: see chips.ts), and only chips for posts in view are placed.
 */
export function marginLeft(
  post: Box,
  postEl: Element,
  viewport: { width: number; height: number },
  hitAt: (x: number, y: number) => Element | null,
  middleOnly = false,
): number | null {
  const left = post.right + MARGIN_GAP;
  const y = marginY(post);
  if (left + CHIP_WIDTH > viewport.width - MARGIN_GAP || y < 0 || y >= viewport.height) return null;
  // `middleOnly`: the column was found free beside a sibling post; one hit test says this row is too.
  const xs = middleOnly ? [left + CHIP_WIDTH / 2] : [left + 1, left + CHIP_WIDTH / 2, left + CHIP_WIDTH - 1];
  for (const x of xs) {
    const hit = hitAt(x, y);
    if (!hit || !hit.contains(postEl)) return null;
  }
  return left;
}

const marginY = (post: Box): number => post.top + OFFSET_Y + CHIP_HEIGHT / 2;

/** Whether marginLeft's null for this post came from its hit tests or the lack of room (not from its top being off screen). */
export const marginTested = (post: Box, viewportHeight: number): boolean => marginY(post) >= 0 && marginY(post) < viewportHeight;

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

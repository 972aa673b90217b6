import { describe, expect, it } from 'vitest';
import { CHIP_HEIGHT, marginLeft, placeChip } from '../../../lib/content/chip-placement';

const viewport = { height: 900 };
const post = (top: number, bottom: number) => ({ top, bottom, left: 300, right: 900 });
const none = { top: 0, bottom: 900 };

describe('where a chip goes', () => {
  it('sits at the post’s top-right corner when nothing of the page covers it', () => {
    expect(placeChip(post(100, 400), viewport, none)).toEqual({ left: 660, top: 108 });
  });

  it('moves below a sticky header instead of covering it (X’s header, 53 px)', () => {
    // The post's top has scrolled under the header: the chip goes just below the header.
    const at = placeChip(post(20, 400), viewport, { top: 53, bottom: 900 })!;
    expect(at.top).toBeGreaterThanOrEqual(53);
    expect(at.left).toBe(660);
  });

  it('is left out when the post’s uncovered part has no room (it would sit beside the next post)', () => {
    expect(placeChip(post(10, 53 + CHIP_HEIGHT), viewport, { top: 53, bottom: 900 })).toBeNull();
  });

  it('is left out rather than drawn over a fixed bar at the bottom', () => {
    expect(placeChip(post(840, 1200), viewport, { top: 0, bottom: 850 })).toBeNull();
    expect(placeChip(post(700, 1200), viewport, { top: 0, bottom: 850 })).toEqual({ left: 660, top: 708 });
  });

  it('keeps a chip that is off screen where it is: it scrolls in with the page', () => {
    expect(placeChip(post(1500, 1800), viewport, { top: 53, bottom: 850 })).toEqual({ left: 660, top: 1508 });
  });
});

describe('a chip in the margin beside the post (issue 21: never over the post’s date or menu)', () => {
  // Elements as the hit test sees them: the post's backdrop contains the post, a sidebar does not.
  const postEl = { contains: () => false } as unknown as Element;
  const backdrop = { contains: (n: unknown) => n === postEl } as unknown as Element;
  const sidebar = { contains: () => false } as unknown as Element;
  const screen = { width: 1280, height: 900 };
  const box = { top: 100, bottom: 400, left: 90, right: 850 };

  it('goes beside the post when the margin is the page’s empty backdrop', () => {
    const left = marginLeft(box, postEl, screen, () => backdrop)!;
    expect(left).toBeGreaterThanOrEqual(box.right);
    expect(placeChip(box, viewport, none, left)).toEqual({ left, top: 108 });
  });

  it('stays inside the post when the margin holds something of the page (X’s sidebar) or the screen is narrow', () => {
    expect(marginLeft(box, postEl, screen, (x) => (x > 900 ? sidebar : backdrop))).toBeNull();
    expect(marginLeft(box, postEl, { width: 960, height: 900 }, () => backdrop)).toBeNull();
  });

  it('does not guess for a post whose top is off screen (no hit test can tell)', () => {
    expect(marginLeft({ ...box, top: -200 }, postEl, screen, () => backdrop)).toBeNull();
  });
});

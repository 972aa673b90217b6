import { describe, expect, it } from 'vitest';
import { CHIP_HEIGHT, placeChip } from '../../../lib/content/chip-placement';

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

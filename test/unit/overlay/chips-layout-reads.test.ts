// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { boxWithCount, chipsUnderTest, flaggedPost, markedPost, rectAt, resetChipsTest } from './chips-harness';

/**
 * Issue 18: on the 2,000-comment blog the chips' pass was the largest item of our JS (45–140 ms a
 * run), most of it the page's own pending style and layout (its lazy avatars, decoded after each
 * scroll) done inside our task by the pass's first `getBoundingClientRect` or `scrollY`. The pass
 * now learns where posts are from the browser's intersection report after a frame, and reads no
 * layout itself. Counted, not timed: rect reads made by the pass (not by the browser's report).
 */

afterEach(resetChipsTest);

async function pageWithFlaggedPosts() {
  const t = await chipsUnderTest();
  const list = document.createElement('ol');
  document.body.append(list);
  const add = (id: string, top: number) => {
    const post = list.appendChild(markedPost('li', id));
    boxWithCount(post, rectAt(top), t.counter);
    t.store.addFlagged([flaggedPost(id, post, `Person ${id}`)]);
  };
  return { ...t, add };
}

const chipPlaces = (layer: HTMLElement) => [...layer.querySelectorAll('button')].map((b) => b.style.transform);

describe('the chips pass reads no layout of its own', () => {
  it('places chips beside the posts in view with no rect or scroll offset read by us', async () => {
    const { counter, layer, chips, drawFrames, add } = await pageWithFlaggedPosts();
    // A scroll offset read forces layout as a rect does.
    let scrollReads = 0;
    for (const name of ['scrollX', 'scrollY', 'pageXOffset', 'pageYOffset']) {
      Object.defineProperty(window, name, { configurable: true, get: () => ((scrollReads += 1), 0) });
    }
    // Three flagged posts in view, forty far below it.
    [100, 300, 500].forEach((top, i) => add(`v${i}`, top));
    for (let i = 0; i < 40; i++) add(`b${i}`, 3_000 + i * 200);
    await drawFrames();
    await drawFrames();
    // In the margin right of each post (its right edge 600 + 8), 8 px below its top.
    expect(chipPlaces(layer)).toEqual(['translate(608px, 108px)', 'translate(608px, 308px)', 'translate(608px, 508px)']);

    // The agent scrolls and stops; more flagged posts arrive below the viewport.
    window.dispatchEvent(new Event('scroll'));
    for (let i = 40; i < 80; i++) add(`b${i}`, 3_000 + i * 200);
    for (let n = 0; n < 20; n++) await drawFrames();
    expect(chipPlaces(layer)).toHaveLength(3);
    expect(counter.layoutReads ?? 0).toBe(0);
    expect(scrollReads).toBe(0);
    chips.stop();
  });
});

describe('the margin beside a list of posts', () => {
  it('is hit-tested at three points beside the first post and at one beside its siblings, and a covered row still is not used', async () => {
    // A page element (a sidebar widget) drawn right of the sixth post, over the middle of its chip's row.
    const widget = document.createElement('aside');
    const tops = Array.from({ length: 10 }, (_, i) => 20 + i * 70);
    const coveredRow = tops[5]! + 8 + 14;
    const t = await chipsUnderTest({ hitAt: (x, y) => (x > 600 && Math.abs(y - coveredRow) < 5 ? widget : document.body) });
    document.body.append(widget);
    const list = document.createElement('ol');
    document.body.append(list);
    tops.forEach((top, i) => {
      const post = list.appendChild(markedPost('li', `p${i}`));
      post.getBoundingClientRect = rectAt(top, 600, 70);
      t.store.addFlagged([flaggedPost(`p${i}`, post, `Person ${i}`)]);
    });
    await t.drawFrames();
    await t.drawFrames();
    const places = chipPlaces(t.layer);
    expect(places).toHaveLength(10);
    // Nine in the margin (x 608); the sixth inside its post's top-right corner (600 - 240), not over the widget.
    expect(places.filter((p) => p.startsWith('translate(608px'))).toHaveLength(9);
    expect(places).toContain(`translate(360px, ${tops[5]! + 8}px)`);
    // 3 beside the first post, 1 beside each of the nine others, 2 for the edge layers (main: 3 a post, 32).
    expect(t.counter.hitTests).toBeLessThanOrEqual(14);
    t.chips.stop();
  });
});

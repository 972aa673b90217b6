// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chipsUnderTest, flaggedPost, markedPost, rectAt, resetChipsTest } from '../overlay/chips-harness';

/**
 * Issue 16 item 4 / issue 18: a list too long to hit-test over (a hit test there walks its children)
 * was judged once per list, at its first flagged post. bench:flood's page starts empty and adds 50
 * comments every 250 ms: judged short in its first seconds, it stayed "short" at 12,000 comments, and
 * its new posts' chips kept hit-testing over it (a 111 ms task of ours in the trace, edgeCovers and
 * the margin's hit tests forcing the page's pending layout). A list that has grown long is seen so.
 * Counted, not timed.
 */

afterEach(resetChipsTest);

describe('the chips pass on a list that keeps growing', () => {
  it('makes no hit test for a new post once its list has grown past a thousand', async () => {
    const t = await chipsUnderTest();
    const list = document.createElement('ol');
    for (let i = 0; i < 20; i++) list.append(document.createElement('li'));
    const first = markedPost('li', 'p1');
    first.getBoundingClientRect = rectAt(300);
    list.append(first);
    document.body.append(list);
    t.store.addFlagged([flaggedPost('p1', first)]);
    await t.drawFrames();
    // A short list: the margin beside the post is looked for.
    expect(t.counter.hitTests).toBeGreaterThan(0);

    // The page floods: 1,200 more comments, one of them flagged, in view beside the first.
    for (let i = 0; i < 1_200; i++) list.append(document.createElement('li'));
    const later = markedPost('li', 'p2');
    later.getBoundingClientRect = rectAt(500, 640);
    list.append(later);
    const before = t.counter.hitTests;
    t.store.addFlagged([flaggedPost('p2', later)]);
    // Frames for longer than the chips' budget makes a pass wait (20 × the last pass).
    for (const until = Date.now() + 3_000; Date.now() < until && t.layer.querySelectorAll('button').length < 2; ) await t.drawFrames();
    expect(t.layer.querySelectorAll('button').length).toBe(2);
    expect(t.counter.hitTests).toBe(before);
    t.chips.stop();
  });
});

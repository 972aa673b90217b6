// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chipsUnderTest, flaggedPost, markedPost, rectAt, resetChipsTest, sleep } from './chips-harness';

/**
 * Issue 18 (heap growth on a flood): the chips' pass looks at the newest 400 flagged posts, but what it
 * knew of every flagged element stayed in its per-element maps for good (every flagged post of a
 * 50,000-comment page), and a post dropped from its candidates never became one again: flagged
 * again when the page showed it again, it got no chip. What the pass knows now goes with the
 * candidates. Counted: chips drawn.
 */

afterEach(resetChipsTest);

const flagged = (id: string, el: Element) => flaggedPost(id, el, `Person ${id}`);

describe('the chips pass under a flood of flagged posts', () => {
  it('gives a chip again to a post that fell out of its candidates and is flagged again', async () => {
    const { frames, layer, store, chips } = await chipsUnderTest();
    const drawFor = async (ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until; ) {
        await sleep(40);
        for (const f of frames.splice(0)) f();
      }
    };

    const list = document.createElement('div');
    const make = (id: string) => list.appendChild(markedPost('article', id));
    // The first post is in view; the flood's posts have no box (happy-dom's empty rect: out of view).
    const first = make('p0');
    first.getBoundingClientRect = rectAt(100);
    document.body.append(list);

    store.addFlagged([flagged('p0', first)]);
    await drawFor(800);
    expect(layer.querySelectorAll('button').length).toBe(1);

    // A flood: 450 newer flagged posts push the first out of the pass's 400 candidates.
    store.addFlagged(Array.from({ length: 450 }, (_, i) => flagged(`f${i}`, make(`f${i}`))));
    await drawFor(3_000);
    expect(layer.querySelectorAll('button').length).toBe(0);

    // The page shows the first post again: marked again, it is flagged again and gets its chip.
    store.addFlagged([flagged('p0', first)]);
    await drawFor(1_500);
    expect(layer.querySelectorAll('button').length).toBe(1);
    chips.stop();
  });
});

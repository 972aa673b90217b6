// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chipsUnderTest, flaggedPost, markedPost, rectAt, resetChipsTest } from './chips-harness';

/**
 * Issue 18 / issue 16 item 4: a hit test over a list walks the list's children, so on the
 * 50,000-comment page one hit test of the chips' pass was a 104–136 ms task of ours. A post in a
 * huge list gets its chip without hit tests, and a page where one hit test proved dear gets no more.
 * Counted, not timed.
 */

afterEach(resetChipsTest);

async function setUp(opts: { siblings: number; hitTest: () => void }) {
  const t = await chipsUnderTest({ hitTest: opts.hitTest });
  const list = document.createElement('ol');
  for (let i = 0; i < opts.siblings; i++) list.append(document.createElement('li'));
  const post = markedPost('li', 'p1');
  post.getBoundingClientRect = rectAt(100);
  list.append(post);
  document.body.append(list);
  t.store.addFlagged([flaggedPost('p1', post)]);
  const { counter, layer, chips, drawFrames } = t;
  /** The page's layout changes (the post moves and narrows): what was learnt of its margin no longer holds. */
  const moveTo = async (top: number, right: number) => {
    post.getBoundingClientRect = rectAt(top, right);
    window.dispatchEvent(new Event('scroll'));
    // Frames keep coming for longer than the chips' budget makes the next pass wait (20 × the last pass).
    for (const until = Date.now() + 5_000; Date.now() < until; ) await drawFrames();
  };
  return { counter, layer, chips, drawFrames, moveTo };
}

describe('the chips pass on a page where hit tests are dear', () => {
  it('places the chip of a post in a list of over a thousand without any hit test', async () => {
    const { counter, layer, chips, drawFrames } = await setUp({ siblings: 1_200, hitTest: () => undefined });
    await drawFrames();
    expect(layer.querySelectorAll('button').length).toBe(1);
    expect(counter.hitTests).toBe(0);
    chips.stop();
  });

  it('places the chip of a threaded reply under a list of over a thousand without any hit test', async () => {
    // WordPress: ol.comment-list > li (the thread) > ol.children > li (the reply). A hit test beside
    // the reply walks the big list too (~3.5 ms each on the 2,000-comment blog).
    const t = await chipsUnderTest();
    const list = document.createElement('ol');
    for (let i = 0; i < 1_200; i++) list.append(document.createElement('li'));
    const thread = list.appendChild(document.createElement('li'));
    const replies = thread.appendChild(document.createElement('ol'));
    const reply = replies.appendChild(markedPost('li', 'r1'));
    reply.getBoundingClientRect = rectAt(100);
    document.body.append(list);
    t.store.addFlagged([flaggedPost('r1', reply)]);
    await t.drawFrames();
    expect(t.layer.querySelectorAll('button').length).toBe(1);
    expect(t.counter.hitTests).toBe(0);
    t.chips.stop();
  });

  it('still hit-tests a post in a short list (the margin beside it is looked for)', async () => {
    const { counter, layer, chips, drawFrames } = await setUp({ siblings: 20, hitTest: () => undefined });
    await drawFrames();
    expect(layer.querySelectorAll('button').length).toBe(1);
    expect(counter.hitTests).toBeGreaterThan(0);
    chips.stop();
  });

  it('makes no more hit tests once one took far longer than a hit test should', async () => {
    // Each hit test keeps the thread busy for 40 ms, as one over a list of 50,000 did for 20–185 ms.
    const busy = () => {
      for (const until = performance.now() + 40; performance.now() < until; );
    };
    const { counter, layer, chips, drawFrames, moveTo } = await setUp({ siblings: 20, hitTest: busy });
    await drawFrames();
    expect(layer.querySelectorAll('button').length).toBe(1);
    const first = counter.hitTests;
    expect(first).toBeGreaterThan(0);
    await moveTo(40, 560);
    await moveTo(60, 520);
    expect(counter.hitTests).toBe(first);
    expect(layer.querySelectorAll('button').length).toBe(1);
    chips.stop();
  });
});

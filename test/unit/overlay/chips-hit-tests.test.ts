// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlaggedPost } from '../../../lib/content/store';
import type { Verdict } from '../../../lib/types';

/**
 * Issue 18 / issue 16 item 4: a hit test over a list walks the list's children, so on the
 * 50,000-comment page one hit test of the chips' pass was a 104–136 ms task of ours. A post in a
 * huge list gets its chip without hit tests, and a page where one hit test proved dear gets no more.
 * Counted, not timed.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  document.body.replaceChildren();
});

function rectAt(top: number, right = 600) {
  return () => ({ top, bottom: top + 120, left: 100, right, width: right - 100, height: 120, x: 100, y: top, toJSON: () => ({}) });
}

async function setUp(opts: { siblings: number; hitTest: () => void }) {
  const frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(() => cb(0)));
  vi.resetModules(); // page-globals captures requestAnimationFrame when it loads
  const { createChips } = await import('../../../lib/content/chips');
  const { createOverlayStore } = await import('../../../lib/content/store');
  const counter = { hitTests: 0 };
  Object.assign(document, {
    elementFromPoint: () => {
      counter.hitTests += 1;
      opts.hitTest();
      return document.body;
    },
    elementsFromPoint: () => [document.body],
  });
  const list = document.createElement('ol');
  for (let i = 0; i < opts.siblings; i++) list.append(document.createElement('li'));
  const post = document.createElement('li');
  post.setAttribute('data-frontline-post', 'p1');
  post.setAttribute('data-frontline-severity', '3');
  post.getBoundingClientRect = rectAt(100);
  list.append(post);
  document.body.append(list);
  const host = document.createElement('div');
  const layer = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(layer);
  document.body.append(host);
  const store = createOverlayStore();
  const chips = createChips(document, layer, store, () => undefined);
  store.addFlagged([
    {
      post: { id: 'p1', platform: 'generic', author: 'Sam', text: 'You charged me twice', url: 'https://forum.example/t/1' } as unknown as FlaggedPost['post'],
      verdict: { complaint: true, score: 0.9, severity: 3, signals: [] } as unknown as Verdict,
      el: post,
    },
  ]);
  const drawFrames = async () => {
    await sleep(50);
    for (const f of frames.splice(0)) f();
    await sleep(50);
  };
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

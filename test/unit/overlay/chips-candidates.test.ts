// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlaggedPost } from '../../../lib/content/store';
import type { Verdict } from '../../../lib/types';

/**
 * Issue 18 (heap growth on a flood): the chips' pass looks at the newest 400 flagged posts, but what it
 * knew of every flagged element stayed in its per-element maps for good (every flagged post of a
 * 50,000-comment page), and a post dropped from its candidates never became one again: flagged
 * again when the page showed it again, it got no chip. What the pass knows now goes with the
 * candidates. Counted: chips drawn.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  document.body.replaceChildren();
});

const verdict = { complaint: true, score: 0.9, severity: 3, signals: [] } as unknown as Verdict;
function flagged(id: string, el: Element): FlaggedPost {
  return { post: { id, platform: 'generic', author: `Person ${id}`, text: 'You charged me twice', url: 'https://forum.example/t/1' } as unknown as FlaggedPost['post'], verdict, el };
}

describe('the chips pass under a flood of flagged posts', () => {
  it('gives a chip again to a post that fell out of its candidates and is flagged again', async () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(() => cb(0)));
    vi.resetModules(); // page-globals captures requestAnimationFrame when it loads
    const { createChips } = await import('../../../lib/content/chips');
    const { createOverlayStore } = await import('../../../lib/content/store');
    Object.assign(document, { elementFromPoint: () => document.body, elementsFromPoint: () => [document.body] });
    const drawFor = async (ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until; ) {
        await sleep(40);
        for (const f of frames.splice(0)) f();
      }
    };

    const list = document.createElement('div');
    const make = (id: string) => {
      const el = document.createElement('article');
      el.setAttribute('data-frontline-post', id);
      el.setAttribute('data-frontline-severity', '3');
      list.append(el);
      return el;
    };
    // The first post is in view; the flood's posts have no box (happy-dom's empty rect: out of view).
    const first = make('p0');
    first.getBoundingClientRect = () => ({ top: 100, bottom: 220, left: 100, right: 600, width: 500, height: 120, x: 100, y: 100, toJSON: () => ({}) });
    document.body.append(list);
    const host = document.createElement('div');
    const layer = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(layer);
    document.body.append(host);
    const store = createOverlayStore();
    const chips = createChips(document, layer, store, () => undefined);

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

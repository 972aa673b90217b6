import { vi } from 'vitest';
import type { FlaggedPost } from '../../../lib/content/store';
import type { Verdict } from '../../../lib/types';

/**
 * The chips' pass under test in happy-dom: animation frames come only when the test draws them (a
 * page too busy to draw), hit tests are counted (and may be made slow), and our layer lives in an
 * open shadow root as on a page. Call resetChipsTest after each test.
 */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function chipsUnderTest(opts: { hitTest?: () => void } = {}) {
  const frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(() => cb(0)));
  vi.resetModules(); // page-globals captures requestAnimationFrame when it loads
  const { createChips } = await import('../../../lib/content/chips');
  const { createOverlayStore } = await import('../../../lib/content/store');
  const counter = { hitTests: 0 };
  Object.assign(document, {
    elementFromPoint: () => {
      counter.hitTests += 1;
      opts.hitTest?.();
      return document.body;
    },
    elementsFromPoint: () => [document.body],
  });
  const host = document.createElement('div');
  const layer = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(layer);
  document.body.append(host);
  const store = createOverlayStore();
  const chips = createChips(document, layer, store, () => undefined);
  /** Draws the frames asked for so far, between two short waits for the pass's timers. */
  const drawFrames = async () => {
    await sleep(50);
    for (const f of frames.splice(0)) f();
    await sleep(50);
  };
  return { frames, counter, layer, store, chips, drawFrames };
}

/** A box at `top`, `height` px high, from x 100 to `right`. */
export function rectAt(top: number, right = 600, height = 120): () => DOMRect {
  return () => ({ top, bottom: top + height, left: 100, right, width: right - 100, height, x: 100, y: top, toJSON: () => ({}) });
}

/** A flagged post as the scanner hands it to the store (severity 3). */
export function flaggedPost(id: string, el: Element, author = 'Sam'): FlaggedPost {
  return {
    post: { id, platform: 'generic', author, text: 'You charged me twice', url: 'https://forum.example/t/1' } as unknown as FlaggedPost['post'],
    verdict: { complaint: true, score: 0.9, severity: 3, signals: [] } as unknown as Verdict,
    el,
  };
}

/** A post element carrying the marks the chips look for. */
export function markedPost(tag: string, id: string): HTMLElement {
  const el = document.createElement(tag);
  el.setAttribute('data-frontline-post', id);
  el.setAttribute('data-frontline-severity', '3');
  return el;
}

export function resetChipsTest(): void {
  vi.unstubAllGlobals();
  vi.resetModules();
  document.body.replaceChildren();
}

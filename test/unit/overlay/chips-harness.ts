import { vi } from 'vitest';
import type { FlaggedPost } from '../../../lib/content/store';
import type { Verdict } from '../../../lib/types';

/**
 * The chips' pass under test in happy-dom: animation frames come only when the test draws them (a
 * page too busy to draw), hit tests are counted (and may be made slow), and our layer lives in an
 * open shadow root as on a page. Call resetChipsTest after each test.
 *
 * happy-dom computes no intersections: `IntersectionObserver` here does what the browser does for
 * a newly observed target, reporting each one's box (its `getBoundingClientRect`, read by the
 * "browser", not counted as ours) and the viewport at the next frame drawn.
 */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `hitTest`: runs in each hit test (may make it slow); `hitAt`: what the page shows at a point (default <body>). */
export async function chipsUnderTest(opts: { hitTest?: () => void; hitAt?: (x: number, y: number) => Element } = {}) {
  const frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(() => cb(0)));
  const counter: { hitTests: number; browserReading: boolean; layoutReads?: number } = { hitTests: 0, browserReading: false };
  vi.stubGlobal('IntersectionObserver', frameIntersectionObserver(frames, counter));
  vi.resetModules(); // page-globals captures requestAnimationFrame and IntersectionObserver when it loads
  const { createChips } = await import('../../../lib/content/chips');
  const { createOverlayStore } = await import('../../../lib/content/store');
  Object.assign(document, {
    elementFromPoint: (x: number, y: number) => {
      counter.hitTests += 1;
      opts.hitTest?.();
      return opts.hitAt?.(x, y) ?? document.body;
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

type Counter = { browserReading: boolean };

/** An IntersectionObserver that reports newly observed targets at the next frame, as the browser does. */
function frameIntersectionObserver(frames: Array<() => void>, counter: Counter) {
  return class {
    private targets = new Set<Element>();
    private queued = false;
    constructor(private readonly callback: (entries: unknown[], observer: unknown) => void) {}
    observe(target: Element) {
      this.targets.add(target);
      if (this.queued) return;
      this.queued = true;
      frames.push(() => this.report());
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    disconnect() {
      this.targets.clear();
    }
    takeRecords() {
      return [];
    }
    private report() {
      this.queued = false;
      if (this.targets.size === 0) return;
      counter.browserReading = true;
      const rootBounds = { top: 0, left: 0, width: window.innerWidth, height: window.innerHeight, bottom: window.innerHeight, right: window.innerWidth };
      const entries = [...this.targets].map((target) => {
        const r = target.getBoundingClientRect();
        return { target, boundingClientRect: r, rootBounds, isIntersecting: r.bottom > 0 && r.top < rootBounds.height };
      });
      counter.browserReading = false;
      this.targets.clear();
      this.callback(entries, this);
    }
  };
}

/**
 * Sets an element's box, counting the reads of it that are not the browser's (the pass's own
 * layout reads: each may force the page's pending style and layout into our task).
 */
export function boxWithCount(el: Element, rect: () => DOMRect, counter: Counter & { layoutReads?: number }): void {
  el.getBoundingClientRect = () => {
    if (!counter.browserReading) counter.layoutReads = (counter.layoutReads ?? 0) + 1;
    return rect();
  };
}

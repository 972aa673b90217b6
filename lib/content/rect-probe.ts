import { NativeIntersectionObserver } from '../scan/page-globals';
import type { Box } from './chip-placement';

/** What one probe learnt: boxes in viewport coordinates, all from the same frame's layout. */
export interface ProbeResult {
  boxes: Map<Element, Box>;
  /** The origin element's box (where the chips' layer starts, in viewport coordinates). */
  origin: Box;
  viewport: { width: number; height: number };
}

/**
 * Where elements are, learnt without reading layout (issue 18): a one-shot IntersectionObserver
 * that observes them and is disconnected at its first report. The browser computes that report
 * after the next frame's own layout, so nothing of ours forces a style recalculation or a layout
 * (a `getBoundingClientRect` or `scrollY` right after a paint forced the page's pending work, e.g.
 * its lazy images decoded after a scroll: 3–10 ms a pass on the 2,000-comment blog, most of the
 * chips' 45–120 ms there). Observed once, not kept: an observer watching every flagged post costs
 * the page every frame (~0.5 s while scrolling that blog).
 *
 * The origin's box comes in the same report, so a box minus the origin's is a place in the
 * origin's coordinates whatever the scroll, with no scroll offset read.
 */
export type RectProbe = (targets: Element[], done: (result: ProbeResult) => void) => () => void;

export function createRectProbe(origin: Element): RectProbe {
  const IO = NativeIntersectionObserver;
  const win = origin.ownerDocument.defaultView!;
  // Where the viewport's size comes with no report (a cross-origin frame's implicit root has no
  // rootBounds), the window's is read: once a probe.
  const windowSize = () => ({ width: win.innerWidth, height: win.innerHeight });
  if (!IO) return readNow(origin, windowSize);
  return (targets, done) => {
    let finished = false;
    const observer = new IO((entries) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      const boxes = new Map<Element, Box>();
      let originBox: Box | null = null;
      let viewport: { width: number; height: number } | null = null;
      for (const entry of entries) {
        const r = entry.boundingClientRect;
        const box = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        if (entry.target === origin) originBox = box;
        else boxes.set(entry.target, box);
        if (!viewport && entry.rootBounds) viewport = { width: entry.rootBounds.width, height: entry.rootBounds.height };
      }
      done({ boxes, origin: originBox ?? { top: 0, bottom: 0, left: 0, right: 0 }, viewport: viewport ?? windowSize() });
    });
    observer.observe(origin);
    for (const target of targets) observer.observe(target);
    return () => {
      finished = true;
      observer.disconnect();
    };
  };
}

/** Without IntersectionObserver (no browser we support lacks it): the boxes read at once. */
function readNow(origin: Element, windowSize: () => { width: number; height: number }): RectProbe {
  const boxOf = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  return (targets, done) => {
    done({ boxes: new Map(targets.map((el) => [el, boxOf(el)])), origin: boxOf(origin), viewport: windowSize() });
    return () => undefined;
  };
}

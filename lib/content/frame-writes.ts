import { nativeNow, nativeRequestAnimationFrame, nativeSetTimeout } from '../scan/page-globals';

/**
 * A visible tab that draws no frame for this long gets its writes anyway (hidden tabs get them at
 * once, below). Long on purpose: writes done outside a frame leave the page's style dirty until the
 * next one, and any read of ours before it (the scanner's viewport search, the chips' rects and hit
 * tests) did that style pass in our task (30–50 ms on the 50,000-comment page while scrolling; a
 * 50 ms fallback fired often there, where a frame takes 200–400 ms).
 */
const FRAME_FALLBACK_MS = 1_000;

/**
 * Our DOM writes (marks), held until just before the next frame and done together (issue 18: "writes
 * coalesced into one per frame"). Why: reads and writes of ours interleaved after a paint made the
 * chips' hit tests force the style recalculation of every mark written since (30–230 ms in one task
 * on the 50,000-comment page); done in requestAnimationFrame, the browser recalculates once, in the
 * frame it was about to draw anyway, and our reads after that paint find a clean layout.
 */
export interface FrameWrites {
  /** Queues a write for the next frame (writes keep their order). */
  push(write: () => void): void;
  /** Runs once after each frame's writes (the chips hear of the posts just marked). */
  onFlushed(fn: () => void): void;
  stop(): void;
}

/**
 * `minGapMs`: flushes at least this far apart. Each flush costs the page one style recalculation, and
 * in a list of 50,000 siblings a recalculation walks all of them whatever it changes: marks written
 * in every frame (one marking slice each) cost the flood page 2.3 s more style work than marks
 * written a few times a second. Marks appear at most this much later.
 */
export function createFrameWrites(doc: Document, minGapMs = 0): FrameWrites {
  let writes: Array<() => void> = [];
  const listeners: Array<() => void> = [];
  let requested = false;
  let stopped = false;
  let lastFlush = -Infinity;

  const requestFrame = (): void => {
    if (nativeRequestAnimationFrame && doc.visibilityState !== 'hidden') {
      nativeRequestAnimationFrame(flush);
      nativeSetTimeout(flush, FRAME_FALLBACK_MS);
    } else nativeSetTimeout(flush, 0);
  };

  const flush = (): void => {
    if (!requested || stopped) return;
    requested = false;
    lastFlush = nativeNow();
    const now = writes;
    writes = [];
    for (const write of now) {
      try {
        write();
      } catch {
        // One element that the page broke must not cost the frame's other marks.
      }
    }
    for (const fn of listeners) fn();
  };

  return {
    push(write) {
      if (stopped) return;
      writes[writes.length] = write;
      if (requested) return;
      requested = true;
      const wait = lastFlush + minGapMs - nativeNow();
      if (wait > 0) nativeSetTimeout(requestFrame, wait);
      else requestFrame();
    },
    onFlushed(fn) {
      listeners.push(fn);
    },
    stop() {
      stopped = true;
      writes = [];
    },
  };
}

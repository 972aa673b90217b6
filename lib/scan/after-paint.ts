import { Fifo } from './fifo';
import { NativeMessageChannel, nativeRequestAnimationFrame, nativeSetTimeout, nativeSetTimeout0 } from './page-globals';

/**
 * Chrome fires animation frames only when something on screen needs painting: posts added
 * below the fold (an infinite timeline loading ahead) produce no frame, and work waiting on
 * rAF alone starved there (measured: 140 of 5,000 posts read in bench:page). So a timer races
 * the frame; whichever comes first runs the slice.
 */
const FRAME_FALLBACK_MS = 50;

/**
 * Default slice scheduler: wait for the next animation frame, then hop one task further so our
 * work lands after the browser has painted that frame rather than delaying it (Dark Reader and
 * React's scheduler use the same rAF + MessageChannel pattern; setTimeout(0) is clamped to 4 ms
 * after nesting, so it is only the fallback). Hidden tabs get no animation frames, so there we
 * hop straight away; timers in hidden tabs are throttled by the browser, which suits us.
 * `fallbackMs`: how long the timer gives the frame; a caller that reads layout (the chips' hit tests)
 * gives it longer, so that it reads after the frame that drew our latest marks, not before it (a read
 * before it forces that frame's style recalculation into our task: 115 ms on a 50,000-comment page).
 * Callbacks hear whether a frame was drawn before them (`painted`): when the timer won, layout may
 * still be dirty, and a caller that reads it can wait for the next round instead.
 */
export function createAfterPaintSchedule(doc: Document, fallbackMs = FRAME_FALLBACK_MS): (cb: (painted: boolean) => void) => void {
  const waiting = new Fifo<(painted: boolean) => void>();
  let hop: () => void = () => nativeSetTimeout0(runWaiting);
  // Whether the round now running followed an animation frame (false: the timer won, or the tab is hidden).
  let painted = false;

  function runWaiting(): void {
    const afterFrame = painted;
    painted = false;
    let n = waiting.size;
    while (n > 0) {
      n -= 1;
      waiting.take()?.(afterFrame);
    }
  }

  if (NativeMessageChannel) {
    const channel = new NativeMessageChannel();
    channel.port1.onmessage = runWaiting;
    hop = () => channel.port2.postMessage(null);
  }

  let requested = false;
  const fire = (frame: boolean): void => {
    if (!requested) return;
    requested = false;
    painted = frame;
    hop();
  };

  return (cb) => {
    waiting.add(cb);
    if (requested) return;
    requested = true;
    if (nativeRequestAnimationFrame && doc.visibilityState !== 'hidden') {
      nativeRequestAnimationFrame(() => fire(true));
      nativeSetTimeout(() => fire(false), fallbackMs);
    } else fire(false);
  };
}

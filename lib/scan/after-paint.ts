import { Fifo } from './fifo';
import { NativeMessageChannel, nativeRequestAnimationFrame, nativeSetTimeout0 } from './page-globals';

/**
 * Default slice scheduler: wait for the next animation frame, then hop one task further so our
 * work lands after the browser has painted that frame rather than delaying it (Dark Reader and
 * React's scheduler use the same rAF + MessageChannel pattern; setTimeout(0) is clamped to 4 ms
 * after nesting, so it is only the fallback). Hidden tabs get no animation frames, so there we
 * hop straight away; timers in hidden tabs are throttled by the browser, which suits us.
 */
export function createAfterPaintSchedule(doc: Document): (cb: () => void) => void {
  const waiting = new Fifo<() => void>();
  let hop: () => void = () => nativeSetTimeout0(runWaiting);

  function runWaiting(): void {
    let n = waiting.size;
    while (n > 0) {
      n -= 1;
      waiting.take()?.();
    }
  }

  if (NativeMessageChannel) {
    const channel = new NativeMessageChannel();
    channel.port1.onmessage = runWaiting;
    hop = () => channel.port2.postMessage(null);
  }

  return (cb) => {
    waiting.add(cb);
    if (nativeRequestAnimationFrame && doc.visibilityState !== 'hidden') nativeRequestAnimationFrame(hop);
    else hop();
  };
}

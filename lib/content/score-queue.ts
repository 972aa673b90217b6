import { SCORE_BATCH_MAX } from '../message-names';
import type { ScoreItem, ScoreResult } from '../messages';
import { Fifo } from '../scan';
import { nativeNow, nativeSetTimeout } from '../scan/page-globals';

/**
 * The page's posts on their way to the background's detector (`cs→bg:score`, issue 18): one
 * request in flight at a time, and whatever the scanner reads meanwhile goes in the next one, so
 * a busy page costs a message per round trip, not one per scanning slice. Nothing here reads the
 * page; `onScored` gets each entry back with its batch's answer.
 */
export interface ScoreQueue<E> {
  push(entries: ReadonlyArray<{ item: ScoreItem; entry: E }>): void;
  /** Entries waiting for a batch (not the one in flight). */
  readonly waiting: number;
  stop(): void;
}

export function createScoreQueue<E>(opts: {
  ask: (items: ScoreItem[]) => Promise<ScoreResult | null>;
  /** `result` null: the background did not answer (the entries stay unmarked until read again). */
  onScored: (entries: E[], result: ScoreResult | null) => void;
  /**
   * Asked of each entry as its batch is made: false drops it unscored (e.g. its element left the
   * page while it waited, issue 18's backlog) and `onDropped` hears of it. Default: all are kept.
   */
  stillWanted?: (entry: E) => boolean;
  onDropped?: (entry: E) => void;
  /**
   * Gathering (issue 18): a batch leaves once `gather.atLeast` entries wait or the oldest has waited
   * `gather.ms`, not as soon as the request before it is answered. A scrolling timeline's scanner
   * reads ~20 posts a slice and the answer came back within the next frame, so every slice was a
   * message of its own (169 for 5,000 posts), and each message, answer, zod parse and marking slice
   * costs the page's thread a fixed ~0.5–1 ms. Default: none (each push may leave at once).
   */
  gather?: { ms: number; atLeast: number };
  /** The gathering timer (tests: fake clocks); default the page-proof setTimeout and performance.now. */
  setTimer?: (cb: () => void, ms: number) => void;
  now?: () => number;
}): ScoreQueue<E> {
  // A queue, not an array sliced per batch: a flood's backlog was copied whole for every batch.
  let queue = new Fifo<{ item: ScoreItem; entry: E }>();
  let inFlight = false;
  let stopped = false;
  const gather = opts.gather;
  const setTimer = opts.setTimer ?? nativeSetTimeout;
  const now = opts.now ?? nativeNow;
  // When the oldest waiting entry arrived (gathering), and whether a timer will look again.
  let oldestAt = -1;
  let timerSet = false;

  /** With gathering: not yet (a timer will call next again), or go. */
  const gathered = (): boolean => {
    if (!gather || queue.size >= gather.atLeast) return true;
    const waited = now() - oldestAt;
    if (waited >= gather.ms) return true;
    if (!timerSet) {
      timerSet = true;
      setTimer(() => {
        timerSet = false;
        next();
      }, gather.ms - waited);
    }
    return false;
  };

  const next = (): void => {
    if (stopped || inFlight || queue.size === 0) return;
    if (!gathered()) return;
    const batchItems: ScoreItem[] = [];
    const batchEntries: E[] = [];
    while (batchItems.length < SCORE_BATCH_MAX) {
      const head = queue.take();
      if (!head) break;
      if (opts.stillWanted && !opts.stillWanted(head.entry)) {
        opts.onDropped?.(head.entry);
        continue;
      }
      batchItems[batchItems.length] = head.item;
      batchEntries[batchEntries.length] = head.entry;
    }
    oldestAt = now();
    if (batchItems.length === 0) return;
    inFlight = true;
    void opts
      .ask(batchItems)
      .catch(() => null)
      .then((result) => {
        inFlight = false;
        if (stopped) return;
        opts.onScored(batchEntries, result);
        next();
      });
  };

  return {
    push(more) {
      if (stopped) return;
      if (queue.size === 0) oldestAt = now();
      for (let i = 0; i < more.length; i += 1) queue.add(more[i] as { item: ScoreItem; entry: E });
      next();
    },
    get waiting() {
      return queue.size;
    },
    stop() {
      stopped = true;
      queue = new Fifo();
    },
  };
}

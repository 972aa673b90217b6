import { SCORE_BATCH_MAX } from '../message-names';
import type { ScoreItem, ScoreResult } from '../messages';
import { Fifo } from '../scan';

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
}): ScoreQueue<E> {
  // A queue, not an array sliced per batch: a flood's backlog was copied whole for every batch.
  let queue = new Fifo<{ item: ScoreItem; entry: E }>();
  let inFlight = false;
  let stopped = false;

  const next = (): void => {
    if (stopped || inFlight || queue.size === 0) return;
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

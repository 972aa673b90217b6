import { SCORE_BATCH_MAX } from '../message-names';
import type { ScoreItem, ScoreResult } from '../messages';

/**
 * The page's posts on their way to the background's detector (`cs→bg:score`, issue 18): one
 * request in flight at a time, and whatever the scanner reads meanwhile goes in the next one, so
 * a busy page costs a message per round trip, not one per scanning slice. Nothing here reads the
 * page; `onScored` gets each entry back with its batch's answer.
 */
export interface ScoreQueue<E> {
  push(entries: ReadonlyArray<{ item: ScoreItem; entry: E }>): void;
  stop(): void;
}

export function createScoreQueue<E>(opts: {
  ask: (items: ScoreItem[]) => Promise<ScoreResult | null>;
  /** `result` null: the background did not answer (the entries stay unmarked until read again). */
  onScored: (entries: E[], result: ScoreResult | null) => void;
}): ScoreQueue<E> {
  let items: ScoreItem[] = [];
  let entries: E[] = [];
  let inFlight = false;
  let stopped = false;

  const next = (): void => {
    if (stopped || inFlight || items.length === 0) return;
    const batchItems = items.slice(0, SCORE_BATCH_MAX);
    const batchEntries = entries.slice(0, SCORE_BATCH_MAX);
    items = items.slice(batchItems.length);
    entries = entries.slice(batchEntries.length);
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
      for (const { item, entry } of more) {
        items[items.length] = item;
        entries[entries.length] = entry;
      }
      next();
    },
    stop() {
      stopped = true;
      items = [];
      entries = [];
    },
  };
}

import type { FrontlineDB } from '../db/schema';
import { firstSeenBetween } from '../db/queries';
import { allInteractions } from '../db/histories';

export interface ReplyTimes {
  /** Interactions that have a first reply. */
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Nearest-rank percentile of sorted values: an actual observed time, never an interpolation. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** How long customers waited for the first reply (first seen → reply inserted or copied). */
export async function timeToFirstReply(db: FrontlineDB, range?: { from: number; to: number }): Promise<ReplyTimes> {
  const all = await (range ? firstSeenBetween(db, range.from, range.to) : allInteractions(db));
  const waits = all
    .filter((i) => i.firstReplyAt !== undefined)
    .map((i) => Math.max(0, i.firstReplyAt! - i.firstSeenAt))
    .sort((a, b) => a - b);
  return { count: waits.length, medianMs: percentile(waits, 50), p90Ms: percentile(waits, 90) };
}

import { now as clockNow } from '../time/clock';
import { withRetryQueue, type FrontlineDB } from '../db';
import { detect } from '../detect';
import type { ContentToBackgroundMessage, ReturningSummary } from '../messages';
import type { Verdict } from '../types';
import { withinVisitBudget, type VisitBudget } from './visit-budget';

type PostItems = Extract<ContentToBackgroundMessage, { type: 'cs→bg:posts-seen' }>['items'];

/**
 * The scanner sends flagged posts without their cues (`cues` absent: not computed): finding the
 * words that drove a verdict cost the page ~40 µs a flagged post (25 ms of main-thread time on
 * the 5,000-post bench timeline), and the page needs them only if the agent opens the helper.
 * The worker derives them here from the same text with the same detector. Cues that were sent
 * are kept, even an empty list (computed: none).
 */
export function withCues(items: PostItems): Array<{ post: PostItems[number]['post']; verdict: Verdict }> {
  return items.map(({ post, verdict }) => ({ post, verdict: { ...verdict, cues: verdict.cues ?? cuesOf(post.text, verdict.complaint) } }));
}

/** A post that is no complaint has no cues worth storing: nothing drove a flag. */
const cuesOf = (text: string, complaint: boolean): string[] => (complaint ? detect(text).cues : []);

/** Posts the page has read (already scoped by the router): logged within the visit budget, kept for retry when the disk is full. */
export async function recordPostsSeen(db: FrontlineDB, items: PostItems, budget: VisitBudget, now = clockNow()): Promise<ReturningSummary[]> {
  const within = withinVisitBudget(items, budget, now).items;
  const outcome = await withRetryQueue(db, { kind: 'recordPosts', items: withCues(within), now });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

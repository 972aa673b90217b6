import { HISTORY_ENTRIES, HISTORY_REPLY_MAX, HISTORY_TEXT_MAX, type HistoryEntry, type ReturningSummary } from '../model/returning';
import { summarise } from './log';
import { contactIdFor, interactionIdFor, truncate } from './normalise';
import type { Interaction, RecordPostsItem } from './records';
import type { FrontlineDB } from './schema';
import { interactionsOf } from './histories';

type Post = RecordPostsItem['post'];
type Verdict = RecordPostsItem['verdict'];

export interface CustomerHistory {
  summary: ReturningSummary;
  /** Their latest other interactions, newest first, at most HISTORY_ENTRIES. */
  earlier: HistoryEntry[];
  /** This post's own interaction, when the agent has acted on it; null when it is only flagged or unknown. */
  current: HistoryEntry | null;
}

function entryOf(i: Interaction): HistoryEntry {
  return {
    firstSeenAt: i.firstSeenAt,
    lastEventAt: i.lastEventAt,
    severity: i.severity,
    status: i.status,
    text: truncate(i.text.replace(/\s+/g, ' ').trim(), HISTORY_TEXT_MAX),
    ...(i.lastReply ? { lastReply: truncate(i.lastReply, HISTORY_REPLY_MAX) } : {}),
    ...(i.firstReplyAt !== undefined ? { repliedAt: i.firstReplyAt } : {}),
    ...(i.followUpDue !== undefined ? { followUpDue: i.followUpDue } : {}),
  };
}

/** Has the agent done anything on this interaction that the helper should say when it opens? */
const actedOn = (i: Interaction) => i.firstReplyAt !== undefined || i.followUpDue !== undefined || i.status !== 'open';

/**
 * What we know of the person behind `post`, for the helper opened on it: read only, nothing is
 * written. The summary is the one the log computes when the post is recorded (log.ts summarise):
 * their other interactions, never this post's own, which is reported apart (`current`).
 */
export async function customerHistory(db: FrontlineDB, post: Post, verdict: Verdict, now: number): Promise<CustomerHistory> {
  const contactId = contactIdFor(post);
  const ownId = interactionIdFor(post);
  // Oldest first (their history record, schema v8).
  const history = await interactionsOf(db, contactId);
  const earlier = history.filter((i) => i.id !== ownId);
  const own = history.find((i) => i.id === ownId);
  return {
    summary: summarise(post.id, contactId, verdict, earlier, now),
    earlier: earlier.slice(-HISTORY_ENTRIES).reverse().map(entryOf),
    current: own && actedOn(own) ? entryOf(own) : null,
  };
}

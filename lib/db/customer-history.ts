import Dexie from 'dexie';
import type { ReturningSummary } from '../model/returning';
import { summarise } from './log';
import { contactIdFor, interactionIdFor } from './normalise';
import type { RecordPostsItem } from './records';
import type { FrontlineDB } from './schema';

type Post = RecordPostsItem['post'];
type Verdict = RecordPostsItem['verdict'];

/**
 * What we know of the person behind `post`, for the helper opened on it: read only, nothing is
 * written. The same summary the log computes when the post is recorded (log.ts summarise): their
 * other interactions, never this post's own.
 */
export async function customerHistory(db: FrontlineDB, post: Post, verdict: Verdict, now: number): Promise<{ summary: ReturningSummary }> {
  const contactId = contactIdFor(post);
  const ownId = interactionIdFor(post);
  const history = await db.interactions
    .where('[contactId+firstSeenAt]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .toArray();
  const earlier = history.filter((i) => i.id !== ownId);
  return { summary: summarise(post.id, contactId, verdict, earlier, now) };
}

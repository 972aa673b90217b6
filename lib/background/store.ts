import { now as clockNow } from '../time/clock';
import { createVisitBudget, followMergedOwners, recordInteraction, recordPostsSeen, type VisitBudget } from '../actions';
import { customerHistory, dueFollowUps, expireUnactedVisits, openDB, recentContacts, retryPending, type FrontlineDB } from '../db';
import type { ContentToBackgroundMessage, CustomerHistory, RecentContact, ReturningSummary, UiState } from '../messages';
import type { ScopedPost } from './scope';

type Msg<T extends ContentToBackgroundMessage['type']> = Extract<ContentToBackgroundMessage, { type: T }>;

/**
 * The background's handle on the database. Opened lazily and again after the service
 * worker restarts (MV3 kills it after ~30 s idle); nothing here lives only in memory.
 */
let dbPromise: Promise<FrontlineDB> | null = null;
export function db(): Promise<FrontlineDB> {
  dbPromise ??= openDB()
    // Before any post is recorded: a merged account's new post joins its person (lib/actions/merge-owners.ts).
    .then(async (opened) => (await followMergedOwners(opened), opened))
    .catch((error) => {
      dbPromise = null;
      throw error;
    });
  return dbPromise;
}

/** What mere visits may write, per site (lib/actions/visit-budget.ts); one for the worker's lifetime. */
const visits = createVisitBudget();

/** Writes go through lib/actions, as the extension pages' do; this only supplies the worker's database. */
export async function postsSeen(msg: Msg<'cs→bg:posts-seen'>, now = clockNow(), budget: VisitBudget = visits): Promise<ReturningSummary[]> {
  return recordPostsSeen(await db(), msg.items, budget, now);
}

/** An agent action from the page: recorded, its follow-up armed, the badge recounted (lib/actions). */
export async function interactionEvent(msg: Msg<'cs→bg:interaction-event'>, now = clockNow()): Promise<{ interactionId: string }> {
  return recordInteraction(await db(), msg, now);
}

/** What the helper shows of the customer behind the post it is open on (our overlay frame only). */
export async function history(post: ScopedPost, verdict: NonNullable<UiState['helper']>['verdict'], now = clockNow()): Promise<CustomerHistory> {
  return customerHistory(await db(), post, verdict, now);
}

/** How many of the most recent contacts are searched for the sender's site's ones. */
const RECENT_WINDOW = 500;

export async function recent(limit: number, prefixes: readonly string[]): Promise<RecentContact[]> {
  const list = (await recentContacts(await db(), { limit: RECENT_WINDOW }))
    .filter((c) => prefixes.some((p) => c.id.startsWith(p)))
    .slice(0, limit);
  return list.map((c) => ({
    id: c.id,
    name: c.name,
    handle: c.handle,
    platform: c.platform,
    lastSeenAt: c.lastSeenAt,
    lastPermalink: c.lastPermalink ?? null,
  }));
}

export async function due(now = clockNow()) {
  return dueFollowUps(await db(), now);
}

export async function replayPending() {
  return retryPending(await db());
}

/** What mere visits recorded and the agent never acted on, gone after SEEN_TTL_DAYS (lib/db/seen-expiry.ts). */
export async function expireSeen(now = clockNow()) {
  return expireUnactedVisits(await db(), now);
}

import { now as clockNow } from '../time/clock';
import { dueFollowUps, expireUnactedVisits, interactionIdFor, openDB, recentContacts, retryPending, withRetryQueue, type FrontlineDB } from '../db';
import { detect } from '../detect';
import type { ContentToBackgroundMessage, RecentContact, ReturningSummary } from '../messages';
import { createVisitBudget, withinVisitBudget, type VisitBudget } from './visit-budget';

type Msg<T extends ContentToBackgroundMessage['type']> = Extract<ContentToBackgroundMessage, { type: T }>;

/**
 * The background's handle on the database. Opened lazily and again after the service
 * worker restarts (MV3 kills it after ~30 s idle); nothing here lives only in memory.
 */
let dbPromise: Promise<FrontlineDB> | null = null;
export function db(): Promise<FrontlineDB> {
  dbPromise ??= openDB().catch((error) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

/**
 * The scanner sends flagged posts without their cues: finding the words that drove a verdict
 * cost the page ~40 µs a flagged post (25 ms of main-thread time on the 5,000-post bench
 * timeline), and the page needs them only if the agent opens the helper. The worker derives
 * them here from the same text with the same detector.
 */
export function withCues(items: Msg<'cs→bg:posts-seen'>['items']): Msg<'cs→bg:posts-seen'>['items'] {
  return items.map(({ post, verdict }) =>
    verdict.complaint && verdict.cues.length === 0 ? { post, verdict: { ...verdict, cues: detect(post.text).cues } } : { post, verdict },
  );
}

/** What mere visits may write, per site (visit-budget.ts); one for the worker's lifetime. */
const visits = createVisitBudget();

export async function postsSeen(msg: Msg<'cs→bg:posts-seen'>, now = clockNow(), budget: VisitBudget = visits): Promise<ReturningSummary[]> {
  const { items } = withinVisitBudget(msg.items, budget, now);
  const outcome = await withRetryQueue(await db(), { kind: 'recordPosts', items: withCues(items), now });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

/** Records an agent action; returns the follow-up time when one was set so the caller can arm an alarm. */
export async function interactionEvent(msg: Msg<'cs→bg:interaction-event'>, now = clockNow()): Promise<{ interactionId: string; dueAt?: number }> {
  const outcome = await withRetryQueue(await db(), {
    kind: 'recordEvent',
    input: {
      post: msg.post,
      verdict: msg.verdict,
      type: msg.event,
      at: now,
      ...(msg.text !== undefined ? { text: msg.text } : {}),
      ...(msg.templateId !== undefined ? { templateId: msg.templateId } : {}),
      ...(msg.status !== undefined ? { status: msg.status } : {}),
      ...(msg.dueAt !== undefined ? { dueAt: msg.dueAt } : {}),
    },
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { interactionId: interactionIdFor(msg.post), dueAt: msg.event === 'follow-up-set' ? msg.dueAt : undefined };
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

export async function dueCount(now = clockNow()): Promise<number> {
  return (await dueFollowUps(await db(), now)).length;
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

import { now as clockNow } from '@/lib/time/clock';
import Dexie from 'dexie';
import { armFollowUp, showDueCount } from '@/lib/follow-up-alarms';
import { dueFollowUps, markResolved, snooze, type FrontlineDB } from '@/lib/db';

const DAY = 86_400_000;

/**
 * Pages write to Dexie directly (same origin as the background), so the toolbar badge and
 * the follow-up alarm, which the background keeps for content-script writes, are kept here
 * too. Best effort: the badge also refreshes on the background's periodic alarm.
 */
async function refreshBadge(db: FrontlineDB, now: number): Promise<void> {
  try {
    await showDueCount((await dueFollowUps(db, now)).length);
  } catch {
    // No action API (tests, some Firefox versions in pages): the periodic refresh covers it.
  }
}

export async function resolveInteraction(db: FrontlineDB, interactionId: string, now = clockNow()): Promise<void> {
  await markResolved(db, interactionId, now);
  await refreshBadge(db, now);
}

/** Snooze for a day: the follow-up comes back (with a notification) tomorrow at this time. */
export async function snoozeOneDay(db: FrontlineDB, interactionId: string, now = clockNow()): Promise<number> {
  const until = now + DAY;
  await snooze(db, interactionId, until, now);
  try {
    await armFollowUp(interactionId, until);
  } catch {
    // Without alarms the item still reappears in the popup's due list at `until`.
  }
  await refreshBadge(db, now);
  return until;
}

/** A contact row acts on their latest interaction (the one the list's status shows). */
export async function latestInteractionId(db: FrontlineDB, contactId: string): Promise<string | undefined> {
  const latest = await db.interactions
    .where('[contactId+firstSeenAt]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .last();
  return latest?.id;
}

import { now as clockNow } from '../time/clock';
import { interactionIdFor, markResolved, snooze, withRetryQueue, type EventInput, type FrontlineDB } from '../db';
import type { ContentToBackgroundMessage } from '../messages';
import { refreshBadge } from './badge';
import { armFollowUp } from './follow-up-alarm';

type InteractionEventMessage = Extract<ContentToBackgroundMessage, { type: 'cs→bg:interaction-event' }>;

const DAY = 86_400_000;

/**
 * Arms the reminder. Best effort: without the alarms API (a test, a browser that refuses) the
 * item still shows in the popup's due list once due; only the notification is lost.
 */
async function arm(interactionId: string, dueAt: number): Promise<void> {
  try {
    await armFollowUp(interactionId, dueAt);
  } catch (error) {
    console.warn('Frontline: could not arm the follow-up reminder', error);
  }
}

/**
 * An agent action from the on-page helper (sent by the content script, checked and scoped by the
 * router). Kept in the retry queue when the disk is full; a promised follow-up gets its alarm.
 */
export async function recordInteraction(db: FrontlineDB, msg: InteractionEventMessage, now = clockNow()): Promise<{ interactionId: string }> {
  const input: EventInput = {
    post: msg.post,
    verdict: msg.verdict,
    type: msg.event,
    at: now,
    ...(msg.text !== undefined ? { text: msg.text } : {}),
    ...(msg.templateId !== undefined ? { templateId: msg.templateId } : {}),
    ...(msg.status !== undefined ? { status: msg.status } : {}),
    ...(msg.dueAt !== undefined ? { dueAt: msg.dueAt } : {}),
  };
  const outcome = await withRetryQueue(db, { kind: 'recordEvent', input });
  if (!outcome.ok) throw new Error(outcome.message);
  const interactionId = interactionIdFor(msg.post);
  if (msg.event === 'follow-up-set' && msg.dueAt !== undefined) await arm(interactionId, msg.dueAt);
  await refreshBadge(db, now);
  return { interactionId };
}

/** "Mark resolved" (popup, dashboard): the follow-up leaves the due list and the badge. */
export async function resolveInteraction(db: FrontlineDB, interactionId: string, now = clockNow()): Promise<void> {
  await markResolved(db, interactionId, now);
  await refreshBadge(db, now);
}

/** Snooze for a day: the follow-up comes back (with a notification) tomorrow at this time. */
export async function snoozeOneDay(db: FrontlineDB, interactionId: string, now = clockNow()): Promise<number> {
  const until = now + DAY;
  await snooze(db, interactionId, until, now);
  await arm(interactionId, until);
  await refreshBadge(db, now);
  return until;
}

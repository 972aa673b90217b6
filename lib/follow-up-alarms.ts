import { now } from './time/clock';
import { browser } from 'wxt/browser';
import { showBadgeCount } from './platform/toolbar-button';

/**
 * Follow-up reminders, shared by the background (content-script writes) and the extension
 * pages (which write to the database directly): one alarm per promise, named after the
 * interaction, so the background's onAlarm can notify even after the worker was stopped.
 */
export const FOLLOW_UP_ALARM_PREFIX = 'follow-up:';

export async function armFollowUp(interactionId: string, dueAt: number): Promise<void> {
  await browser.alarms.create(`${FOLLOW_UP_ALARM_PREFIX}${interactionId}`, { when: Math.max(now() + 1_000, dueAt) });
}

/** The toolbar badge counts follow-ups that are due now. */
export async function showDueCount(count: number): Promise<void> {
  await showBadgeCount(count);
}

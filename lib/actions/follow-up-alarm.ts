import { now } from '../time/clock';
import { browser } from 'wxt/browser';
import { showBadgeCount } from '../platform/toolbar-button';

/**
 * The browser side effects of a write: one alarm per promised follow-up, named after the
 * interaction so the background's onAlarm can notify even after the worker was stopped, and
 * the toolbar badge. Only the actions layer (lib/actions) calls these after a write.
 */
export const FOLLOW_UP_ALARM_PREFIX = 'follow-up:';

export async function armFollowUp(interactionId: string, dueAt: number): Promise<void> {
  await browser.alarms.create(`${FOLLOW_UP_ALARM_PREFIX}${interactionId}`, { when: Math.max(now() + 1_000, dueAt) });
}

/** The toolbar badge counts follow-ups that are due now. */
export async function showDueCount(count: number): Promise<void> {
  await showBadgeCount(count);
}

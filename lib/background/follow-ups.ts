import { browser } from 'wxt/browser';
import { armFollowUp, FOLLOW_UP_ALARM_PREFIX, showDueCount } from '../follow-up-alarms';
import { due, dueCount } from './store';

const ALARM_PREFIX = FOLLOW_UP_ALARM_PREFIX;
export const BADGE_ALARM = 'frontline:badge';
export { armFollowUp };

/**
 * Recounts due follow-ups onto the badge. Never throws: the badge is a hint, and a failure here
 * (a browser without the API, a database busy upgrading) must not fail the caller, whether that
 * is a logged reply answered {ok:false} or an alarm whose notification would never go out.
 * Returns the count, or null when it could not be shown.
 */
export async function refreshBadge(): Promise<number | null> {
  try {
    const count = await dueCount();
    await showDueCount(count);
    return count;
  } catch (error) {
    console.warn('Frontline: could not update the badge', error);
    return null;
  }
}

/** The reminder first, then the badge: the notification is what the agent was promised. */
export async function onAlarm(name: string): Promise<void> {
  try {
    if (name.startsWith(ALARM_PREFIX)) await notifyDue(name.slice(ALARM_PREFIX.length));
  } finally {
    await refreshBadge();
  }
}

async function notifyDue(interactionId: string): Promise<void> {
  const item = (await due()).find((d) => d.interaction.id === interactionId);
  if (!item) return;
  const who = item.contact?.name || item.contact?.handle || 'a customer';
  await browser.notifications.create(`${ALARM_PREFIX}${item.interaction.contactId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `Follow up with ${who}`,
    message: `You promised to get back to them. ${item.interaction.text.slice(0, 120)}`,
  });
}

/** Clicking the notification opens the contact in the dashboard. */
export function contactFromNotification(id: string): string | null {
  return id.startsWith(ALARM_PREFIX) ? id.slice(ALARM_PREFIX.length) : null;
}

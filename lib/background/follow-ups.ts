import { browser } from 'wxt/browser';
import { FOLLOW_UP_ALARM_PREFIX, refreshBadge as refreshBadgeOf } from '../actions';
import { db, due } from './store';

const ALARM_PREFIX = FOLLOW_UP_ALARM_PREFIX;
export const BADGE_ALARM = 'frontline:badge';

/**
 * The badge recount of lib/actions (the same rule the pages' writes follow), on the worker's
 * database. Never throws; the count, or null when it could not be shown.
 */
export async function refreshBadge(): Promise<number | null> {
  try {
    return await refreshBadgeOf(await db());
  } catch (error) {
    console.warn('Frontline: could not open the database for the badge', error);
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

import { browser } from 'wxt/browser';
import { armFollowUp, FOLLOW_UP_ALARM_PREFIX, showDueCount } from '../follow-up-alarms';
import { due, dueCount } from './store';

const ALARM_PREFIX = FOLLOW_UP_ALARM_PREFIX;
export const BADGE_ALARM = 'frontline:badge';
export { armFollowUp };

export async function refreshBadge(): Promise<number> {
  const count = await dueCount();
  await showDueCount(count);
  return count;
}

export async function onAlarm(name: string): Promise<void> {
  await refreshBadge();
  if (!name.startsWith(ALARM_PREFIX)) return;
  const interactionId = name.slice(ALARM_PREFIX.length);
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

import { browser } from 'wxt/browser';
import { due, dueCount } from './store';

const ALARM_PREFIX = 'follow-up:';
export const BADGE_ALARM = 'frontline:badge';

/** One alarm per promise made; alarms survive the service worker being stopped. */
export async function armFollowUp(interactionId: string, dueAt: number): Promise<void> {
  await browser.alarms.create(`${ALARM_PREFIX}${interactionId}`, { when: Math.max(Date.now() + 1_000, dueAt) });
}

/** The toolbar badge counts follow-ups that are due now. */
export async function refreshBadge(): Promise<number> {
  const count = await dueCount();
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
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

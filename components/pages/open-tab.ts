import { browser } from 'wxt/browser';

/** Posts open in a new tab: the popup closes as soon as focus leaves it. */
export async function openInNewTab(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return; // stored permalinks come from pages: never open javascript: or data:
  await browser.tabs.create({ url });
}

export async function openDashboard(contactId?: string): Promise<void> {
  const hash = contactId ? `#contact=${encodeURIComponent(contactId)}` : '';
  await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}${hash}` });
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

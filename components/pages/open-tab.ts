import { browser } from 'wxt/browser';
import { isWebUrl } from '@/lib/web-url';

/** Posts open in a new tab: the popup closes as soon as focus leaves it. */
export async function openInNewTab(url: string): Promise<void> {
  if (!isWebUrl(url)) return; // stored permalinks come from pages and files: never open javascript: or data:
  await browser.tabs.create({ url });
}

export async function openDashboard(contactId?: string): Promise<void> {
  const hash = contactId ? `#contact=${encodeURIComponent(contactId)}` : '';
  await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}${hash}` });
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

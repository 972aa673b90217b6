import type { RecentContact } from '@/lib/messages';
import { isWebUrl } from '@/lib/web-url';
import type { PaletteItem } from './Palette';

/**
 * The palette's contact rows. A stored permalink came from a page or an imported file, so it
 * is opened only when it is a web link: an imported `javascript:` link reached window.open here.
 */
export function contactItems(contacts: readonly RecentContact[], open: (url: string) => void): PaletteItem[] {
  return contacts.map((c) => ({
    id: `c-${c.id}`,
    group: 'Contact' as const,
    label: c.name || c.handle,
    detail: `${c.handle} · ${c.platform}`,
    run: () => {
      if (c.lastPermalink && isWebUrl(c.lastPermalink)) open(c.lastPermalink);
    },
  }));
}

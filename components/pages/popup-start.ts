import type { FrontlineDB } from '@/lib/db/schema';
import { openDB } from '@/lib/db/open';
import { NO_FILTERS, popupLists, type ListFilters, type PopupLists } from '@/lib/db/popup-lists';
import { prepareSearch } from '@/lib/db/directory-cache';
import { now as clockNow } from '@/lib/time/clock';

/** The popup's first screen as read before React mounted, and the moment it was read for. */
export interface FirstScreen extends PopupLists {
  query: string;
  filters: ListFilters;
  now: number;
}

export interface PopupStart {
  /** The database, once the first screen has been read (or failed to be: the live query then says why). */
  opening: Promise<FrontlineDB>;
  /** The first screen, once read; undefined before that or when it failed. */
  firstScreen: () => FirstScreen | undefined;
}

/**
 * Starts what the popup's first screen needs the moment its script runs (issue 22, branch query):
 * the database opens and the first screen's lists are read while React mounts, instead of after
 * React has drawn "Opening your contacts…", run an effect to open the database, drawn the popup
 * and run another effect to start the live query. The popup draws from this answer in its first
 * render; its live query still subscribes and reads again, so the list stays live. The search
 * directory is read along with the first screen, so the agent's first keystroke only matches.
 */
export function startPopup(open: () => Promise<FrontlineDB> = openForPopup): PopupStart {
  let read: FirstScreen | undefined;
  const db = open();
  const opening = db.then(async (opened) => {
    try {
      const now = clockNow();
      const lists = popupLists(opened, NO_FILTERS, now);
      // Asked for right behind the first screen's reads, not after them: a key typed the moment
      // the first row shows found it still being read (research/db/probe-ab.ts, README's log).
      void prepareSearch(opened).catch(() => undefined);
      read = { ...(await lists), query: NO_FILTERS.query, filters: NO_FILTERS, now };
    } catch {
      // The live query reads again and shows what went wrong.
    }
    return opened;
  });
  return { opening, firstScreen: () => read };
}

/** The extension's database; an update while the popup is open reloads it on the new version. */
function openForPopup(): Promise<FrontlineDB> {
  return openDB(undefined, { onVersionChange: () => location.reload() });
}

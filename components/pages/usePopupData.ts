import { useLiveQuery } from 'dexie-react-hooks';
import { dueInteractions, recentContacts, searchWordsFor, type Contact, type ContactListItem, type FrontlineDB, type Interaction } from '@/lib/db';
import { queryOptions, type Filters } from './ContactFilters';

/** The popup must stay instant on a large log: every list is an indexed query with a limit. */
export const RECENT_LIMIT = 50;
export const DUE_LIMIT = 20;

export interface DueItem {
  interaction: Interaction;
  contact: Contact | undefined;
}

export interface PopupData {
  due: DueItem[];
  dueTotal: number;
  recent: ContactListItem[];
  /** False only on an empty database, when the popup shows how to get started. */
  hasAny: boolean;
}

/**
 * The due interactions matching the filters, with their contacts. A search is answered by the
 * search words index (contact ids only, the same prefix rule as the contact list), so contacts
 * are read only for the rows shown.
 */
async function dueFor(db: FrontlineDB, filters: Filters, now: number): Promise<{ due: DueItem[]; dueTotal: number }> {
  const tokens = searchWordsFor(filters.query, '');
  const [interactions, idSets] = await Promise.all([
    dueInteractions(db, now),
    Promise.all(tokens.map((t) => db.contacts.where('searchWords').startsWith(t).primaryKeys().then((keys) => new Set(keys)))),
  ]);
  const due = interactions
    .filter(
      (i) =>
        (!filters.platform || i.platform === filters.platform) &&
        (!filters.status || i.status === filters.status) &&
        idSets.every((ids) => ids.has(i.contactId)),
    )
    .sort((a, b) => (a.followUpAt ?? 0) - (b.followUpAt ?? 0));
  const shown = due.slice(0, DUE_LIMIT);
  const contacts = await db.contacts.bulkGet(shown.map((i) => i.contactId));
  return { due: shown.map((interaction, n) => ({ interaction, contact: contacts[n] })), dueTotal: due.length };
}

/** One live query, so the due follow-ups and the list arrive together (due rows come first). */
export function usePopupData(db: FrontlineDB, filters: Filters, now: number): PopupData | undefined {
  return useLiveQuery(async () => {
    const [due, recent, first] = await Promise.all([
      dueFor(db, filters, now),
      recentContacts(db, queryOptions(filters, RECENT_LIMIT)),
      db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys(),
    ]);
    return { ...due, recent, hasAny: first.length > 0 };
  }, [db, now, filters.query, filters.platform, filters.status]);
}

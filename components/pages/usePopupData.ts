import { useLiveQuery } from 'dexie-react-hooks';
import { dueFollowUps, recentContacts, searchWordsFor, type Contact, type ContactListItem, type FrontlineDB, type Interaction } from '@/lib/db';
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

/** Due follow-ups are few; they are filtered here with the same rules the index applies to contacts. */
function dueMatches(item: DueItem, filters: Filters): boolean {
  if (filters.platform && item.interaction.platform !== filters.platform) return false;
  if (filters.status && item.interaction.status !== filters.status) return false;
  const tokens = searchWordsFor(filters.query, '');
  if (tokens.length === 0) return true;
  const words = item.contact?.searchWords ?? [];
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
}

export function usePopupData(db: FrontlineDB, filters: Filters, now: number): PopupData | undefined {
  return useLiveQuery(async () => {
    const [allDue, recent, first] = await Promise.all([
      dueFollowUps(db, now),
      recentContacts(db, queryOptions(filters, RECENT_LIMIT)),
      db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys(),
    ]);
    const due = allDue
      .filter((d) => dueMatches(d, filters))
      .sort((a, b) => (a.interaction.followUpAt ?? 0) - (b.interaction.followUpAt ?? 0));
    return { due: due.slice(0, DUE_LIMIT), dueTotal: due.length, recent, hasAny: first.length > 0 };
  }, [db, now, filters.query, filters.platform, filters.status]);
}

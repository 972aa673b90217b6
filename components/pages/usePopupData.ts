import { useLiveQuery } from 'dexie-react-hooks';
import { dueInteractions, dueRange, recentContacts, searchDirectory, type Contact, type ContactListItem, type DirectoryMatch, type FrontlineDB, type Interaction } from '@/lib/db';
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

/** Past this many matching people with a follow-up due, read the pending range instead of their histories. */
const DUE_PEOPLE_MAX = 40;

/**
 * The due interactions matching the filters, with their contacts. The followUpDue index holds
 * pending follow-ups only (schema v4), oldest due first: without filters the list is a count
 * and the first DUE_LIMIT records of that range. A search already knows which of its people
 * have a follow-up due (the directory, shared with the contact list): only their pending
 * follow-ups are read ([contactId+followUpDue], schema v6), never their whole history.
 */
async function dueFor(
  db: FrontlineDB,
  filters: Filters,
  now: number,
  matchesPromise: Promise<DirectoryMatch | undefined>,
): Promise<{ due: DueItem[]; dueTotal: number }> {
  const matches = await matchesPromise;
  let shown: Interaction[];
  let dueTotal: number;
  const known = new Map<string, Contact>();
  if (!matches && !filters.platform && !filters.status) {
    [shown, dueTotal] = await Promise.all([dueRange(db, now).limit(DUE_LIMIT).toArray(), dueRange(db, now).count()]);
  } else {
    let interactions: Interaction[];
    if (matches) {
      const people = new Set(matches.due);
      // Past DUE_PEOPLE_MAX people, the whole pending range is one read instead of theirs.
      const lists = matches.due.length <= DUE_PEOPLE_MAX
        ? await db.transaction('r', db.interactions, () =>
            Promise.all(matches.due.map((id) => db.interactions.where('[contactId+followUpDue]').between([id, 0], [id, now], true, true).toArray())),
          )
        : [await dueInteractions(db, now)];
      interactions = lists
        .flat()
        .filter((i) => people.has(i.contactId) && i.followUpDue !== undefined && i.followUpDue <= now)
        .sort((a, b) => a.followUpDue! - b.followUpDue! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    } else {
      interactions = await dueInteractions(db, now);
    }
    const due = interactions.filter(
      (i) =>
        !i.followUpDone &&
        i.status !== 'resolved' &&
        (!filters.platform || i.platform === filters.platform) &&
        (!filters.status || i.status === filters.status),
    );
    shown = due.slice(0, DUE_LIMIT);
    dueTotal = due.length;
  }
  const missing = [...new Set(shown.map((i) => i.contactId))];
  if (missing.length) (await db.contacts.bulkGet(missing)).forEach((c) => c && known.set(c.id, c));
  return { due: shown.map((interaction) => ({ interaction, contact: known.get(interaction.contactId) })), dueTotal };
}

/** One live query, so the due follow-ups and the list arrive together (due rows come first). */
export function usePopupData(db: FrontlineDB, filters: Filters, now: number): PopupData | undefined {
  return useLiveQuery(async () => {
    // The search's matching ids are read once and shared by both lists.
    const first = db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys();
    const matches = searchDirectory(db, filters.query, now);
    const [due, recent] = await Promise.all([
      dueFor(db, filters, now, matches),
      recentContacts(db, { ...queryOptions(filters, RECENT_LIMIT), matches }),
    ]);
    return { ...due, recent, hasAny: (await first).length > 0 };
  }, [db, now, filters.query, filters.platform, filters.status]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import { contactKeys, dueInteractions, dueRange, recentContacts, searchMatches, type Contact, type ContactListItem, type FrontlineDB, type Interaction } from '@/lib/db';
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
 * and the first DUE_LIMIT records of that range. A search starts from keys only: the people
 * it matches (searchMatches, shared with the contact list) that have a follow-up due (the
 * contacts' followUpDue index); only those people's interactions are read.
 */
async function dueFor(
  db: FrontlineDB,
  filters: Filters,
  now: number,
  matchesPromise: Promise<Set<string> | undefined>,
): Promise<{ due: DueItem[]; dueTotal: number }> {
  const searching = filters.query.trim() !== '';
  // Keys only, read while the search words index answers.
  const dueKeys = searching
    ? contactKeys(db, 'followUpDue', 0, now, () => db.contacts.where('followUpDue').belowOrEqual(now))
    : undefined;
  dueKeys?.catch(() => {});
  const matches = await matchesPromise;
  let shown: Interaction[];
  let dueTotal: number;
  const known = new Map<string, Contact>();
  if (!matches && !filters.platform && !filters.status) {
    [shown, dueTotal] = await Promise.all([dueRange(db, now).limit(DUE_LIMIT).toArray(), dueRange(db, now).count()]);
  } else {
    let interactions: Interaction[];
    if (matches) {
      const withDue = (await dueKeys!).filter((id) => matches.has(id));
      // Their records and their interactions at once (one round trip); past DUE_PEOPLE_MAX
      // people, the whole pending range is cheaper than their histories.
      const few = withDue.length <= DUE_PEOPLE_MAX;
      const [people, lists] = withDue.length === 0 ? [[], []] : await Promise.all([
        db.contacts.bulkGet(withDue),
        few
          ? Promise.all(withDue.map((id) => db.interactions.where('[contactId+firstSeenAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()))
          : dueInteractions(db, now).then((list) => [list]),
      ]);
      for (const c of people) if (c) known.set(c.id, c);
      interactions = lists
        .flat()
        .filter((i) => known.has(i.contactId) && i.followUpDue !== undefined && i.followUpDue <= now)
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
  const missing = shown.map((i) => i.contactId).filter((id) => !known.has(id));
  if (missing.length) (await db.contacts.bulkGet(missing)).forEach((c) => c && known.set(c.id, c));
  return { due: shown.map((interaction) => ({ interaction, contact: known.get(interaction.contactId) })), dueTotal };
}

/** One live query, so the due follow-ups and the list arrive together (due rows come first). */
export function usePopupData(db: FrontlineDB, filters: Filters, now: number): PopupData | undefined {
  return useLiveQuery(async () => {
    // The search's matching ids are read once and shared by both lists.
    const first = db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys();
    const matches = searchMatches(db, filters.query);
    const [due, recent] = await Promise.all([
      dueFor(db, filters, now, matches),
      recentContacts(db, { ...queryOptions(filters, RECENT_LIMIT), matches }),
    ]);
    return { ...due, recent, hasAny: (await first).length > 0 };
  }, [db, now, filters.query, filters.platform, filters.status]);
}

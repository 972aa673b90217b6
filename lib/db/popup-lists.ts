import type { Platform } from '../types';
import type { FrontlineDB } from './schema';
import type { DirectoryMatch } from './directory';
import { dueCountsOf, interactionsOfMany, logTables } from './histories';
import { dueCount, dueInteractions, dueUpTo, recentContacts, searchDirectory, type ContactListItem, type RecentContactsOptions } from './queries';
import type { SearchOptions } from './directory-cache';
import type { Contact, Interaction, Status } from './records';

/** The popup must stay instant on a large log: every list is an indexed query with a limit. */
export const POPUP_RECENT_LIMIT = 50;
export const POPUP_DUE_LIMIT = 20;

/** What a contact list's search box and filters ask for ('' = any): the popup's and the dashboard's. */
export interface ListFilters {
  query: string;
  platform: Platform | '';
  status: Status | '';
}

/** No search, any platform, any status: what a list shows first. */
export const NO_FILTERS: ListFilters = { query: '', platform: '', status: '' };

export interface DueItem {
  interaction: Interaction;
  contact: Contact | undefined;
}

export interface PopupLists {
  due: DueItem[];
  dueTotal: number;
  recent: ContactListItem[];
  /** False only on an empty database, when the popup shows how to get started. */
  hasAny: boolean;
}

/** Past this many due people beyond those shown, a search counts theirs on the due index's keys instead of reading their histories. */
const DUE_COUNT_READS = 20;

/** Past this many matching people with a follow-up due, read the pending range instead of their histories. */
const DUE_PEOPLE_MAX = 40;

/** The filters as recentContacts options: empty ones left out. */
export function contactQuery(filters: ListFilters, limit: number): RecentContactsOptions {
  return {
    limit,
    ...(filters.query.trim() ? { query: filters.query } : {}),
    ...(filters.platform ? { platform: filters.platform } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

const byDueThenId = (a: Interaction, b: Interaction) =>
  a.followUpDue! - b.followUpDue! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The due interactions matching the filters, with their contacts. The followUpDue index holds
 * pending follow-ups only (schema v4), oldest due first: without filters the list is a count
 * and the first POPUP_DUE_LIMIT records of that range. A search already knows which of its
 * people have a follow-up due (the directory, shared with the contact list): only their
 * pending follow-ups are read ([contactId+followUpDue], schema v6), never their whole history.
 */
async function dueFor(
  db: FrontlineDB,
  filters: ListFilters,
  now: number,
  matchesPromise: Promise<DirectoryMatch | undefined>,
): Promise<{ due: DueItem[]; dueTotal: number }> {
  const matches = await matchesPromise;
  let shown: Interaction[];
  let dueTotal: number;
  // People whose contact records were read along with their follow-ups (a search's due list).
  let read: Map<string, Contact> | undefined;
  if (!matches && !filters.platform && !filters.status) {
    [shown, dueTotal] = await Promise.all([dueUpTo(db, now, POPUP_DUE_LIMIT), dueCount(db, now)]);
  } else if (matches && !filters.platform && !filters.status) {
    ({ shown, dueTotal, contacts: read } = await dueOfPeople(db, matches, now));
  } else {
    let interactions: Interaction[];
    if (matches) {
      const people = new Set(matches.due);
      // Past DUE_PEOPLE_MAX people, the whole pending range is one read instead of theirs.
      const lists = matches.due.length <= DUE_PEOPLE_MAX
        ? await db.transaction('r', logTables(db), () => pendingOfMany(db, matches.due, now))
        : [await dueInteractions(db, now)];
      interactions = lists
        .flat()
        .filter((i) => people.has(i.contactId) && i.followUpDue !== undefined && i.followUpDue <= now)
        .sort(byDueThenId);
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
    shown = due.slice(0, POPUP_DUE_LIMIT);
    dueTotal = due.length;
  }
  const known = read ?? new Map<string, Contact>();
  const people = [...new Set(shown.map((i) => i.contactId))].filter((id) => !known.has(id));
  if (people.length) (await db.contacts.bulkGet(people)).forEach((c) => c && known.set(c.id, c));
  return { due: shown.map((interaction) => ({ interaction, contact: known.get(interaction.contactId) })), dueTotal };
}

/** Each person's pending follow-ups due by `now`, oldest due first (from their history records). */
async function pendingOfMany(db: FrontlineDB, contactIds: readonly string[], now: number): Promise<Interaction[][]> {
  return (await interactionsOfMany(db, contactIds)).map((list) =>
    list.filter((i) => i.followUpDue !== undefined && i.followUpDue <= now).sort(byDueThenId),
  );
}

/**
 * A search's due follow-ups without a platform or status filter. The directory knows each
 * matching person's earliest pending follow-up, and every one of the POPUP_DUE_LIMIT earliest
 * due interactions belongs to one of the POPUP_DUE_LIMIT people whose earliest is earliest: only
 * theirs are read, with their contacts; the others' are counted (from their histories when few, on
 * the due index's keys when many: dueCountsOf). "h" (76 people due on the bench data) read all 480
 * pending follow-ups before, then all 76 histories.
 */
async function dueOfPeople(
  db: FrontlineDB,
  matches: DirectoryMatch,
  now: number,
): Promise<{ shown: Interaction[]; dueTotal: number; contacts: Map<string, Contact> }> {
  const people = matches.due.map((id, n) => ({ id, at: matches.dueAt[n]! }));
  people.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // People tied with the last one read are read too: the order among their interactions is by id.
  const cut = people[Math.min(POPUP_DUE_LIMIT, people.length) - 1]?.at ?? 0;
  const read = people.filter((p) => p.at <= cut);
  const rest = people.filter((p) => p.at > cut);
  // The others are only counted: a few from their histories, many on the due index's keys (one
  // request whatever their number; on the bench data it reads ~480 keys in 2–12 ms, about what
  // 10–15 histories cost, and far less main-thread work than 56 histories for "h").
  const restIds = rest.map((p) => p.id);
  const readIds = read.map((p) => p.id);
  // The contacts of the people read are asked for with their histories, not after them: one
  // round trip less on every keystroke whose matches have follow-ups due (issue 22, branch query3).
  const [lists, counts, contacts] = await db.transaction('r', [db.contacts, ...logTables(db)], () =>
    Promise.all([
      pendingOfMany(db, readIds, now),
      restIds.length > DUE_COUNT_READS ? dueCountsOf(db, restIds, now) : pendingOfMany(db, restIds, now).then((ls) => ls.map((l) => l.length)),
      db.contacts.bulkGet(readIds),
    ]),
  );
  const known = new Map<string, Contact>();
  for (const c of contacts) if (c) known.set(c.id, c);
  const due = lists.flat().filter((i) => !i.followUpDone && i.status !== 'resolved').sort(byDueThenId);
  return { shown: due.slice(0, POPUP_DUE_LIMIT), dueTotal: due.length + counts.reduce((a, b) => a + b, 0), contacts: known };
}

/**
 * Everything the popup lists, in one read so the due follow-ups and the recent people arrive
 * together (due rows come first). A plain function: the popup wraps it in a live query.
 */
export async function popupLists(db: FrontlineDB, filters: ListFilters, now: number, options: SearchOptions = {}): Promise<PopupLists> {
  // The search's matching ids are read once and shared by both lists.
  const first = db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys();
  const matches = searchDirectory(db, filters.query, now, options);
  const [due, recent] = await Promise.all([
    dueFor(db, filters, now, matches),
    recentContacts(db, { ...contactQuery(filters, POPUP_RECENT_LIMIT), matches }),
  ]);
  return { ...due, recent, hasAny: (await first).length > 0 };
}

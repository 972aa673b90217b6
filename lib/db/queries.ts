import type { Platform } from '../types';
import type { FrontlineDB } from './schema';
import type { DirectoryMatch } from './directory';
import { searchDirectory } from './directory-cache';
import { throwIfAborted } from './errors';
import { eventsIn } from './events-of';
import type { Contact, Interaction, InteractionEvent, Status, StoredInteraction } from './records';
import { hasSummary, summaryOf, type ContactSummary } from './summary';
import { activeSince, dueIndexRange, dueUpTo, flatten, interactionsOf, logTables, type History } from './histories';

export interface ContactHistory {
  contact: Contact;
  /** Newest first (the newest `limit` of them when a limit was given). */
  interactions: Interaction[];
  /** Newest first, across the interactions returned. */
  events: InteractionEvent[];
  /** How many interactions the contact has in all (counted on the index). */
  total: number;
}

/**
 * A contact's story, newest post first. With `limit`, only the newest `limit` interactions and
 * their events are read (a reverse walk of the [contactId+firstSeenAt] index), and `total`
 * comes from an index count: a 300-post customer costs what a 20-post one does.
 */
export async function contactHistory(
  db: FrontlineDB,
  contactId: string,
  options: { limit?: number } = {},
): Promise<ContactHistory | undefined> {
  return db.transaction('r', [db.contacts, ...logTables(db)], async () => {
    const limit = options.limit;
    // One record holds their whole history (schema v8), oldest first.
    const [contact, all] = await Promise.all([db.contacts.get(contactId), interactionsOf(db, contactId)]);
    if (!contact) return undefined;
    const newestFirst = [...all].reverse();
    const newest = limit === undefined ? newestFirst : newestFirst.slice(0, Math.max(1, Math.floor(limit)));
    // Their events are inside the interaction records just read (schema v5).
    const events = eventsIn(newest);
    return { contact, interactions: newest, events, total: all.length };
  });
}

/** A contact with their summary: count, status of the latest interaction, worst severity. */
export type ContactListItem = Contact & ContactSummary;

export interface RecentContactsOptions {
  limit: number;
  platform?: Platform;
  /** Only people with at least one interaction in this status. */
  status?: Status;
  /** Name or handle prefixes, e.g. "jan do" finds "Jane Doe" and "@jandoe". */
  query?: string;
  /** searchDirectory(db, query), when the caller reads it too (the popup shares it); may be pending. */
  matches?: DirectoryMatch | Promise<DirectoryMatch | undefined>;
}

/** Search reads the directory, indexed once while it does not change (directory-cache.ts). */
export { prepareSearch, searchDirectory } from './directory-cache';

/** Contacts read per step when walking the lastSeenAt index with a filter. */
const PAGE = 200;
const MAX_PAGE = 3_200;

/**
 * Most recently seen contacts first, filtered and searched. Nothing reads more than it shows
 * plus a page: a search takes the directory's matches (already newest first), no search walks
 * the lastSeenAt index; the platform and status filters are checked on the way, newest first,
 * until `limit` people are found.
 */
export async function recentContacts(db: FrontlineDB, options: RecentContactsOptions): Promise<ContactListItem[]> {
  return findRecent(db, options, true) as Promise<ContactListItem[]>;
}

/**
 * recentContacts without the per-person summary (count, last status, worst severity): one
 * index walk and the contact records, no read per row. For long lists that summarise only
 * the rows on screen (contactSummary).
 */
export async function recentContactsBare(db: FrontlineDB, options: RecentContactsOptions): Promise<Contact[]> {
  return findRecent(db, options, false);
}

export type { ContactSummary };

/** The summary recentContacts adds to each person: stored on the contact (schema v4). */
export async function contactSummary(db: FrontlineDB, contactId: string): Promise<ContactSummary> {
  const contact = await db.contacts.get(contactId);
  if (contact && hasSummary(contact)) return pickSummary(contact);
  return summaryOf(await interactionsOf(db, contactId));
}

function pickSummary(c: Contact & ContactSummary): ContactSummary {
  return {
    interactionCount: c.interactionCount,
    ...(c.lastStatus ? { lastStatus: c.lastStatus } : {}),
    maxSeverity: c.maxSeverity,
    ...(c.followUpDue !== undefined ? { followUpDue: c.followUpDue } : {}),
  };
}

async function findRecent(db: FrontlineDB, options: RecentContactsOptions, withSummary: boolean): Promise<Contact[]> {
  const limit = Math.max(1, Math.min(500, Math.floor(options.limit)));
  const { platform, status } = options;
  const found = options.matches ? await options.matches : await searchDirectory(db, options.query ?? '');
  if (found && found.newestFirst.length === 0) return [];
  return db.transaction('r', [db.contacts, ...logTables(db)], async () => {
    const out: Contact[] = [];
    /** Checks a batch in recency order; returns true once `limit` people are found. */
    const take = async (batch: Contact[]): Promise<boolean> => {
      let wanted = platform ? batch.filter((c) => c.platform === platform) : batch;
      // Without a status filter every wanted contact is taken: read no more than are missing.
      if (!status) wanted = wanted.slice(0, limit - out.length);
      if (!withSummary && !status) {
        out.push(...wanted);
        return out.length >= limit;
      }
      // The summary is stored on the contact; history is read only for the status filter
      // (any interaction in that status) or a contact written without one.
      const lists = await Promise.all(
        wanted.map((c) => (status || (withSummary && !hasSummary(c)) ? interactionsOf(db, c.id) : undefined)),
      );
      wanted.forEach((c, n) => {
        if (out.length >= limit) return;
        const list = lists[n];
        if (status && !list!.some((i) => i.status === status)) return;
        out.push(withSummary ? (hasSummary(c) ? c : { ...c, ...summaryOf(list!) }) : c);
      });
      return out.length >= limit;
    };

    if (found) {
      // The directory gave the matches newest first: read people in that order until enough
      // are taken (unfiltered, exactly as many as are missing).
      const ids = found.newestFirst;
      for (let start = 0; start < ids.length; ) {
        const size = platform || status ? PAGE : limit - out.length;
        const batch = (await db.contacts.bulkGet(ids.slice(start, start + size))).filter((c): c is Contact => c !== undefined);
        start += size;
        if (await take(batch)) break;
      }
      return out;
    }

    // No search: walk the lastSeenAt index newest first, one page at a time.
    let boundary: number | undefined;
    let seenAtBoundary = 0;
    // Filtered walks start with a page and double it each step: a rare filter reads few requests.
    const grow = Boolean(status || platform);
    let step = grow ? PAGE : limit;
    for (;; step = grow ? Math.min(step * 2, MAX_PAGE) : step) {
      const range = boundary === undefined ? db.contacts.orderBy('lastSeenAt') : db.contacts.where('lastSeenAt').belowOrEqual(boundary);
      // Contacts at the boundary time already taken come first in this order: skip them.
      const page = (await range.reverse().limit(step + seenAtBoundary).toArray()).slice(seenAtBoundary);
      if (page.length === 0) break;
      if (await take(page)) break;
      const last = page[page.length - 1]!.lastSeenAt;
      seenAtBoundary = (last === boundary ? seenAtBoundary : 0) + page.filter((c) => c.lastSeenAt === last).length;
      boundary = last;
      if (page.length < step) break;
    }
    return out;
  });
}

/** Follow-ups whose time has come and that are neither done nor resolved, oldest due first. */
export async function dueFollowUps(
  db: FrontlineDB,
  now: number,
): Promise<Array<{ interaction: Interaction; contact: Contact | undefined }>> {
  return db.transaction('r', [db.contacts, ...logTables(db)], async () => {
    const due = await dueInteractions(db, now);
    const contacts = await db.contacts.bulkGet(due.map((i) => i.contactId));
    return due.map((interaction, n) => ({ interaction, contact: contacts[n] }));
  });
}

/** dueFollowUps without the contacts, for callers that only need the people they show. */
export async function dueInteractions(db: FrontlineDB, now: number): Promise<Interaction[]> {
  // The *due index holds pending follow-ups only (schema v4, v8: on the history), in due order.
  return (await dueUpTo(db, now)).filter((i) => !i.followUpDone && i.status !== 'resolved');
}

/** How many pending follow-ups are due by `now`: a count of the *due index range. */
export function dueCount(db: FrontlineDB, now: number): Promise<number> {
  return dueIndexRange(db, now).count();
}

export { dueUpTo };

export interface ActivityCounts {
  /** Posts flagged (each post once). */
  flagged: number;
  /** Interactions the agent replied to (inserted or copied a reply). */
  replied: number;
  resolved: number;
  /**
   * Posts flagged abusive that the agent answered or resolved (each once): the load personal
   * attacks put on the agent, counted without judgement so a lead can see it (issue 21, item 9).
   */
  abusiveHandled: number;
}

export { startOfDay, startOfWeek } from '../time/day-start';
import { startOfDay, startOfWeek } from '../time/day-start';

/** Histories read per request by countsFor (~5 interactions each: ~250 interactions, as before v8). */
const COUNTS_PAGE = 50;

/**
 * The popup's numbers: today and this week (since Monday), counted once per interaction.
 * The week's interactions (thousands on a busy week, more after a flood) are read COUNTS_PAGE
 * at a time: one getAll of all of them kept IndexedDB and the page busy for 0.3–0.8 s in
 * Chromium, and a search typed meanwhile waited behind it. `signal` stops it between pages
 * (CancelledError): the popup gives way to a search the agent types.
 */
export async function countsFor(db: FrontlineDB, now: number, options: { signal?: AbortSignal } = {}): Promise<{ today: ActivityCounts; week: ActivityCounts }> {
  const weekStart = startOfWeek(now);
  const dayStart = startOfDay(now);
  const start = Math.min(weekStart, dayStart);
  throwIfAborted(options.signal, 'Counting');
  const sets = {
    today: { flagged: new Set<string>(), replied: new Set<string>(), resolved: new Set<string>(), abusiveHandled: new Set<string>() },
    week: { flagged: new Set<string>(), replied: new Set<string>(), resolved: new Set<string>(), abusiveHandled: new Set<string>() },
  };
  // An interaction with an event since `start` has lastEventAt >= start (every write moves it),
  // and its history's lastEventAt (the latest of theirs) too.
  await inIndexPages(db, start, COUNTS_PAGE, (page) => {
    throwIfAborted(options.signal, 'Counting');
    for (const i of flatten(page)) {
      if (i.lastEventAt < start) continue;
      for (const e of i.events) {
        if (e.at < start || e.at > now) continue;
        for (const [from, into] of [[dayStart, sets.today], [weekStart, sets.week]] as const) {
          if (e.at < from) continue;
          if (e.type === 'flagged') into.flagged.add(i.id);
          // A copied reply counts once the agent confirms it was posted, never on the copy alone.
          else if (e.type === 'reply-inserted' || e.type === 'reply-confirmed') into.replied.add(i.id);
          else if (e.type === 'status' && e.status === 'resolved') into.resolved.add(i.id);
          else continue;
          if (e.type !== 'flagged' && i.signals.abuse) into.abusiveHandled.add(i.id);
        }
      }
    }
  });
  const sizes = (s: typeof sets.today): ActivityCounts => ({
    flagged: s.flagged.size,
    replied: s.replied.size,
    resolved: s.resolved.size,
    abusiveHandled: s.abusiveHandled.size,
  });
  return { today: sizes(sets.today), week: sizes(sets.week) };
}

/**
 * The histories whose lastEventAt is >= `from`, in index order, `size` records per request
 * (each page starts at the last value seen, skipping the records at that value already given).
 */
async function inIndexPages(db: FrontlineDB, from: number, size: number, each: (page: History[]) => void): Promise<void> {
  const index = 'lastEventAt';
  let boundary = from;
  let given = new Set<string>();
  for (;;) {
    const rows = await db.histories.where(index).aboveOrEqual(boundary).limit(size + given.size).toArray();
    const page = rows.filter((i) => !given.has(i.id));
    if (page.length) each(page);
    if (rows.length < size + given.size) return;
    const last = rows[rows.length - 1]![index];
    // Records at the new boundary value come first in the next read: remember which were given.
    given = new Set(last === boundary ? [...given] : []);
    for (const i of rows) if (i[index] === last) given.add(i.id);
    boundary = last;
  }
}

/**
 * Interactions first seen in [from, to), oldest first (then by id), as the firstSeenAt index
 * gave them up to schema v4. Since v5 the index is lastEventAt: firstSeenAt <= lastEventAt always
 * holds (every write and import keeps it), so `lastEventAt >= from` holds every candidate and
 * the filter decides. Insights ask for periods ending now, where the two ranges nearly agree.
 */
export async function firstSeenBetween(db: FrontlineDB, from: number, to: number): Promise<StoredInteraction[]> {
  const candidates = await activeSince(db, from);
  return candidates
    .filter((i) => i.firstSeenAt >= from && i.firstSeenAt < to)
    .sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A contact's latest interaction (the one a contact list's status shows), by first-seen time. */
export async function latestInteractionId(db: FrontlineDB, contactId: string): Promise<string | undefined> {
  return (await interactionsOf(db, contactId)).at(-1)?.id;
}

import Dexie from 'dexie';
import type { Platform } from '../types';
import type { FrontlineDB } from './schema';
import { searchTokens } from './normalise';
import { eventsOf } from './events-of';
import type { Contact, Interaction, InteractionEvent, Status } from './records';

export interface ContactHistory {
  contact: Contact;
  /** Newest first. */
  interactions: Interaction[];
  /** Newest first, across all of the contact's interactions. */
  events: InteractionEvent[];
}

export async function contactHistory(db: FrontlineDB, contactId: string): Promise<ContactHistory | undefined> {
  return db.transaction('r', db.contacts, db.interactions, db.events, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) return undefined;
    const interactions = await interactionsOf(db, contactId);
    const events = await eventsOf(db, new Set(interactions.map((i) => i.id)));
    events.sort((a, b) => b.at - a.at || (b.seq ?? 0) - (a.seq ?? 0));
    return { contact, interactions: interactions.reverse(), events };
  });
}

/** Oldest first, straight from the [contactId+firstSeenAt] index. */
function interactionsOf(db: FrontlineDB, contactId: string) {
  return db.interactions
    .where('[contactId+firstSeenAt]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .toArray();
}

export interface ContactListItem extends Contact {
  interactionCount: number;
  /** Status of their latest interaction. */
  lastStatus?: Status;
  /** Highest severity they have shown. */
  maxSeverity: number;
}

export interface RecentContactsOptions {
  limit: number;
  platform?: Platform;
  /** Only people with at least one interaction in this status. */
  status?: Status;
  /** Name or handle prefixes, e.g. "jan do" finds "Jane Doe" and "@jandoe". */
  query?: string;
}

/** Most recently seen contacts first, filtered and searched on the indexes. */
export async function recentContacts(db: FrontlineDB, options: RecentContactsOptions): Promise<ContactListItem[]> {
  const limit = Math.max(1, Math.min(500, Math.floor(options.limit)));
  return db.transaction('r', db.contacts, db.interactions, async () => {
    // Each filter yields a set of contact ids from one index read; the answer is their intersection.
    const keySets: Array<Promise<string[]>> = searchTokens(options.query ?? '').map((token) =>
      db.contacts.where('searchWords').startsWith(token).primaryKeys(),
    );
    if (options.platform) keySets.push(db.contacts.where('platform').equals(options.platform).primaryKeys());
    if (options.status) {
      keySets.push(db.interactions.where('status').equals(options.status).toArray().then((l) => l.map((i) => i.contactId)));
    }

    let contacts: Contact[];
    if (keySets.length === 0) {
      contacts = await db.contacts.orderBy('lastSeenAt').reverse().limit(limit).toArray();
    } else {
      const [first, ...rest] = (await Promise.all(keySets)).map((keys) => new Set(keys));
      const ids = [...first!].filter((id) => rest.every((set) => set.has(id)));
      contacts = (await db.contacts.bulkGet(ids))
        .filter((c): c is Contact => c !== undefined)
        .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
        .slice(0, limit);
    }

    return Promise.all(
      contacts.map(async (c): Promise<ContactListItem> => {
        const list = await interactionsOf(db, c.id);
        const last = list[list.length - 1];
        return {
          ...c,
          interactionCount: list.length,
          ...(last ? { lastStatus: last.status } : {}),
          maxSeverity: list.reduce((m, i) => Math.max(m, i.severity), 0),
        };
      }),
    );
  });
}

/** Follow-ups whose time has come and that are neither done nor resolved, oldest due first. */
export async function dueFollowUps(
  db: FrontlineDB,
  now: number,
): Promise<Array<{ interaction: Interaction; contact: Contact | undefined }>> {
  return db.transaction('r', db.contacts, db.interactions, async () => {
    const due = (await db.interactions.where('followUpAt').belowOrEqual(now).toArray()).filter(
      (i) => !i.followUpDone && i.status !== 'resolved',
    );
    const contacts = await db.contacts.bulkGet(due.map((i) => i.contactId));
    return due.map((interaction, n) => ({ interaction, contact: contacts[n] }));
  });
}

export interface ActivityCounts {
  /** Posts flagged (each post once). */
  flagged: number;
  /** Interactions the agent replied to (inserted or copied a reply). */
  replied: number;
  resolved: number;
}

/** Local midnight of the day containing `t`. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local midnight of the Monday of the week containing `t`. */
export function startOfWeek(t: number): number {
  const d = new Date(startOfDay(t));
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/** The popup's numbers: today and this week (since Monday), counted once per interaction. */
export async function countsFor(db: FrontlineDB, now: number): Promise<{ today: ActivityCounts; week: ActivityCounts }> {
  const weekStart = startOfWeek(now);
  const dayStart = startOfDay(now);
  const events = await db.events.where('at').between(Math.min(weekStart, dayStart), now, true, true).toArray();
  const count = (from: number): ActivityCounts => {
    const sets = { flagged: new Set<string>(), replied: new Set<string>(), resolved: new Set<string>() };
    for (const e of events) {
      if (e.at < from) continue;
      if (e.type === 'flagged') sets.flagged.add(e.interactionId);
      else if (e.type === 'reply-inserted' || e.type === 'reply-copied') sets.replied.add(e.interactionId);
      else if (e.type === 'status' && e.status === 'resolved') sets.resolved.add(e.interactionId);
    }
    return { flagged: sets.flagged.size, replied: sets.replied.size, resolved: sets.resolved.size };
  };
  return { today: count(dayStart), week: count(weekStart) };
}

import type { FrontlineDB } from './schema';
import { refreshSummaries } from './summary-refresh';
import { idleBefore, interactionsOfMany, logTables, writeInteractions } from './histories';

const DAY = 86_400_000;

/**
 * How long what a mere visit recorded is kept when the agent never acts on it. A page decides
 * what it shows, so a visit's records are the page's doing, not the agent's: they help recognise
 * a customer who comes back soon, and then go. Anything the agent did (opened the helper,
 * replied, noted, resolved, set a follow-up) makes the interaction theirs, kept by retention.
 */
export const SEEN_TTL_DAYS = 14;

/**
 * Deletes interactions whose whole log is the visit's `flagged` entry and that were last active
 * before the cutoff, and the contacts they leave with no interaction. Returns the counts.
 */
export async function expireUnactedVisits(db: FrontlineDB, now: number, days = SEEN_TTL_DAYS): Promise<{ interactions: number; contacts: number }> {
  const cutoff = now - days * DAY;
  return db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    // idleSince (a history's earliest lastEventAt) is indexed: only people with an interaction idle since the cutoff are read.
    const idle = await idleBefore(db, cutoff);
    const unacted = idle.filter((i) => i.events.every((e) => e.type === 'flagged'));
    if (unacted.length === 0) return { interactions: 0, contacts: 0 };
    await writeInteractions(db, [], unacted.map((i) => i.id));
    const people = [...new Set(unacted.map((i) => i.contactId))];
    await refreshSummaries(db, people);
    const left = await interactionsOfMany(db, people);
    const orphans = people.filter((_, n) => left[n]!.length === 0);
    await db.contacts.bulkDelete(orphans);
    return { interactions: unacted.length, contacts: orphans.length };
  });
}

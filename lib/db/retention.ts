import type { FrontlineDB } from './schema';
import { z } from 'zod';
import { parseOrThrow } from './records';
import { refreshSummaries } from './summary-refresh';
import { idleBefore, interactionsOfMany, logTables, writeInteractions } from './histories';

const DAY = 86_400_000;

/**
 * Forgets interactions (and their events) with no activity for `days` days, and contacts
 * left with no interaction who were not seen in that time. Personal data should not be
 * kept longer than the agent chose in Options.
 */
export async function applyRetention(
  db: FrontlineDB,
  days: number,
  now: number,
): Promise<{ interactions: number; events: number; contacts: number }> {
  const d = parseOrThrow(z.number().int().positive(), days, 'applyRetention: days');
  const cutoff = now - d * DAY;
  return db.transaction('rw', [db.contacts, ...logTables(db), db.corrections], async () => {
    // A correction keeps the post's words: it is forgotten on the same schedule (the layer is
    // refitted without it).
    await db.corrections.where('at').below(cutoff).delete();
    // A history's earliest lastEventAt is indexed (idleSince, schema v8): only the people with an
    // interaction idle since the cutoff are read, and those interactions taken.
    const oldRecords = await idleBefore(db, cutoff);
    const old = oldRecords.map((i) => i.id);
    // Their events are stored inside them and go with them.
    const events = oldRecords.reduce((n, i) => n + i.events.length, 0);
    await writeInteractions(db, [], old);
    // Their people keep a summary of what is left (or of nothing, until deleted below).
    await refreshSummaries(db, oldRecords.map((i) => i.contactId));
    const staleContacts = await db.contacts.where('lastSeenAt').below(cutoff).primaryKeys();
    const lists = await interactionsOfMany(db, staleContacts);
    const orphans = staleContacts.filter((_, n) => lists[n]!.length === 0);
    await db.contacts.bulkDelete(orphans);
    return { interactions: old.length, events, contacts: orphans.length };
  });
}

/** Everything, including writes waiting for space. */
export async function deleteAllData(db: FrontlineDB): Promise<void> {
  await db.transaction('rw', [db.contacts, ...logTables(db), db.pending, db.corrections], async () => {
    await Promise.all([db.contacts.clear(), db.histories.clear(), db.locator.clear(), db.pending.clear(), db.corrections.clear()]);
  });
}

import type { FrontlineDB } from './schema';
import { interactionsOfMany } from './histories';
import { ContactSchema, type Contact } from './records';
import { hasSummary, sameSummary, summaryOf, withSummary } from './summary';

/** Contacts per batch of concurrent reads in refreshSummaries. */
const BATCH = 500;

/**
 * Recomputes the stored summary of these contacts from their interactions and writes the ones
 * that changed. Call inside the read-write transaction that changed their interactions.
 */
export async function refreshSummaries(db: FrontlineDB, contactIds: Iterable<string>): Promise<number> {
  const ids = [...new Set(contactIds)];
  let written = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const [contacts, lists] = await Promise.all([
      db.contacts.bulkGet(batch),
      interactionsOfMany(db, batch),
    ]);
    const changed: Contact[] = [];
    contacts.forEach((c, n) => {
      if (!c) return;
      const s = summaryOf(lists[n]!);
      if (!sameSummary(c, s) || !hasSummary(c)) changed.push(ContactSchema.parse(withSummary(c, s)));
    });
    if (changed.length) await db.contacts.bulkPut(changed);
    written += changed.length;
  }
  return written;
}

import type { FrontlineDB } from '../db/schema';
import { allInteractions, logTables } from '../db/histories';
import type { Contact } from '../db/records';

export interface ReturningCustomer {
  contact: Contact;
  interactions: number;
  /** Their latest post is more severe than the one before: coming back angrier. */
  severityRising: boolean;
  maxSeverity: number;
}

/** People with more than one interaction, angrier-on-return first, then most interactions. */
export async function returningCustomers(
  db: FrontlineDB,
): Promise<{ contacts: number; returning: number; customers: ReturningCustomer[] }> {
  return db.transaction('r', [db.contacts, ...logTables(db)], async () => {
    // By person (one history record each, schema v8), oldest first.
    const all = await allInteractions(db);
    const groups = new Map<string, typeof all>();
    for (const i of all) {
      const list = groups.get(i.contactId);
      if (list) list.push(i);
      else groups.set(i.contactId, [i]);
    }
    const repeat = [...groups.entries()].filter(([, list]) => list.length > 1);
    const contacts = await db.contacts.bulkGet(repeat.map(([id]) => id));
    const customers: ReturningCustomer[] = [];
    repeat.forEach(([, list], n) => {
      const contact = contacts[n];
      if (!contact) return;
      const last = list[list.length - 1]!;
      const before = list[list.length - 2]!;
      customers.push({
        contact,
        interactions: list.length,
        severityRising: last.severity > before.severity,
        maxSeverity: Math.max(...list.map((i) => i.severity)),
      });
    });
    customers.sort(
      (a, b) =>
        Number(b.severityRising) - Number(a.severityRising) ||
        b.interactions - a.interactions ||
        b.contact.lastSeenAt - a.contact.lastSeenAt,
    );
    return { contacts: await db.contacts.count(), returning: customers.length, customers };
  });
}

import type { FrontlineDB } from '../db/schema';
import { activeSince, logTables } from '../db/histories';
import { teamActivity, type TeamActivity } from './team';

/**
 * The Team view's read: every interaction with an event since `from` (one lastEventAt index
 * range: any reply, resolution or first sighting in the period is such an event) and their
 * contacts in one bulkGet, then the pure derivation.
 */
export async function loadTeamActivity(db: FrontlineDB, opts: { me: string; from: number; to: number; now: number }): Promise<TeamActivity> {
  return db.transaction('r', [...logTables(db), db.contacts], async () => {
    const interactions = await activeSince(db, opts.from);
    const found = await db.contacts.bulkGet([...new Set(interactions.map((i) => i.contactId))]);
    const contacts = new Map(found.filter((c) => c !== undefined).map((c) => [c.id, c]));
    return teamActivity(interactions, contacts, opts);
  });
}

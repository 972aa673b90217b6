import type { FrontlineDB } from './schema';
import type { InteractionEvent } from './records';

/**
 * The events of a set of interactions. anyOf() walks an index cursor with one request per
 * hop; past a few hundred interactions a single read of the whole table is faster
 * (measured with 5,000 interactions: 14 s → 0.2 s for an import's duplicate check).
 */
export async function eventsOf(db: FrontlineDB, interactionIds: ReadonlySet<string>): Promise<InteractionEvent[]> {
  if (interactionIds.size === 0) return [];
  if (interactionIds.size <= 200) return db.events.where('interactionId').anyOf([...interactionIds]).toArray();
  return (await db.events.toArray()).filter((e) => interactionIds.has(e.interactionId));
}

import type { FrontlineDB } from './schema';
import type { InteractionEvent } from './records';

/**
 * Above this many interactions one read of the whole events table beats one request per
 * interaction (imports and retention pass tens of thousands of ids).
 */
const PER_KEY_MAX = 2_000;

/**
 * The events of a set of interactions, in no particular order. Each interaction is one
 * equality range on the interactionId index, read with its own getAll(); the requests are
 * issued together, so they pipeline instead of waiting on each other. (anyOf() walks a single
 * cursor with one round trip per hop, which is what made a 300-post timeline take seconds.)
 */
export async function eventsOf(db: FrontlineDB, interactionIds: ReadonlySet<string>): Promise<InteractionEvent[]> {
  if (interactionIds.size === 0) return [];
  if (interactionIds.size <= PER_KEY_MAX) {
    const parts = await Promise.all([...interactionIds].map((id) => db.events.where('interactionId').equals(id).toArray()));
    return parts.flat();
  }
  return (await db.events.toArray()).filter((e) => interactionIds.has(e.interactionId));
}

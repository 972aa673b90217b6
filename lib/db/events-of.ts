import type { FrontlineDB } from './schema';
import type { InteractionEvent, StoredInteraction } from './records';
import { withOwner } from './event-shape';
import { getInteractions } from './histories';

/**
 * Every event of these interaction records, in the flat form (interactionId and contactId
 * filled in), newest first; events with the same time: the later appended first. Since schema
 * v5 an interaction's events are stored inside it (an append-only array), so the reads that
 * found the interactions already hold their events.
 */
export function eventsIn(interactions: Iterable<Pick<StoredInteraction, 'id' | 'contactId' | 'events'>>): InteractionEvent[] {
  const out: Array<{ e: InteractionEvent; n: number }> = [];
  for (const i of interactions) i.events.forEach((e, n) => out.push({ e: withOwner(i, e), n }));
  out.sort((a, b) => b.e.at - a.e.at || b.n - a.n);
  return out.map((x) => x.e);
}

/** The events of a set of interactions (one bulkGet of their records), newest first. */
export async function eventsOf(db: FrontlineDB, interactionIds: ReadonlySet<string>): Promise<InteractionEvent[]> {
  if (interactionIds.size === 0) return [];
  const records = await getInteractions(db, [...interactionIds]);
  return eventsIn(records.filter((r): r is StoredInteraction => r !== undefined));
}

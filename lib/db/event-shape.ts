import type { Interaction, InteractionEvent, StoredEvent } from './records';

/*
 * Between an event's flat form and its stored form: plain functions, apart from the zod schemas in
 * records.ts (which re-exports them), so that opening the database and reading the lists loads no
 * zod, and the popup's first screen compiles less code (issue 22).
 */

/** The stored form of an event: its interaction and contact are implied by where it is kept. */
export function toStoredEvent(e: InteractionEvent): StoredEvent {
  const { seq: _seq, interactionId: _i, contactId: _c, ...rest } = e;
  return rest;
}

/** The flat form the query functions and exports give out. */
export function withOwner(i: Pick<Interaction, 'id' | 'contactId'>, e: StoredEvent): InteractionEvent {
  return { interactionId: i.id, contactId: i.contactId, ...e };
}

/** An interaction record without its event log (the shape of an export's interactions). */
export function withoutEvents<T extends Interaction & { events?: unknown }>(i: T): Interaction {
  const { events: _events, ...rest } = i;
  return rest;
}

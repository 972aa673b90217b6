import { now as clockNow } from '../time/clock';
import { mergeContactRecords, undoMergeRecords, type Contact, type FrontlineDB } from '../db';
import { forgetMerge, rememberMerge } from './merge-owners';

/**
 * "Same person as…" (dashboard): `mergeId`'s posts join `keepId`'s timeline and search finds
 * the person by either name or handle. Local to this browser: team sync shares posts' events,
 * not who is who (README, "Merging contacts"). Undoable with undoMerge. The due follow-ups do
 * not change (they only change owner), so the badge is left as it is.
 */
export async function mergeContacts(db: FrontlineDB, keepId: string, mergeId: string, now = clockNow()): Promise<Contact> {
  const kept = await mergeContactRecords(db, keepId, mergeId, now);
  // The merged account's next post joins the person too (lib/db/log.ts).
  await rememberMerge(db, keepId, mergeId);
  return kept;
}

/** Lists the two people apart again, as they were before mergeContacts. */
export async function undoMerge(db: FrontlineDB, keepId: string, mergeId: string): Promise<void> {
  await undoMergeRecords(db, keepId, mergeId);
  await forgetMerge(db, mergeId);
}

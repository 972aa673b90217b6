import { searchWordsFor } from './normalise';
import { ContactSchema, type Contact, type MergedContact } from './records';
import type { FrontlineDB } from './schema';
import { refreshSummaries } from './summary-refresh';
import { getInteractions, interactionsOf, logTables, writeInteractions } from './histories';
import { withMergedWords } from './merged';

/** A merge the database refuses (same contact, unknown contact, nested merge, nothing to undo). */
export class MergeRefusedError extends Error {
  override name = 'MergeRefusedError';
}

/** Own words plus the remaining merged people's: the one rule for a merged contact's searchWords. */
function wordsOf(c: Contact, merged: readonly MergedContact[]): string[] {
  return withMergedWords(searchWordsFor(c.name, c.handle), merged);
}

/**
 * Records that `mergeId` is the same person as `keepId`: their interactions move to `keepId`
 * (its timeline, summary and returning counts), its name and handle join `keepId`'s search
 * words, and the merged contact record goes (kept whole inside `keepId` for an undo). One
 * read-write transaction, so the directory (patched by its middleware in the same transaction)
 * and the summaries never see half a merge.
 */
export async function mergeContactRecords(db: FrontlineDB, keepId: string, mergeId: string, now: number): Promise<Contact> {
  if (keepId === mergeId) throw new MergeRefusedError('A contact cannot be merged into itself.');
  return db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    const [keep, merge] = await db.contacts.bulkGet([keepId, mergeId]);
    if (!keep || !merge) throw new MergeRefusedError('One of the two contacts is no longer in the database.');
    // Refused rather than nested: the kept one can take it in instead.
    if (merge.merged?.length) throw new MergeRefusedError(`${merge.name || merge.handle} already holds merged contacts: open them and merge the other one in.`);
    const moving = await interactionsOf(db, mergeId);
    const { merged: _none, ...snapshot } = merge;
    const entry: MergedContact = {
      contact: snapshot,
      interactionIds: moving.map((i) => i.id),
      at: now,
      keptFirstSeenAt: keep.firstSeenAt,
      keptLastSeenAt: keep.lastSeenAt,
    };
    const merged = [...(keep.merged ?? []), entry];
    await writeInteractions(db, moving.map((i) => ({ ...i, contactId: keepId })));
    await db.contacts.delete(mergeId);
    await db.contacts.put(
      ContactSchema.parse({
        ...keep,
        firstSeenAt: Math.min(keep.firstSeenAt, merge.firstSeenAt),
        lastSeenAt: Math.max(keep.lastSeenAt, merge.lastSeenAt),
        searchWords: wordsOf(keep, merged),
        merged,
      }),
    );
    await refreshSummaries(db, [keepId]);
    return (await db.contacts.get(keepId))!;
  });
}

/**
 * Undoes the merge of `mergeId` into `keepId`: the merged contact comes back as it was, the
 * interactions that moved go back to it (later events stay with them), and `keepId` loses the
 * words and first/last-seen times the merge gave it. Both summaries are recomputed, so posts
 * seen since the merge are counted where they now belong.
 */
export async function undoMergeRecords(db: FrontlineDB, keepId: string, mergeId: string): Promise<void> {
  await db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    const keep = await db.contacts.get(keepId);
    const entry = keep?.merged?.find((m) => m.contact.id === mergeId);
    if (!keep || !entry) throw new MergeRefusedError('There is no such merge to undo.');
    if (await db.contacts.get(mergeId)) throw new MergeRefusedError('The merged contact has been seen again since: the two are listed apart already.');
    const moved = (await getInteractions(db, entry.interactionIds)).filter((i) => i !== undefined && i.contactId === keepId);
    const merged = keep.merged!.filter((m) => m !== entry);
    const { merged: _merged, ...rest } = keep;
    const mergedTimes = keep.lastSeenAt === Math.max(entry.keptLastSeenAt, entry.contact.lastSeenAt);
    await db.contacts.put(ContactSchema.parse({ ...entry.contact }));
    await writeInteractions(db, moved.map((i) => ({ ...i!, contactId: mergeId })));
    await db.contacts.put(
      ContactSchema.parse({
        ...rest,
        firstSeenAt: keep.firstSeenAt === Math.min(entry.keptFirstSeenAt, entry.contact.firstSeenAt) ? entry.keptFirstSeenAt : keep.firstSeenAt,
        // A post seen since the merge moved lastSeenAt past both: that one stays.
        lastSeenAt: mergedTimes ? entry.keptLastSeenAt : keep.lastSeenAt,
        searchWords: wordsOf(keep, merged),
        ...(merged.length ? { merged } : {}),
      }),
    );
    await refreshSummaries(db, [keepId, mergeId]);
  });
}

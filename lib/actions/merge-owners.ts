import { browser } from 'wxt/browser';
import { z } from 'zod';
import { mergedOwnersOf, setMergedOwners, type FrontlineDB } from '../db';

/**
 * Who each merged-away account belongs to now (merged contact id → kept contact id), kept in
 * extension storage beside the log: the merge itself lives in the kept contact's record, but
 * contacts have no index on it, and the background must know it for every new post without
 * scanning every contact. Written by the actions that change merges (merge, undo, import,
 * delete all); read by the background before it records posts (lib/background/store.ts).
 */
export const MERGED_OWNERS_KEY = 'mergedOwners';

const OwnersSchema = z.record(z.string().max(400), z.string().max(400));

export async function storedMergedOwners(): Promise<Record<string, string>> {
  const parsed = OwnersSchema.safeParse((await browser.storage.local.get(MERGED_OWNERS_KEY))[MERGED_OWNERS_KEY]);
  return parsed.success ? parsed.data : {};
}

async function store(db: FrontlineDB, owners: Record<string, string>): Promise<void> {
  await browser.storage.local.set({ [MERGED_OWNERS_KEY]: owners });
  // This context's own writes see it at once; others hear it through storage.onChanged.
  setMergedOwners(db, owners);
}

export async function rememberMerge(db: FrontlineDB, keepId: string, mergeId: string): Promise<void> {
  await store(db, { ...(await storedMergedOwners()), [mergeId]: keepId });
}

export async function forgetMerge(db: FrontlineDB, mergeId: string): Promise<void> {
  const { [mergeId]: _gone, ...rest } = await storedMergedOwners();
  await store(db, rest);
}

/** After an import or a delete: the owners the log's contacts now hold (one pass over contacts). */
export async function rebuildMergedOwners(db: FrontlineDB): Promise<void> {
  const holders = await db.contacts.filter((c) => (c.merged?.length ?? 0) > 0).toArray();
  await store(db, mergedOwnersOf(holders));
}

/** After an import, which knows the owners it left (importJSON's `mergedOwners`): no pass over contacts. */
export async function keepMergedOwners(db: FrontlineDB, owners: Record<string, string>): Promise<void> {
  await store(db, owners);
}

/** Loads the stored owners into `db` and keeps them current while this context lives. */
export async function followMergedOwners(db: FrontlineDB): Promise<void> {
  try {
    setMergedOwners(db, await storedMergedOwners());
  } catch (error) {
    // Unreadable storage costs only this: a merged account's new post lists apart, as before.
    console.warn('Frontline: merged accounts could not be read', error);
  }
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(MERGED_OWNERS_KEY in changes)) return;
    const parsed = OwnersSchema.safeParse(changes[MERGED_OWNERS_KEY]!.newValue ?? {});
    setMergedOwners(db, parsed.success ? parsed.data : {});
  });
}

import type { Contact, MergedContact } from './records';

/**
 * A contact's search words plus those of the people merged into it, so a search finds the person
 * by either name or handle. Pure: log.ts keeps them when a post rewrites the contact, merge.ts
 * when it merges or undoes.
 */
export function withMergedWords(own: readonly string[], merged: readonly MergedContact[] | undefined): string[] {
  const words = [...own];
  for (const m of merged ?? []) for (const w of m.contact.searchWords) if (!words.includes(w)) words.push(w);
  return words;
}

/** The merge that brought this interaction to `owner`, if one did: its account wrote the post. */
export function mergeOf(owner: Pick<Contact, 'merged'> | undefined, interactionId: string): MergedContact | undefined {
  return owner?.merged?.find((m) => m.interactionIds.includes(interactionId));
}

/**
 * Whether a post by `postContactId` may act on this interaction, held by `owner`: its own, or
 * one that moved to `owner` when that account was merged into it. Anything else is a link
 * naming another person's interaction, refused as before.
 */
export function postMayAct(owner: Pick<Contact, 'id' | 'merged'> | undefined, postContactId: string, interactionId: string): boolean {
  return owner?.id === postContactId || mergeOf(owner, interactionId)?.contact.id === postContactId;
}

/**
 * Which contact each merged-away account belongs to now (merged id → kept id), per database, as
 * the caller last learned it (lib/actions keeps it in extension storage: contacts have no index
 * on their merges, and a scan of every contact per new post would be far too slow). Read by
 * log.ts when a post's account has no contact of its own: a new post from a merged account joins
 * the person it was merged into instead of starting a separate contact again. A stale entry is
 * harmless: log.ts checks the kept contact still lists the merge.
 */
const owners = new WeakMap<object, ReadonlyMap<string, string>>();

export function setMergedOwners(db: object, byMergedId: Readonly<Record<string, string>>): void {
  owners.set(db, new Map(Object.entries(byMergedId)));
}

export function mergedOwnerOf(db: object, contactId: string): string | undefined {
  return owners.get(db)?.get(contactId);
}

/** The owners a set of contacts implies (after an import, say): every merge each one holds. */
export function mergedOwnersOf(contacts: ReadonlyArray<Pick<Contact, 'id' | 'merged'>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of contacts) for (const m of c.merged ?? []) out[m.contact.id] = c.id;
  return out;
}

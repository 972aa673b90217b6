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

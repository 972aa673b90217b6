import type { MergedContact } from './records';

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

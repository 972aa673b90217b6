/**
 * The one FNV-1a (32-bit, over UTF-16 code units): the detector's token hashes, the search
 * directory's shards and the ids of posts a site gives no id for all use it.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** One step, for callers that hash in place without building a substring (the tokeniser). */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** The hash as a signed 32-bit number (`>>> 0` for the unsigned value). */
export function hashString(s: string, seed: number = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** The hash as a short id: unsigned, base 36 (post ids derived from text). */
export function hashId(s: string): string {
  return (hashString(s) >>> 0).toString(36);
}

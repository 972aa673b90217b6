/** FNV-1a is the model's (lib/model/hash.ts), shared with the store's shards and derived post ids. */
export { FNV_OFFSET, fnvStep, hashString } from '../model/hash';

/** Order-dependent combination of two token hashes (word bigrams, trigrams). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return h ^ (h >>> 15);
}

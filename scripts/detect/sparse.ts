/** Training-side feature vectors, built from the same extract() the runtime uses. */
import { createFeatureSet, DENSE_SIZE, extract, viewScale } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';

export interface Sparse { idx: Int32Array; val: Float64Array }

const fs = createFeatureSet();

/** Hashed features land in [0, 2^bits), dense lexicon features at 2^bits + k. Duplicates are merged. */
export function toSparse(text: string, bits: number): Sparse {
  extract(normalise(text), fs);
  const mask = (1 << bits) - 1;
  const acc = new Map<number, number>();
  const add = (i: number, v: number) => acc.set(i, (acc.get(i) ?? 0) + v);
  const sw = viewScale(fs.nWord);
  for (let i = 0; i < fs.nWord; i++) add(fs.wordHash[i]! & mask, sw);
  const sc = viewScale(fs.scan.nGrams);
  for (let i = 0; i < fs.scan.nGrams; i++) add(fs.scan.gramHash[i]! & mask, sc);
  for (let k = 0; k < DENSE_SIZE; k++) if (fs.dense[k] !== 0) add((1 << bits) + k, fs.dense[k]!);
  const keys = [...acc.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => acc.get(k)!) };
}

export function dimension(bits: number): number {
  return (1 << bits) + DENSE_SIZE;
}

/** Training-side feature vectors, built from the same extract() the runtime uses. */
import { createFeatureSet, DENSE_SIZE, extract, viewScale } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';

export interface Sparse { idx: Int32Array; val: Float64Array }

const fs = createFeatureSet();

/** The word view (with the dense features) and the char view of each vector toSparse made (pipeline.ts's view models). */
const views = new WeakMap<Sparse, [Sparse, Sparse]>();

/** Hashed features land in [0, 2^bits), dense lexicon features at 2^bits + k. Duplicates are merged. */
export function toSparse(text: string, bits: number): Sparse {
  extract(normalise(text), fs);
  const mask = (1 << bits) - 1;
  const all = new Map<number, number>(), word = new Map<number, number>(), char = new Map<number, number>();
  const add = (acc: Map<number, number>, i: number, v: number) => acc.set(i, (acc.get(i) ?? 0) + v);
  const sw = viewScale(fs.nWord);
  for (let i = 0; i < fs.nWord; i++) { add(all, fs.wordHash[i]! & mask, sw); add(word, fs.wordHash[i]! & mask, sw); }
  const sc = viewScale(fs.scan.nGrams);
  for (let i = 0; i < fs.scan.nGrams; i++) { add(all, fs.scan.gramHash[i]! & mask, sc); add(char, fs.scan.gramHash[i]! & mask, sc); }
  for (let k = 0; k < DENSE_SIZE; k++) if (fs.dense[k] !== 0) { add(all, (1 << bits) + k, fs.dense[k]!); add(word, (1 << bits) + k, fs.dense[k]!); }
  const x = sorted(all);
  views.set(x, [sorted(word), sorted(char)]);
  return x;
}

function sorted(acc: Map<number, number>): Sparse {
  const keys = [...acc.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => acc.get(k)!) };
}

/** [word view + dense, char view] of a vector made by toSparse. */
export function viewsOf(x: Sparse): [Sparse, Sparse] {
  const v = views.get(x);
  if (!v) throw new Error('viewsOf: vector not made by toSparse');
  return v;
}

export function dimension(bits: number): number {
  return (1 << bits) + DENSE_SIZE;
}

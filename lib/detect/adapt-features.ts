/**
 * The feature vector the correction layer (adapt.ts) learns on: the detector's own hashed views
 * and dense features, taken from the public feature function (features.ts `extract`) and folded
 * into a smaller table of its own. This file is the one coupling point to the detector's
 * internals: it reads `wordHash`/`nWord`, `scan.gramHash`/`scan.nGrams` and `dense`. If the
 * detector's features change, only this file follows, and stored corrections still apply: the
 * layer is refitted from the corrected posts' words (never stored as weights), so a new model
 * or new features mean a refit, not a migration.
 */
import { createFeatureSet, DENSE_SIZE, extract, viewScale } from './features';
import { normalise } from './normalise';

/** 2^16 hashed buckets: 64 kB of int8 when sent to a content script, few collisions for ≤ 2,000 posts. */
export const ADAPT_BITS = 16;
const MASK = (1 << ADAPT_BITS) - 1;
/** Buckets plus the dense features (lexicon categories, shape), which sit after them. */
export const ADAPT_DIM = (1 << ADAPT_BITS) + DENSE_SIZE;
export const DENSE_START = 1 << ADAPT_BITS;

export interface AdaptFeatures {
  idx: Int32Array;
  val: Float64Array;
}

const buffer = createFeatureSet();

/** Sparse features of a text (duplicates merged), each view scaled as the detector scales it. */
export function adaptFeatures(text: string): AdaptFeatures {
  extract(normalise(typeof text === 'string' ? text : ''), buffer);
  const acc = new Map<number, number>();
  const add = (i: number, v: number) => acc.set(i, (acc.get(i) ?? 0) + v);
  const sw = viewScale(buffer.nWord);
  for (let i = 0; i < buffer.nWord; i++) add(buffer.wordHash[i]! & MASK, sw);
  const sc = viewScale(buffer.scan.nGrams);
  for (let i = 0; i < buffer.scan.nGrams; i++) add(buffer.scan.gramHash[i]! & MASK, sc);
  for (let k = 0; k < DENSE_SIZE; k++) if (buffer.dense[k] !== 0) add(MASK + 1 + k, buffer.dense[k]!);
  const keys = [...acc.keys()];
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => acc.get(k)!) };
}

export function dot(w: Float32Array, x: AdaptFeatures): number {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) s += w[x.idx[i]!]! * x.val[i]!;
  return s;
}

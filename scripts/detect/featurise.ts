/** Both data sets as training examples, featurised once per hash size. */
import { load, type Row } from './data';
import { toSparse, type Sparse } from './sparse';

export interface Corpus { tweets: Row[]; finance: Row[] }

export function loadCorpus(): Corpus {
  return { tweets: load('complaints-tweets.jsonl'), finance: load('complaints-finance-severity.jsonl') };
}

export function featurise(rows: Row[], bits: number): Sparse[] {
  return rows.map((r) => toSparse(r.text, bits));
}

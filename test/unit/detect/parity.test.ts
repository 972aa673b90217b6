import { describe, expect, it } from 'vitest';
import { createFeatureSet, DENSE_SIZE, extract, viewScale } from '../../../lib/detect/features';
import { logit, model, type Linear } from '../../../lib/detect/model';
import { normalise } from '../../../lib/detect/normalise';
import { toSparse } from '../../../scripts/detect/sparse';

const TEXTS = [
  '@AcmeSupport my order still has not arrived after 9 days, this is unacceptable 😡',
  'Thanks, love the new update! https://t.co/abc',
  'I want a re\u200Bfund, you ch\u0430rged me twice!!!',
  'How do I close my account? Don’t make me wait again.',
  '',
];

/** The runtime's view of the features, built from its own buffers (not through toSparse). */
function runtimeVector(text: string, bits: number): Map<number, number> {
  const f = createFeatureSet();
  extract(normalise(text), f);
  const mask = (1 << bits) - 1;
  const v = new Map<number, number>();
  const add = (i: number, x: number) => v.set(i, (v.get(i) ?? 0) + x);
  for (let i = 0; i < f.nWord; i++) add(f.wordHash[i]! & mask, viewScale(f.nWord));
  for (let i = 0; i < f.scan.nGrams; i++) add(f.scan.gramHash[i]! & mask, viewScale(f.scan.nGrams));
  for (let k = 0; k < DENSE_SIZE; k++) if (f.dense[k]) add((1 << bits) + k, f.dense[k]!);
  return v;
}

function trainSideLogit(m: Linear, text: string, bits: number): number {
  const x = toSparse(text, bits);
  let z = m.bias;
  x.idx.forEach((i, j) => {
    const w = i < 1 << bits ? m.q[i]! * m.scale : m.dense[i - (1 << bits)]!;
    z += w * x.val[j]!;
  });
  return z;
}

describe('train/runtime feature parity', () => {
  it('builds the same feature vector on both sides', () => {
    for (const text of TEXTS) {
      const train = toSparse(text, 17);
      const runtime = runtimeVector(text, 17);
      expect(train.idx.length).toBe(runtime.size);
      train.idx.forEach((i, j) => expect(runtime.get(i), `${text} #${i}`).toBeCloseTo(train.val[j]!, 12));
    }
  });

  it('scores the same with the shipped weights as the training-side dot product', () => {
    const m = model();
    const f = createFeatureSet();
    for (const text of TEXTS) {
      extract(normalise(text), f);
      expect(logit(m.complaint, f)).toBeCloseTo(trainSideLogit(m.complaint, text, 17), 9);
      m.severity.forEach((s) => expect(logit(s, f)).toBeCloseTo(trainSideLogit(s, text, Math.log2(s.mask + 1)), 9));
    }
  });
});

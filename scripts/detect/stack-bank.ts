/**
 * Round 12: the social (tweet) severity head stacked on the banking head. Pooling the banking posts
 * into the tweets' training lowered tweet severity (rounds 3 and 10): the two data sets use the
 * levels differently. Here the banking head's four level logits are *inputs* of a small second
 * stage beside the tweet head's own four, so the tweets decide how far to trust each banking level
 * (research/detect/tune-severity4.ts). Stage 1 is out-of-fold on the training tweets (inner 4-fold);
 * stage 2 is a class-balanced softmax over the 8 logits, its per-level offsets tuned on inner folds
 * of the training tweets only. Both stage-1 heads are linear in the post's features, so stage 2
 * folds back into one linear table per level: the shipped social head keeps its shape and cost.
 */
import { MENTION_SLOT } from '../../lib/detect/features';
import { stratifiedFolds } from './folds';
import { dotSparse, trainMulti, type Multi } from './logreg';
import { fitSeverityRaw, LEVELS, SEED, SEVERITY_BITS, tuneOffsets } from './pipeline';
import { dimension, type Sparse } from './sparse';

const INNER = 4;
export const STACK_L2 = Number(process.env.STACK_L2 ?? 1e-2);

const logits = (m: Multi, x: Sparse) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);
const dense = (v: number[]): Sparse => ({ idx: Int32Array.from(v.map((_, j) => j)), val: Float64Array.from(v) });

function fitStage2(rows: number[][], levels: number[]): Multi {
  const counts = LEVELS.map((l) => Math.max(1, levels.filter((v) => v === l).length));
  const ws = levels.map((l) => levels.length / (LEVELS.length * counts[LEVELS.indexOf(l)]!));
  return trainMulti(rows.map(dense), levels.map((l) => LEVELS.indexOf(l)), LEVELS.length, rows[0]!.length, { l2: STACK_L2, weights: ws, maxIter: 200 });
}
const stage2Logits = (m: Multi, v: number[]) => m.w.map((w, c) => v.reduce((a, x, j) => a + w[j]! * x, m.bias[c]!));

/**
 * The stacked social head for `xs` (tweets) and their levels, given the fitted banking head.
 * `l2` is the social head's own penalty (SOCIAL_L2).
 */
export function fitStackedSocial(xs: Sparse[], levels: number[], bank: Multi, l2: number): Multi {
  const dim = dimension(SEVERITY_BITS);
  const folds = stratifiedFolds(levels, INNER, SEED + 1);
  const own = new Array<number[]>(xs.length);
  for (let f = 0; f < INNER; f++) {
    const train = xs.map((_, i) => i).filter((i) => folds[i] !== f);
    const m = fitSeverityRaw(train.map((i) => xs[i]!), train.map((i) => levels[i]!), dim, 1 << SEVERITY_BITS, l2);
    xs.forEach((x, i) => { if (folds[i] === f) own[i] = logits(m, x); });
  }
  const rows = xs.map((x, i) => [...own[i]!, ...logits(bank, x)]);
  // Offsets: stage 2 refitted inside the same inner folds, scored on the tweets it did not see.
  const z = new Array<number[]>(xs.length);
  for (let f = 0; f < INNER; f++) {
    const m = fitStage2(rows.filter((_, i) => folds[i] !== f), levels.filter((_, i) => folds[i] !== f));
    rows.forEach((v, i) => { if (folds[i] === f) z[i] = stage2Logits(m, v); });
  }
  const off = tuneOffsets(z, levels);
  const top = fitStage2(rows, levels);
  const social = fitSeverityRaw(xs, levels, dim, 1 << SEVERITY_BITS, l2);
  return foldStage2(top, off, social, bank, dim);
}

/** w_k = sum_j A_kj social_j + B_kj bank_j (+ biases and offsets): one linear table per level. */
function foldStage2(top: Multi, off: number[], social: Multi, bank: Multi, dim: number): Multi {
  const n = LEVELS.length;
  const out: Multi = { w: [], bias: [] };
  for (let k = 0; k < n; k++) {
    const w = new Float64Array(dim);
    let bias = top.bias[k]! + off[k]!;
    for (let j = 0; j < n; j++) {
      const a = top.w[k]![j]!, b = top.w[k]![n + j]!;
      const ws = social.w[j]!, wb = bank.w[j]!;
      for (let i = 0; i < dim; i++) w[i] = w[i]! + a * ws[i]! + b * wb[i]!;
      bias += a * social.bias[j]! + b * bank.bias[j]!;
    }
    // The @mention count is the banking head's alone (levelOf adds it to the banking logits only).
    w[(1 << SEVERITY_BITS) + MENTION_SLOT] = 0;
    out.w.push(w);
    out.bias.push(bias);
  }
  return out;
}

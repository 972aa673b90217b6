/**
 * Emotion as an auxiliary signal for severity (issue 20, round 5), at no run-time cost.
 * An "angry" model (emotion anger or disgust, the data's annotation) is fitted on every post of
 * both data sets whose labels the severity training may see — all non-complaints and the training
 * complaints — so it learns from ~6,900 posts where a severity head sees ~1,000. Each severity
 * head then gets its logit as one more input (out-of-fold on the head's own training posts, so the
 * head learns how far to trust it on unseen text), and since a linear input of a linear model folds
 * into it, w_level += beta_level * w_angry: the shipped heads keep their shape and cost.
 */
import { loadCorpus } from './featurise';
import { stratifiedFolds } from './folds';
import { dotSparse, trainBinary, type Binary, type Multi } from './logreg';
import { SEED, SEVERITY_BITS } from './pipeline';
import { dimension, toSparse, type Sparse } from './sparse';

const ANGRY = new Set(['anger', 'disgust']);
/** Scale of the angry logit as a feature (so the heads' L2 penalty treats beta like other weights). */
export const AUX_SCALE = Number(process.env.AUX_SCALE ?? 0.5);
const AUX_L2 = 1e-4;
const INNER = 3;

interface AuxRow { text: string; x: Sparse; angry: number; complaint: boolean }
let pool: AuxRow[] | null = null;

function auxPool(): AuxRow[] {
  if (pool) return pool;
  const { tweets, finance } = loadCorpus();
  pool = [...tweets, ...finance].filter((r) => r.emotion !== undefined && r.emotion !== null)
    .map((r) => ({ text: r.text, x: toSparse(r.text, SEVERITY_BITS), angry: ANGRY.has(r.emotion!) ? 1 : 0, complaint: r.complaint === 1 }));
  return pool;
}

function fitAngry(rows: AuxRow[]): Binary {
  const pos = rows.filter((r) => r.angry === 1).length;
  const ws = rows.map((r) => (r.angry === 1 ? rows.length / (2 * pos) : rows.length / (2 * (rows.length - pos))));
  return trainBinary(rows.map((r) => r.x), rows.map((r) => r.angry), dimension(SEVERITY_BITS), { l2: AUX_L2, weights: ws, maxIter: 100 });
}

export interface AuxModels {
  /** Fitted on all allowed posts: folded into the shipped heads. */
  full: Binary;
  /** Out-of-fold angry logit of each training complaint (by text), the feature the heads train on. */
  oof: Map<string, number>;
}

/** `allowed`: texts of the complaints the severity training may see (the rest of the complaints stay out). */
export function fitAux(allowed: Set<string>): AuxModels {
  const rows = auxPool().filter((r) => !r.complaint || allowed.has(r.text));
  const train = rows.filter((r) => r.complaint);
  const folds = stratifiedFolds(train.map((r) => r.angry), INNER, SEED + 7);
  const oof = new Map<string, number>();
  for (let f = 0; f < INNER; f++) {
    const held = new Set(train.filter((_, i) => folds[i] === f).map((r) => r.text));
    const m = fitAngry(rows.filter((r) => !held.has(r.text)));
    train.forEach((r, i) => { if (folds[i] === f) oof.set(r.text, dotSparse(m.w, r.x) + m.bias); });
  }
  return { full: fitAngry(rows), oof };
}

/** x with the scaled angry logit appended at index `dim` (past every other feature). */
export function withAux(x: Sparse, z: number, dim: number): Sparse {
  const idx = new Int32Array(x.idx.length + 1), val = new Float64Array(x.val.length + 1);
  idx.set(x.idx); val.set(x.val);
  idx[x.idx.length] = dim; val[x.val.length] = AUX_SCALE * z;
  return { idx, val };
}

/** Folds beta * (scaled angry logit) into each level's weights; drops the extra input. */
export function foldAux(m: Multi, aux: Binary, dim: number): Multi {
  return {
    w: m.w.map((w) => {
      const beta = AUX_SCALE * w[dim]!;
      const out = w.slice(0, dim);
      for (let i = 0; i < dim; i++) out[i] = out[i]! + beta * aux.w[i]!;
      return out;
    }),
    bias: m.bias.map((b, c) => b + AUX_SCALE * m.w[c]![dim]! * aux.bias),
  };
}

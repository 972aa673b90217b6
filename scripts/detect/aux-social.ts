/**
 * Emotion and sentiment as auxiliary inputs of the social (tweet) severity head (issue 20, round 8),
 * at no run-time cost. Round 5 (aux-emotion.ts) fitted one "angry" model on tweets and banking posts
 * together and fed it to both heads: worse on both. But the two data sets were annotated differently
 * (FINCORP's level-4 posts are mostly "sadness", the tweets' level-1 ones are), so here the
 * auxiliary models learn from the tweets only: every tweet the fold may see, complaints or not
 * (~2,600 posts where the social head sees ~880), one binary model per target. Their logits are
 * inputs of the social head (out-of-fold on its own training posts, so it learns how far to trust
 * them on unseen text), and since a logit of a linear model is linear in the features, each folds
 * into the head's weights: w_level += beta_level,t * w_t. The shipped head keeps its shape and cost.
 * The labels are never read at run time; only what these models predict from the words is.
 */
import { loadCorpus } from './featurise';
import { stratifiedFolds } from './folds';
import { dotSparse, trainBinary, type Binary, type Multi } from './logreg';
import { SEED, SEVERITY_BITS } from './pipeline';
import { dimension, toSparse, type Sparse } from './sparse';
import type { Row } from './data';

/** Auxiliary targets read from a tweet's annotation (AUX_TARGETS picks a subset, for the benches). */
const TARGETS: Record<string, (r: Row) => number> = {
  anger: (r) => (r.emotion === 'anger' || r.emotion === 'disgust' ? 1 : 0),
  sadness: (r) => (r.emotion === 'sadness' || r.emotion === 'fear' ? 1 : 0),
  negative: (r) => (r.sentiment === 'negative' ? 1 : 0),
  positive: (r) => (r.sentiment === 'positive' ? 1 : 0),
  // Cumulative "level >= k" models (complaints only): each pools every level above a cut, so it
  // sees more positives than the one-vs-rest model of a single level.
  ge2: (r) => ((r.severity ?? 0) >= 2 ? 1 : 0),
  ge3: (r) => ((r.severity ?? 0) >= 3 ? 1 : 0),
  ge4: (r) => ((r.severity ?? 0) >= 4 ? 1 : 0),
};
/** Targets learned from rated complaints only (the others from every tweet). */
const COMPLAINTS_ONLY = new Set(['ge2', 'ge3', 'ge4']);
export const AUX_TARGETS = (process.env.AUX_TARGETS ?? 'anger,sadness,negative').split(',').filter((t) => t in TARGETS);
/** Scale of each logit as an input (so the head's L2 penalty treats beta like other weights). */
const AUX_SCALE = Number(process.env.AUX_SCALE ?? 0.5);
const AUX_L2 = Number(process.env.AUX_L2 ?? 1e-4);
const INNER = 3;

interface AuxRow { text: string; x: Sparse; y: number[]; complaint: boolean }
let pool: AuxRow[] | null = null;

function auxPool(): AuxRow[] {
  if (pool) return pool;
  pool = loadCorpus().tweets.filter((r) => typeof r.emotion === 'string' && typeof r.sentiment === 'string'
    && (r.complaint === 0 || [1, 2, 3, 4].includes(r.severity ?? 0)))
    .map((r) => ({ text: r.text, x: toSparse(r.text, SEVERITY_BITS), y: AUX_TARGETS.map((t) => TARGETS[t]!(r)), complaint: r.complaint === 1 }));
  return pool;
}

function fitTarget(all: AuxRow[], t: number): Binary {
  const rows = COMPLAINTS_ONLY.has(AUX_TARGETS[t]!) ? all.filter((r) => r.complaint) : all;
  const ys = rows.map((r) => r.y[t]!);
  const pos = Math.max(1, ys.reduce((a, b) => a + b, 0));
  const ws = ys.map((y) => (y === 1 ? rows.length / (2 * pos) : rows.length / (2 * Math.max(1, rows.length - pos))));
  return trainBinary(rows.map((r) => r.x), ys, dimension(SEVERITY_BITS), { l2: AUX_L2, weights: ws, maxIter: 100 });
}

export interface SocialAux {
  /** One model per target, fitted on all allowed tweets: folded into the shipped head. */
  full: Binary[];
  /** Out-of-fold logits of each training complaint (by text), the inputs the head trains on. */
  oof: Map<string, number[]>;
}

/** `allowed`: texts of the complaints the severity training may see (the fold's test complaints stay out). */
export function fitSocialAux(allowed: Set<string>): SocialAux {
  const rows = auxPool().filter((r) => !r.complaint || allowed.has(r.text));
  const train = rows.filter((r) => r.complaint);
  const folds = stratifiedFolds(train.map((r) => r.y[0]!), INNER, SEED + 11);
  const oof = new Map<string, number[]>();
  for (let f = 0; f < INNER; f++) {
    const held = new Set(train.filter((_, i) => folds[i] === f).map((r) => r.text));
    const rest = rows.filter((r) => !held.has(r.text));
    const ms = AUX_TARGETS.map((_, t) => fitTarget(rest, t));
    train.forEach((r, i) => { if (folds[i] === f) oof.set(r.text, ms.map((m) => dotSparse(m.w, r.x) + m.bias)); });
  }
  return { full: AUX_TARGETS.map((_, t) => fitTarget(rows, t)), oof };
}

/** The auxiliary logits of a post: out-of-fold when it was in the auxiliary training, else the full models'. */
export function auxLogits(aux: SocialAux, x: Sparse, text: string): number[] {
  return aux.oof.get(text) ?? aux.full.map((m) => dotSparse(m.w, x) + m.bias);
}

/** x with the scaled auxiliary logits appended at indices dim, dim+1, … (past every other feature). */
export function withAuxInputs(x: Sparse, z: number[], dim: number): Sparse {
  const n = x.idx.length;
  const idx = new Int32Array(n + z.length), val = new Float64Array(n + z.length);
  idx.set(x.idx); val.set(x.val);
  z.forEach((v, t) => { idx[n + t] = dim + t; val[n + t] = AUX_SCALE * v; });
  return { idx, val };
}

/** Folds sum_t beta_t * (scaled logit t) into each level's weights; drops the extra inputs. */
export function foldAuxInputs(m: Multi, aux: Binary[], dim: number): Multi {
  return {
    w: m.w.map((w) => {
      const out = w.slice(0, dim);
      aux.forEach((a, t) => {
        const beta = AUX_SCALE * w[dim + t]!;
        for (let i = 0; i < dim; i++) out[i] = out[i]! + beta * a.w[i]!;
      });
      return out;
    }),
    bias: m.bias.map((b, c) => b + aux.reduce((s, a, t) => s + AUX_SCALE * m.w[c]![dim + t]! * a.bias, 0)),
  };
}

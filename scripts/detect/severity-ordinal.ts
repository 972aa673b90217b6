/**
 * Ordinal severity (issue 20, round 7; SEV=ordinal, the default since round 7). Three binary models
 * "level > k" (k = 1, 2, 3), each trained on tweets and banking posts together with feature copies
 * (Daume III 2007: a shared copy of every feature plus one for the post's data set, and a bias per
 * data set), so the two data sets share what they agree on without pooling blindly. The shipped
 * tables are shared + social and shared + banking, blended at run time by the domain gate as before.
 * The escalation cues (lib/detect/escalation.ts) are shared inputs whose weights are kept
 * non-negative, and the decoder (severity.ts decodeOrdinal) takes a running minimum over k, so
 * P(level > k) never rises with k and an escalation cue can only raise the level.
 * Per-data-set threshold offsets are chosen on inner 4-fold out-of-fold logits (training posts only).
 */
import { createFeatureSet, extract } from '../../lib/detect/features';
import { escalationCues, ESCALATION_SIZE } from '../../lib/detect/escalation';
import { normalise } from '../../lib/detect/normalise';
import { decodeOrdinal } from '../../lib/detect/severity';
import { stratifiedFolds } from './folds';
import { dotSparse, nbRatios, trainBinary, type Binary } from './logreg';
import { macroF1, withinOne } from './metrics';
import { LEVELS, SEED, SEVERITY_BITS, SEVERITY_L2 } from './pipeline';
import { dimension, type Sparse } from './sparse';

export const THRESHOLDS = LEVELS.length - 1;

export interface OrdinalExample { x: Sparse; level: number; text: string; domain: 0 | 1 }
/** Per threshold k: the social and banking tables (shared copy folded in) and their escalation weights. */
export interface OrdinalHeads { social: Binary[]; bank: Binary[]; escalation: { social: number[][]; bank: number[][] } }

const fs = createFeatureSet();
const cueBuf = new Float64Array(ESCALATION_SIZE);

export function escalationOf(text: string): number[] {
  const norm = normalise(text);
  extract(norm, fs);
  return Array.from(escalationCues(norm, fs.lexiconBits, cueBuf));
}

/** Layout: [shared D | social copy D | banking copy D | escalation E | social bias | banking bias]. */
function expand(e: OrdinalExample, esc: number[], D: number): Sparse {
  const n = e.x.idx.length;
  const idx: number[] = [], val: number[] = [];
  for (let j = 0; j < n; j++) { idx.push(e.x.idx[j]!); val.push(e.x.val[j]!); }
  for (let j = 0; j < n; j++) { idx.push(e.x.idx[j]! + D * (1 + e.domain)); val.push(e.x.val[j]!); }
  esc.forEach((v, j) => { if (v !== 0) { idx.push(3 * D + j); val.push(v); } });
  idx.push(3 * D + ESCALATION_SIZE + e.domain); val.push(1);
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/**
 * SHARED=1: one weight vector for all thresholds (proportional odds), a bias per threshold;
 * SHARED=social: the social tables from that fit, the banking ones from separate thresholds.
 */
const SHARED = process.env.SHARED ?? '0';

/** Unconstrained fit of the three "level > k" models on the expanded layout. */
function fitRaw(ex: OrdinalExample[], esc: number[][], D: number, shared: boolean): Binary[] {
  const hashed = 1 << SEVERITY_BITS;
  const dim = 3 * D + ESCALATION_SIZE + 2;
  const xs = ex.map((e, i) => expand(e, esc[i]!, D));
  if (shared) return fitShared(ex, xs, D, dim, hashed);
  const out: Binary[] = [];
  for (let k = 1; k <= THRESHOLDS; k++) {
    const y = ex.map((e) => (e.level > k ? 1 : 0));
    // Each data set weighs half, and within it the two sides of the threshold weigh alike.
    const count = [[0, 0], [0, 0]];
    ex.forEach((e, i) => { count[e.domain]![y[i]!]!++; });
    const ws = ex.map((e, i) => ex.length / (2 * 2 * Math.max(1, count[e.domain]![y[i]!]!)));
    const r = nbRatios(ex.map((e) => e.x), y, D, hashed);
    const scale = new Float64Array(dim).fill(1);
    for (let c = 0; c < 3; c++) scale.set(r, c * D);
    const m = trainBinary(xs, y, dim, { l2: SEVERITY_L2, weights: ws, scale });
    // Monotone in the escalation cues: a cue whose weight came out negative counts for nothing.
    for (let j = 0; j < ESCALATION_SIZE; j++) if (m.w[3 * D + j]! < 0) m.w[3 * D + j] = 0;
    out.push(m);
  }
  return out;
}

function fitShared(ex: OrdinalExample[], xs: Sparse[], D: number, dim: number, hashed: number): Binary[] {
  // Stacked data: each post once per threshold, with a one-hot threshold feature after the layout.
  const sx: Sparse[] = [], sy: number[] = [], sw: number[] = [];
  for (let k = 1; k <= THRESHOLDS; k++) {
    const count = [[0, 0], [0, 0]];
    ex.forEach((e) => { count[e.domain]![e.level > k ? 1 : 0]!++; });
    ex.forEach((e, i) => {
      const y = e.level > k ? 1 : 0;
      sx.push({ idx: Int32Array.from([...xs[i]!.idx, dim + k - 1]), val: Float64Array.from([...xs[i]!.val, 1]) });
      sy.push(y);
      sw.push(ex.length / (2 * 2 * Math.max(1, count[e.domain]![y]!)));
    });
  }
  // NB ratios of "level > 2", the middle cut, for every threshold.
  const r = nbRatios(ex.map((e) => e.x), ex.map((e) => (e.level > 2 ? 1 : 0)), D, hashed);
  const scale = new Float64Array(dim + THRESHOLDS).fill(1);
  for (let c = 0; c < 3; c++) scale.set(r, c * D);
  const m = trainBinary(sx, sy, dim + THRESHOLDS, { l2: SEVERITY_L2, weights: sw, scale });
  for (let j = 0; j < ESCALATION_SIZE; j++) if (m.w[3 * D + j]! < 0) m.w[3 * D + j] = 0;
  const w = m.w.slice(0, dim);
  return Array.from({ length: THRESHOLDS }, (_, k) => ({ w, bias: m.bias + m.w[dim + k]! }));
}

/** Fits per the SHARED switch and folds: the social tables from `forSocial`, the banking ones from `forBank`. */
function fitHeads(ex: OrdinalExample[], esc: number[][], D: number, offsets: number[][]): OrdinalHeads {
  const forSocial = fitRaw(ex, esc, D, SHARED !== '0');
  const forBank = SHARED === 'social' ? fitRaw(ex, esc, D, false) : forSocial;
  const a = fold(forSocial, D, offsets), b = fold(forBank, D, offsets);
  return { social: a.social, bank: b.bank, escalation: { social: a.escalation.social, bank: b.escalation.bank } };
}

/** Shared copy folded into each data set's table; offsets (per data set, per k) added to the biases. */
function fold(raw: Binary[], D: number, offsets: number[][]): OrdinalHeads {
  const table = (m: Binary, d: 0 | 1, k: number): Binary => ({
    w: m.w.slice(0, D).map((v, i) => v + m.w[D * (1 + d) + i]!),
    bias: m.bias + m.w[3 * D + ESCALATION_SIZE + d]! + offsets[d]![k]!,
  });
  return {
    social: raw.map((m, k) => table(m, 0, k)),
    bank: raw.map((m, k) => table(m, 1, k)),
    escalation: {
      social: raw.map((m) => Array.from(m.w.slice(3 * D, 3 * D + ESCALATION_SIZE))),
      bank: raw.map((m) => Array.from(m.w.slice(3 * D, 3 * D + ESCALATION_SIZE))),
    },
  };
}

export function ordinalLogits(h: OrdinalHeads, x: Sparse, esc: number[], domain: 0 | 1): number[] {
  const t = domain === 0 ? h.social : h.bank;
  const e = domain === 0 ? h.escalation.social : h.escalation.bank;
  return t.map((m, k) => dotSparse(m.w, x) + m.bias + e[k]!.reduce((s, w, j) => s + w * esc[j]!, 0));
}

/** Offsets for one data set maximising macro-F1 + within-one of the monotone decoding. */
function tuneOffsets(z: number[][], levels: number[]): number[] {
  const off = new Array<number>(THRESHOLDS).fill(0);
  const score = () => {
    const p = z.map((v) => decodeOrdinal(v.map((s, k) => s + off[k]!), null, 0, 0));
    return macroF1(levels, p, LEVELS) + withinOne(levels, p);
  };
  let best = score();
  for (let pass = 0; pass < 3; pass++) {
    for (let k = 0; k < THRESHOLDS; k++) {
      let arg = off[k]!;
      for (let v = -3; v <= 3.001; v += 0.1) {
        off[k] = v;
        const s = score();
        if (s > best + 1e-9) { best = s; arg = v; }
      }
      off[k] = Math.round(arg * 10) / 10;
    }
  }
  return off;
}

export function fitOrdinal(ex: OrdinalExample[], innerK = 4): OrdinalHeads {
  const D = dimension(SEVERITY_BITS);
  const esc = ex.map((e) => escalationOf(e.text));
  const folds = stratifiedFolds(ex.map((e) => e.domain * 10 + e.level), innerK, SEED + 1);
  const z = new Array<number[]>(ex.length);
  const zero = [[0, 0, 0], [0, 0, 0]];
  for (let f = 0; f < innerK; f++) {
    const train = ex.map((_, i) => i).filter((i) => folds[i] !== f);
    const h = fitHeads(train.map((i) => ex[i]!), train.map((i) => esc[i]!), D, zero);
    ex.forEach((e, i) => { if (folds[i] === f) z[i] = ordinalLogits(h, e.x, esc[i]!, e.domain); });
  }
  const offsets = ([0, 1] as const).map((d) => {
    const idx = ex.map((e, i) => (e.domain === d ? i : -1)).filter((i) => i >= 0);
    return tuneOffsets(idx.map((i) => z[i]!), idx.map((i) => ex[i]!.level));
  });
  return fitHeads(ex, esc, D, offsets);
}

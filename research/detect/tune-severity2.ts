/**
 * Severity decoding bench (nested CV on the 5-fold split, seed 99; never the eval split).
 * Per outer fold: inner 4-fold out-of-fold logits of (a) one-vs-rest NB-LR per level (the shipped
 * model) and (b) cumulative "level > t" NB-LR (all-threshold ordinal), then decoders tuned on
 * those inner scores only:
 *   ovr      argmax of one-vs-rest logits + per-level offsets (shipped);
 *   ord      argmax of ordinal class log-probabilities + offsets;
 *   mix λ    one-vs-rest logits + λ · ordinal log-probabilities + offsets (λ tuned);
 *   ev       expected level under the ordinal model, cut-points tuned.
 * Knobs: L2, BITS, FEAT (extra dense features), WO (weight of within-one in the tuning objective).
 */
import { featureFlags } from '../../lib/detect/features';
import { featurise, loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, nbRatios, trainBinary, sigmoid } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS } from '../../scripts/detect/pipeline';
import { dimension, type Sparse } from '../../scripts/detect/sparse';
import { extra } from './extra-features';

featureFlags.handles = process.env.HANDLES !== '0';
featureFlags.trigrams = process.env.TRIGRAMS === '1';
const L2 = Number(process.env.L2 ?? 3e-5);
const OL2 = Number(process.env.OL2 ?? L2);
const BITS = Number(process.env.BITS ?? 14);
const WO = Number(process.env.WO ?? 1);
const ONB = process.env.ONB !== '0';
const FEATS = { feats: new Set((process.env.FEAT ?? '').split(',').filter(Boolean)), cap: 3 };
const { finance } = loadCorpus();
const sev = finance.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
const ys = sev.map((r) => r.severity!);
const nExtra = extra('', FEATS).length;
const DIM = dimension(BITS) + nExtra;
const xs: Sparse[] = featurise(sev, BITS).map((x, i) => {
  if (nExtra === 0) return x;
  const e = extra(sev[i]!.text, FEATS);
  const idx = [...x.idx], val = [...x.val];
  e.forEach((v, j) => { if (v !== 0) { idx.push(dimension(BITS) + j); val.push(v); } });
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
});

function balanced(y: number[]): number[] {
  const pos = y.reduce((a, b) => a + b, 0);
  return y.map((v) => (v === 1 ? y.length / (2 * pos) : y.length / (2 * (y.length - pos))));
}
interface Scores { ovr: number[]; cum: number[] }
function fitAll(idx: number[]) {
  const x = idx.map((i) => xs[i]!), lv = idx.map((i) => ys[i]!);
  const ovr = LEVELS.map((L) => {
    const y = lv.map((l) => (l === L ? 1 : 0));
    return trainBinary(x, y, DIM, { l2: L2, weights: balanced(y), scale: nbRatios(x, y, DIM, 1 << BITS) });
  });
  const cum = [1, 2, 3].map((t) => {
    const y = lv.map((l) => (l > t ? 1 : 0));
    return trainBinary(x, y, DIM, { l2: OL2, weights: balanced(y), scale: ONB ? nbRatios(x, y, DIM, 1 << BITS) : undefined });
  });
  return (i: number): Scores => ({ ovr: ovr.map((m) => dotSparse(m.w, xs[i]!) + m.bias), cum: cum.map((m) => dotSparse(m.w, xs[i]!) + m.bias) });
}
/** Ordinal class log-probabilities from cumulative logits (monotonised). */
function ordLogp(cum: number[]): number[] {
  const p = cum.map(sigmoid);
  for (let t = 1; t < 3; t++) p[t] = Math.min(p[t]!, p[t - 1]!);
  const probs = [1 - p[0]!, p[0]! - p[1]!, p[1]! - p[2]!, p[2]!];
  return probs.map((v) => Math.log(Math.max(v, 1e-4)));
}
type Dec = (s: Scores, off: number[], lam: number) => number;
const argmax = (z: number[], off: number[]) => { let b = -Infinity, k = 0; z.forEach((v, c) => { if (v + off[c]! > b) { b = v + off[c]!; k = c; } }); return LEVELS[k]!; };
const decoders: Record<string, Dec> = {
  ovr: (s, off) => argmax(s.ovr, off),
  ord: (s, off) => argmax(ordLogp(s.cum), off),
  mix: (s, off, lam) => argmax(s.ovr.map((v, c) => v + lam * ordLogp(s.cum)[c]!), off),
  sum: (s, off, lam) => argmax(s.ovr.map((v, c) => v + lam * (c === 0 ? -s.cum[0]! : c === 3 ? s.cum[2]! : 0)), off),
  ev: (s, cut) => { const lp = ordLogp(s.cum); const e = lp.reduce((a, v, c) => a + Math.exp(v) * (c + 1), 0); let l = 1; for (let c = 1; c < 4; c++) if (e >= cut[c]!) l = c + 1; return l; },
};
function tune(name: string, sc: Scores[], y: number[]): { off: number[]; lam: number } {
  const isEv = name === 'ev';
  const lams = name === 'mix' || name === 'sum' ? [0.25, 0.5, 1, 2, 4] : [0];
  let bestAll = -Infinity, out = { off: [0, 0, 0, 0], lam: 0 };
  for (const lam of lams) {
    const off = isEv ? [0, 1.5, 2.5, 3.5] : [0, 0, 0, 0];
    const score = () => { const p = sc.map((s) => decoders[name]!(s, off, lam)); return macroF1(y, p, LEVELS) + WO * withinOne(y, p); };
    let best = score();
    for (let pass = 0; pass < 3; pass++) for (let c = 1; c < 4; c++) {
      let arg = off[c]!;
      for (let v = isEv ? 1 : -3; v <= (isEv ? 4.001 : 3.001); v += isEv ? 0.05 : 0.1) { off[c] = v; const s = score(); if (s > best + 1e-9) { best = s; arg = v; } }
      off[c] = arg;
    }
    if (best > bestAll) { bestAll = best; out = { off: off.slice(), lam }; }
  }
  return out;
}
const K = 5;
const folds = stratifiedFolds(ys, K, 99);
const preds: Record<string, number[]> = Object.fromEntries(Object.keys(decoders).map((k) => [k, new Array<number>(sev.length).fill(0)]));
const chosen: Record<string, string[]> = Object.fromEntries(Object.keys(decoders).map((k) => [k, []]));
for (let f = 0; f < K; f++) {
  const train = sev.map((_, i) => i).filter((i) => folds[i] !== f);
  const inner = stratifiedFolds(train.map((i) => ys[i]!), 4, 7);
  const sc: Scores[] = new Array(train.length);
  for (let g = 0; g < 4; g++) {
    const score = fitAll(train.filter((_, j) => inner[j] !== g));
    train.forEach((i, j) => { if (inner[j] === g) sc[j] = score(i); });
  }
  const score = fitAll(train);
  for (const name of Object.keys(decoders)) {
    const t = tune(name, sc, train.map((i) => ys[i]!));
    chosen[name]!.push(`${t.lam}`);
    sev.forEach((_, i) => { if (folds[i] === f) preds[name]![i] = decoders[name]!(score(i), t.off, t.lam); });
  }
  process.stderr.write(`fold ${f}\n`);
}
console.log(`HANDLES=${featureFlags.handles} TRIGRAMS=${featureFlags.trigrams} L2=${L2} OL2=${OL2} ONB=${ONB} BITS=${BITS} WO=${WO} FEAT=${[...FEATS.feats].join(',')}`);
for (const [name, p] of Object.entries(preds)) {
  console.log(`  ${name.padEnd(4)} mF1 ${(100 * macroF1(ys, p, LEVELS)).toFixed(1)} w1 ${(100 * withinOne(ys, p)).toFixed(1)} acc ${(100 * accuracy(ys, p)).toFixed(1)}  λ ${chosen[name]!.join(',')}`);
}

/**
 * Round 9 tuning bench for the complaint model (issue 20): 5-fold split with seed 99 on the tweets
 * (finance posts always train), never the 10-fold evaluation split (seed 20250321) nor the held-out
 * lists. Features as shipped (@mentions give no feature). Knobs:
 *   L2, FW (finance weight), BITS (hash size), WORDW (weight of the word view against the char view,
 *   a runtime multiplier), NBL2 (L2 of the NB model if different), AUX=1 (tweet sentiment/emotion models
 *   whose logits are averaged in; their labels are read only here, at training time).
 * Prints macro-F1 with each fold's threshold chosen on the other folds' out-of-fold scores (as
 * eval:detector does) for plain/NB mixes and auxiliary weights, from one set of fits.
 */
import { writeFileSync } from 'node:fs';
import { createFeatureSet, DENSE_SIZE, extract, featureFlags, viewScale } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { fitDecision } from '../../scripts/detect/pipeline';
import { macroF1 } from '../../scripts/detect/metrics';
import { dotSparse, nbRatios, trainBinary } from '../../scripts/detect/logreg';
import type { Sparse } from '../../scripts/detect/sparse';

featureFlags.mentions = false;
/** PLACES=1: links, "cc @x" and platform phrases give no feature (round 6, places.ts). */
featureFlags.places = process.env.PLACES === '1';
const L2 = Number(process.env.L2 ?? 3e-5);
const NBL2 = Number(process.env.NBL2 ?? L2);
const FW = Number(process.env.FW ?? 0.15);
const BITS = Number(process.env.BITS ?? 17);
const WORDW = Number(process.env.WORDW ?? 1);
const AUX = process.env.AUX === '1';
/** TWO=1: P(complaint) = P(written to a support account) x P(complaint | support), two linear models. */
const TWO = process.env.TWO === '1';
/** MORE=1: IDF-scaled plain model, class-balanced plain model, and word-only + char-only models summed into one table. */
const MORE = process.env.MORE === '1';
/** VIEWS=1: only the word-only + char-only pairs of MORE (the round 9 candidate). */
const VIEWS = MORE || process.env.VIEWS === '1';
const ITER = Number(process.env.ITER ?? 200);
const K = 5;
const fs = createFeatureSet();

/** toSparse (sparse.ts) with the word view weighted by WORDW against the char view. */
function vec(text: string): Sparse {
  extract(normalise(text), fs);
  const mask = (1 << BITS) - 1;
  const acc = new Map<number, number>();
  const add = (i: number, v: number) => acc.set(i, (acc.get(i) ?? 0) + v);
  const sw = WORDW * viewScale(fs.nWord);
  for (let i = 0; i < fs.nWord; i++) add(fs.wordHash[i]! & mask, sw);
  const sc = viewScale(fs.scan.nGrams);
  for (let i = 0; i < fs.scan.nGrams; i++) add(fs.scan.gramHash[i]! & mask, sc);
  for (let k = 0; k < DENSE_SIZE; k++) if (fs.dense[k] !== 0) add((1 << BITS) + k, fs.dense[k]!);
  const keys = [...acc.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => acc.get(k)!) };
}

const { tweets, finance } = loadCorpus();
const dim = (1 << BITS) + DENSE_SIZE;
const xt = tweets.map((r) => vec(r.text));
const xf = finance.map((r) => vec(r.text));
const yt = tweets.map((r) => r.complaint);
const folds = stratifiedFolds(yt, K, 99);
const n = tweets.length;
const zp = new Array<number>(n).fill(0), zn = zp.slice(), zs = zp.slice(), ze = zp.slice(), za = zp.slice(), zb = zp.slice();
const zi = zp.slice(), zc = zp.slice(), zv = zp.slice();
const isSupport = (d?: string) => (d === 'random_tweet' || d === 'random_reply' ? 0 : 1);
const started = Date.now();
for (let f = 0; f < K; f++) {
  const tr = tweets.map((_, i) => i).filter((i) => folds[i] !== f);
  const xs = [...tr.map((i) => xt[i]!), ...xf];
  const ys = [...tr.map((i) => yt[i]!), ...finance.map((r) => r.complaint)];
  const ws = [...tr.map(() => 1), ...finance.map(() => FW)];
  const plain = trainBinary(xs, ys, dim, { l2: L2, weights: ws, maxIter: ITER });
  const nb = trainBinary(xs, ys, dim, { l2: NBL2, weights: ws, scale: nbRatios(xs, ys, dim, 1 << BITS), maxIter: ITER });
  for (const i of tweets.keys()) if (folds[i] === f) { zp[i] = dotSparse(plain.w, xt[i]!) + plain.bias; zn[i] = dotSparse(nb.w, xt[i]!) + nb.bias; }
  if (AUX) {
    // Auxiliary targets on the training tweets only: negative sentiment, anger.
    const txs = tr.map((i) => xt[i]!);
    const neg = trainBinary(txs, tr.map((i) => (tweets[i]!.sentiment === 'negative' ? 1 : 0)), dim, { l2: L2, maxIter: ITER });
    const ang = trainBinary(txs, tr.map((i) => (tweets[i]!.emotion === 'anger' ? 1 : 0)), dim, { l2: L2, maxIter: ITER });
    for (const i of tweets.keys()) if (folds[i] === f) { zs[i] = dotSparse(neg.w, xt[i]!) + neg.bias; ze[i] = dotSparse(ang.w, xt[i]!) + ang.bias; }
  }
  if (VIEWS) {
    // IDF over the training posts' hashed features, folded into the weights like the NB ratios.
    const df = new Float64Array(dim);
    for (const x of xs) for (const i of x.idx) df[i] = df[i]! + 1;
    const idf = new Float64Array(dim).fill(1);
    for (let i = 0; i < 1 << BITS; i++) idf[i] = Math.log((1 + xs.length) / (1 + df[i]!)) + 1;
    const mi = MORE ? trainBinary(xs, ys, dim, { l2: L2, weights: ws, scale: idf, maxIter: ITER }) : { w: new Float64Array(dim), bias: 0 };
    const pos = ys.reduce((a, b, k) => a + b * ws[k]!, 0), tot = ws.reduce((a, b) => a + b, 0);
    const bw = ws.map((w, k) => w * (ys[k] === 1 ? tot / (2 * pos) : tot / (2 * (tot - pos))));
    const mc = MORE ? trainBinary(xs, ys, dim, { l2: L2, weights: bw, maxIter: ITER }) : { w: new Float64Array(dim), bias: 0 };
    const views = (text: string): [Sparse, Sparse] => {
      extract(normalise(text), fs);
      const mask = (1 << BITS) - 1;
      const one = (hs: Int32Array, m: number, withDense: boolean): Sparse => {
        const acc = new Map<number, number>();
        for (let i = 0; i < m; i++) acc.set(hs[i]! & mask, (acc.get(hs[i]! & mask) ?? 0) + viewScale(m));
        if (withDense) for (let k = 0; k < DENSE_SIZE; k++) if (fs.dense[k] !== 0) acc.set((1 << BITS) + k, fs.dense[k]!);
        const keys = [...acc.keys()].sort((a, b) => a - b);
        return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => acc.get(k)!) };
      };
      return [one(fs.wordHash, fs.nWord, true), one(fs.scan.gramHash, fs.scan.nGrams, false)];
    };
    const texts = [...tr.map((i) => tweets[i]!.text), ...finance.map((r) => r.text)];
    const vw = texts.map(views);
    const avg = (a: Sparse[]) => {
      const p = trainBinary(a, ys, dim, { l2: L2, weights: ws, maxIter: ITER });
      const q = trainBinary(a, ys, dim, { l2: NBL2, weights: ws, scale: nbRatios(a, ys, dim, 1 << BITS), maxIter: ITER });
      return { w: p.w.map((v, i) => (v + q.w[i]!) / 2), bias: (p.bias + q.bias) / 2 };
    };
    const mw = avg(vw.map((v) => v[0])), mch = avg(vw.map((v) => v[1]));
    const summed = mw.w.map((v, i) => v + mch.w[i]!);
    for (const i of tweets.keys()) if (folds[i] === f) {
      zi[i] = dotSparse(mi.w, xt[i]!) + mi.bias; zc[i] = dotSparse(mc.w, xt[i]!) + mc.bias;
      zv[i] = dotSparse(summed, xt[i]!) + mw.bias + mch.bias;
    }
  }
  if (TWO) {
    const gate = trainBinary(tr.map((i) => xt[i]!), tr.map((i) => isSupport(tweets[i]!.domain)), dim, { l2: L2, maxIter: ITER });
    const sup = tr.filter((i) => isSupport(tweets[i]!.domain) === 1);
    const cx = [...sup.map((i) => xt[i]!), ...xf], cy = [...sup.map((i) => yt[i]!), ...finance.map((r) => r.complaint)];
    const cw = [...sup.map(() => 1), ...finance.map(() => FW)];
    const cp = trainBinary(cx, cy, dim, { l2: L2, weights: cw, maxIter: ITER });
    const cn = trainBinary(cx, cy, dim, { l2: NBL2, weights: cw, scale: nbRatios(cx, cy, dim, 1 << BITS), maxIter: ITER });
    for (const i of tweets.keys()) if (folds[i] === f) {
      za[i] = dotSparse(gate.w, xt[i]!) + gate.bias;
      zb[i] = (dotSparse(cp.w, xt[i]!) + cp.bias + dotSparse(cn.w, xt[i]!) + cn.bias) / 2;
    }
  }
  process.stderr.write(`fold ${f + 1}/${K} ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

function nested(z: number[]): number {
  const pred = new Array<number>(n).fill(0);
  for (let f = 0; f < K; f++) {
    const o = z.map((_, i) => i).filter((i) => folds[i] !== f);
    const d = fitDecision(o.map((i) => z[i]!), o.map((i) => yt[i]!));
    z.forEach((v, i) => { if (folds[i] === f) pred[i] = 1 / (1 + Math.exp(-(d.a * v + d.b))) >= d.threshold ? 1 : 0; });
  }
  return 100 * macroF1(yt, pred, [0, 1]);
}

const tag = `PLACES=${featureFlags.places} L2=${L2} NBL2=${NBL2} FW=${FW} BITS=${BITS} WORDW=${WORDW} ITER=${ITER}`;
const lines: string[] = [];
for (const mix of [0, 0.25, 0.5, 0.75, 1]) lines.push(`mix ${mix}: ${nested(zp.map((v, i) => (1 - mix) * v + mix * zn[i]!)).toFixed(1)}`);
if (AUX) {
  const base = zp.map((v, i) => (v + zn[i]!) / 2);
  for (const [name, za] of [['negative', zs], ['anger', ze]] as const) {
    for (const b of [0.1, 0.2, 0.35, 0.5]) lines.push(`+ ${b} x ${name}: ${nested(base.map((v, i) => v + b * za[i]!)).toFixed(1)}`);
  }
  for (const b of [0.1, 0.2, 0.35]) lines.push(`+ ${b} x (negative + anger): ${nested(base.map((v, i) => v + b * (zs[i]! + ze[i]!))).toFixed(1)}`);
}
if (VIEWS) {
  const base = zp.map((v, i) => (v + zn[i]!) / 2);
  if (MORE) lines.push(`IDF plain: ${nested(zi).toFixed(1)}; (IDF + NB)/2: ${nested(zi.map((v, i) => (v + zn[i]!) / 2)).toFixed(1)}; (plain + IDF + NB)/3: ${nested(zi.map((v, i) => (v + zn[i]! + zp[i]!) / 3)).toFixed(1)}`);
  if (MORE) lines.push(`balanced plain: ${nested(zc).toFixed(1)}; (balanced + NB)/2: ${nested(zc.map((v, i) => (v + zn[i]!) / 2)).toFixed(1)}`);
  lines.push(`word model + char model, one summed table: ${nested(zv).toFixed(1)}; averaged with base: ${nested(zv.map((v, i) => (v / 2 + base[i]!) / 2)).toFixed(1)}`);
}
if (TWO) {
  const ls = (v: number) => (v >= 0 ? -Math.log1p(Math.exp(-v)) : v - Math.log1p(Math.exp(v)));
  const base = zp.map((v, i) => (v + zn[i]!) / 2);
  lines.push(`gate alone: ${nested(za).toFixed(1)}; conditional alone: ${nested(zb).toFixed(1)}`);
  for (const lam of [0.5, 1, 1.5]) lines.push(`two-stage, gate x ${lam}: ${nested(zb.map((v, i) => ls(v) + lam * ls(za[i]!))).toFixed(1)}`);
  for (const b of [0.1, 0.25, 0.5]) lines.push(`base + ${b} x gate logit: ${nested(base.map((v, i) => v + b * za[i]!)).toFixed(1)}`);
  for (const lam of [0.5, 1]) lines.push(`avg(base, two-stage ${lam}): ${nested(base.map((v, i) => (v + ls(zb[i]!) + lam * ls(za[i]!)) / 2)).toFixed(1)}`);
}
console.log(`${tag} (${((Date.now() - started) / 1000).toFixed(0)} s)\n  ${lines.join('\n  ')}`);
if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify({ tag, zp, zn, zs, ze, za, zb, zi, zc, zv }));

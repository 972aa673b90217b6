/**
 * Tuning bench for complaint-model variants (5-fold split, seed 99, tweets; never the eval split).
 * Knobs: L2, FW (finance weight), NBALPHA, DAUME=1 (shared + per-dataset feature copies, the tweet
 * copy folded into the shared one at the end), FEAT (extra dense features, extra-features.ts).
 * Prints macro-F1 for several plain/NB mixing weights from one set of fits.
 */
import { featureFlags } from '../../lib/detect/features';
import { featurise, loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { fitDecision } from '../../scripts/detect/pipeline';
import { macroF1 } from '../../scripts/detect/metrics';
import { dotSparse, nbRatios, trainBinary } from '../../scripts/detect/logreg';
import { dimension, type Sparse } from '../../scripts/detect/sparse';
import { extra } from './extra-features';

featureFlags.handles = process.env.HANDLES !== '0';
featureFlags.trigrams = process.env.TRIGRAMS === '1';
const L2 = Number(process.env.L2 ?? 3e-5);
const FW = Number(process.env.FW ?? 0.15);
const ALPHA = Number(process.env.NBALPHA ?? 1);
const DAUME = process.env.DAUME === '1';
const BITS = Number(process.env.BITS ?? 17);
const FEATS = { feats: new Set((process.env.FEAT ?? '').split(',').filter(Boolean)), cap: 3 };
const nExtra = extra('', FEATS).length;
const base = dimension(BITS) + nExtra;
const { tweets, finance } = loadCorpus();
const withExtra = (x: Sparse, text: string): Sparse => {
  if (nExtra === 0) return x;
  const e = extra(text, FEATS);
  const idx = [...x.idx], val = [...x.val];
  e.forEach((v, j) => { if (v !== 0) { idx.push(dimension(BITS) + j); val.push(v); } });
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
};
const xt = featurise(tweets, BITS).map((x, i) => withExtra(x, tweets[i]!.text));
const xf = featurise(finance, BITS).map((x, i) => withExtra(x, finance[i]!.text));
const yt = tweets.map((r) => r.complaint);
const aug = (x: Sparse, domain: number): Sparse => {
  if (!DAUME) return x;
  const idx = new Int32Array(2 * x.idx.length), val = new Float64Array(2 * x.idx.length);
  x.idx.forEach((v, j) => { idx[j] = v; val[j] = x.val[j]!; idx[x.idx.length + j] = v + (domain + 1) * base; val[x.idx.length + j] = x.val[j]!; });
  return { idx, val };
};
const dim = DAUME ? 3 * base : base;
const fold = (w: Float64Array): Float64Array => (DAUME ? w.slice(0, base).map((v, i) => v + w[base + i]!) : w);

const K = 5;
const folds = stratifiedFolds(yt, K, 99);
const zp = new Array<number>(tweets.length).fill(0), zn = zp.slice();
for (let f = 0; f < K; f++) {
  const tr = tweets.map((_, i) => i).filter((i) => folds[i] !== f);
  const xs = [...tr.map((i) => aug(xt[i]!, 0)), ...xf.map((x) => aug(x, 1))];
  const ys = [...tr.map((i) => yt[i]!), ...finance.map((r) => r.complaint)];
  const ws = [...tr.map(() => 1), ...finance.map(() => FW)];
  const plain = trainBinary(xs, ys, dim, { l2: L2, weights: ws });
  const r = nbRatios(xs.map((x) => x), ys, dim, DAUME ? dim : 1 << BITS, ALPHA);
  const nb = trainBinary(xs, ys, dim, { l2: L2, weights: ws, scale: r });
  const wp = fold(plain.w), wn = fold(nb.w);
  tweets.forEach((_, i) => { if (folds[i] === f) { zp[i] = dotSparse(wp, xt[i]!) + plain.bias; zn[i] = dotSparse(wn, xt[i]!) + nb.bias; } });
  process.stderr.write(`fold ${f}\n`);
}
const report = (mix: number) => {
  const z = zp.map((v, i) => (1 - mix) * v + mix * zn[i]!);
  const d = fitDecision(z, yt);
  const s = z.map((v) => 1 / (1 + Math.exp(-(d.a * v + d.b))));
  // Nested: each fold's threshold from the other folds' scores only.
  const pred = new Array<number>(z.length).fill(0);
  for (let f = 0; f < K; f++) {
    const o = z.map((_, i) => i).filter((i) => folds[i] !== f);
    const dd = fitDecision(o.map((i) => z[i]!), o.map((i) => yt[i]!));
    z.forEach((v, i) => { if (folds[i] === f) pred[i] = 1 / (1 + Math.exp(-(dd.a * v + dd.b))) >= dd.threshold ? 1 : 0; });
  }
  return `mix ${mix}: @0 ${(100 * macroF1(yt, z.map((v) => (v >= 0 ? 1 : 0)), [0, 1])).toFixed(1)} @best ${(100 * macroF1(yt, s.map((v) => (v >= d.threshold ? 1 : 0)), [0, 1])).toFixed(1)} nested ${(100 * macroF1(yt, pred, [0, 1])).toFixed(1)}`;
};
console.log(`HANDLES=${featureFlags.handles} TRIGRAMS=${featureFlags.trigrams} L2=${L2} FW=${FW} NBALPHA=${ALPHA} DAUME=${DAUME} BITS=${BITS} FEAT=${[...FEATS.feats].join(',')}`);
for (const mix of [0, 0.25, 0.5, 0.75, 1]) console.log('  ' + report(mix));

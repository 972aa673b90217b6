/** Tuning bench for the complaint model: 5-fold split with seed 99 on tweets (never the eval split). */
import { LEXICON_CATEGORIES } from '../../lib/detect/lexicon-terms';
import { featurise, loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { macroF1 } from '../../scripts/detect/metrics';
import { complaintLogit, COMPLAINT_BITS, FINANCE_WEIGHT, fitComplaint, fitDecision, type Example } from '../../scripts/detect/pipeline';
import { dimension, type Sparse } from '../../scripts/detect/sparse';
import { extra } from './extra-features';

const NOSHAPE = process.env.NOSHAPE === '1';
const cut = (COMPLAINT_BITS === 17 ? 1 << 17 : 1 << COMPLAINT_BITS) + LEXICON_CATEGORIES.length;
const strip = (x: Sparse): Sparse => {
  if (!NOSHAPE) return x;
  const keep = [...x.idx.keys()].filter((j) => x.idx[j]! < cut);
  return { idx: Int32Array.from(keep, (j) => x.idx[j]!), val: Float64Array.from(keep, (j) => x.val[j]!) };
};
const { tweets, finance } = loadCorpus();
// FEAT=caps,bang,... appends experimental dense features (research/detect/extra-features.ts); fitComplaint reads EXTRA_DIM.
const FEATS = { feats: new Set((process.env.FEAT ?? '').split(',').filter(Boolean)), cap: 3 };
const withExtra = (x: Sparse, text: string): Sparse => {
  const e = extra(text, FEATS);
  const idx = [...x.idx], val = [...x.val];
  e.forEach((v, j) => { if (v !== 0) { idx.push(dimension(COMPLAINT_BITS) + j); val.push(v); } });
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
};
process.env.EXTRA_DIM = String(extra('', FEATS).length);
const xt = featurise(tweets, COMPLAINT_BITS).map(strip).map((x, i) => withExtra(x, tweets[i]!.text));
const xf = featurise(finance, COMPLAINT_BITS).map(strip).map((x, i) => withExtra(x, finance[i]!.text));
const yt = tweets.map((r) => r.complaint);
const tweetEx: Example[] = tweets.map((r, i) => ({ x: xt[i]!, y: r.complaint, w: 1 }));
const financeEx: Example[] = finance.map((r, i) => ({ x: xf[i]!, y: r.complaint, w: FINANCE_WEIGHT }));
const K = 5;
const folds = stratifiedFolds(yt, K, 99);
const oof = new Array<number>(tweets.length).fill(0);
for (let f = 0; f < K; f++) {
  const m = fitComplaint([...tweetEx.filter((_, i) => folds[i] !== f), ...financeEx]);
  tweets.forEach((_, i) => { if (folds[i] === f) oof[i] = complaintLogit(m, xt[i]!); });
}
const d = fitDecision(oof, yt);
const s = oof.map((z) => 1 / (1 + Math.exp(-(d.a * z + d.b))));
console.log(`FEAT=${[...FEATS.feats].join(',')} NOSHAPE=${NOSHAPE} mF1@0 ${(100 * macroF1(yt, oof.map((z) => (z >= 0 ? 1 : 0)), [0, 1])).toFixed(1)} mF1@best ${(100 * macroF1(yt, s.map((v) => (v >= d.threshold ? 1 : 0)), [0, 1])).toFixed(1)}`);

/**
 * Tweet severity bench for round 8 (the social head alone, as decoded for a post that reads as a
 * social one: floors on, no banking head). Stratified 5-fold split with seed 99, never the eval
 * split (seed 20250321), so choices made here are not fitted to the reported figures.
 * AUX=social adds the tweet emotion/sentiment inputs (scripts/detect/aux-social.ts); AUX_TARGETS,
 * AUX_SCALE, NO_FLOORS=1, AUX_L2, SEV_L2 are the knobs. RUN=n scores the first n folds only.
 */
import { createFeatureSet, extract, featureFlags } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../lib/detect/severity';
import { compoundFloor } from '../../lib/detect/escalation';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, trainMulti, type Multi } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { fitSeverity, LEVELS, SEED, SEVERITY_BITS, SEVERITY_L2, tuneOffsets } from '../../scripts/detect/pipeline';
import type { Sparse } from '../../scripts/detect/sparse';
import { AUX_TARGETS, auxLogits, fitSocialAux, foldAuxInputs, withAuxInputs } from '../../scripts/detect/aux-social';
import { escalationOf } from '../../scripts/detect/severity-ordinal';
import { dimension, toSparse } from '../../scripts/detect/sparse';

featureFlags.mentions = false;
const K = 5, RUN = Number(process.env.RUN ?? K);
const AUX = process.env.AUX === 'social';
const rated = loadCorpus().tweets.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0))
  .map((r) => ({ x: toSparse(r.text, SEVERITY_BITS), level: r.severity!, text: r.text }));
const folds = stratifiedFolds(rated.map((e) => e.level), K, 99);
const fs = createFeatureSet();
const floorOf = (text: string) => {
  if (process.env.NO_FLOORS === '1') return 0;
  const norm = normalise(text);
  extract(norm, fs);
  return Math.max(escalationFloor(norm, fs.lexiconBits), compoundFloor(norm, escalationOf(text)));
};
const dim = dimension(SEVERITY_BITS);
/** MODEL=softmax: one class-balanced softmax regression + offsets from inner folds, instead of one-vs-rest NB-LR. */
function fitSoftmax(xs: Sparse[], levels: number[]): Multi {
  const fit = (ix: number[]) => {
    const counts = LEVELS.map((l) => ix.filter((i) => levels[i] === l).length);
    return trainMulti(ix.map((i) => xs[i]!), ix.map((i) => levels[i]! - 1), LEVELS.length, dim,
      { l2: SEVERITY_L2, weights: ix.map((i) => ix.length / (LEVELS.length * counts[levels[i]! - 1]!)) });
  };
  const inner = stratifiedFolds(levels, 4, SEED + 1);
  const z = new Array<number[]>(xs.length);
  for (let f = 0; f < 4; f++) {
    const m = fit(xs.map((_, i) => i).filter((i) => inner[i] !== f));
    xs.forEach((x, i) => { if (inner[i] === f) z[i] = m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!); });
  }
  const off = tuneOffsets(z, levels);
  const m = fit(xs.map((_, i) => i));
  return { w: m.w, bias: m.bias.map((b, c) => b + off[c]!) };
}
const ys: number[] = [], ps: number[] = [];
for (let f = 0; f < RUN; f++) {
  const train = rated.filter((_, i) => folds[i] !== f);
  let head: Multi;
  if (AUX) {
    const aux = fitSocialAux(new Set(train.map((e) => e.text)));
    const xs = train.map((e) => withAuxInputs(e.x, auxLogits(aux, e.x, e.text), dim));
    head = foldAuxInputs(fitSeverity(xs, train.map((e) => e.level), 4, dim + AUX_TARGETS.length), aux.full, dim);
  } else if (process.env.MODEL === 'softmax') head = fitSoftmax(train.map((e) => e.x), train.map((e) => e.level));
  else head = fitSeverity(train.map((e) => e.x), train.map((e) => e.level));
  rated.forEach((e, i) => {
    if (folds[i] !== f) return;
    ys.push(e.level);
    ps.push(decodeLevel(head.w.map((w, c) => dotSparse(w, e.x) + head.bias[c]!), null, 0, LEVELS, floorOf(e.text)));
  });
  process.stderr.write(`fold ${f + 1}/${RUN}\n`);
}
const pct = (v: number) => (100 * v).toFixed(1);
console.log(`${process.env.MODEL ?? ''} ${AUX ? `aux ${AUX_TARGETS.join(',')} scale ${process.env.AUX_SCALE ?? 0.5}` : 'plain'} L2 ${process.env.SEV_L2 ?? 3e-5}: ` +
  `tweets ${ys.length}: macro-F1 ${pct(macroF1(ys, ps, LEVELS))} within-one ${pct(withinOne(ys, ps))} exact ${pct(accuracy(ys, ps))}`);
for (const t of LEVELS) console.log('   ', LEVELS.map((p) => String(ys.filter((y, i) => y === t && ps[i] === p).length).padStart(5)).join(''));

/**
 * Gate sharpness bench for round 8: on the separate split (seed 99, stratified by data set and
 * level, never the eval split), fits the shipped heads and gate once per fold and decodes the same
 * logits with the gate's logit scaled by each candidate (GATE_SHARP at training is the same scale).
 */
import { featureFlags } from '../../lib/detect/features';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, type Multi } from '../../scripts/detect/logreg';
import { macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS, SEVERITY_BITS } from '../../scripts/detect/pipeline';
import { fitSeverityHeads, withMentionCount } from '../../scripts/detect/recipe-shipped';
import { createFeatureSet, extract } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../lib/detect/severity';
import { compoundFloorOfText } from '../../lib/detect/escalation';
import { toSparse } from '../../scripts/detect/sparse';

featureFlags.mentions = false;
const K = 5, RUN = Number(process.env.RUN ?? K);
const SHARP = [1, 2, 4, 1e6];
const { tweets, finance } = loadCorpus();
const rated = (rows: typeof tweets, domain: number) => rows.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0))
  .map((r) => ({ x: toSparse(r.text, SEVERITY_BITS), level: r.severity!, text: r.text, domain }));
const pool = [...rated(tweets, 0), ...rated(finance, 1)];
const folds = stratifiedFolds(pool.map((e) => e.domain * 10 + e.level), K, 99);
const fs = createFeatureSet();
const pred = SHARP.map(() => new Map<number, number>());
const logits = (m: Multi, x: typeof pool[0]['x']) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);
for (let f = 0; f < RUN; f++) {
  const train = pool.filter((_, i) => folds[i] !== f);
  const h = fitSeverityHeads(train.filter((e) => e.domain === 0), train.filter((e) => e.domain === 1));
  pool.forEach((e, i) => {
    if (folds[i] !== f) return;
    const norm = normalise(e.text);
    extract(norm, fs);
    const floor = Math.max(escalationFloor(norm, fs.lexiconBits), compoundFloorOfText(norm));
    const s = logits(h.social, e.x), b = logits(h.bank, withMentionCount(e.x, e.text));
    const g = dotSparse(h.gate.w, e.x) + h.gate.bias;
    SHARP.forEach((k, j) => pred[j]!.set(i, decodeLevel(s, b, g * k, LEVELS, floor)));
  });
  process.stderr.write(`fold ${f + 1}/${RUN}\n`);
}
const pct = (v: number) => (100 * v).toFixed(1);
SHARP.forEach((k, j) => {
  const line = [0, 1].map((d) => {
    const idx = [...pred[j]!.keys()].filter((i) => pool[i]!.domain === d);
    const ys = idx.map((i) => pool[i]!.level), ps = idx.map((i) => pred[j]!.get(i)!);
    return `${d === 0 ? 'tweets' : 'banking'} ${pct(macroF1(ys, ps, LEVELS))} / ${pct(withinOne(ys, ps))}`;
  });
  console.log(`gate x${k}: ${line.join(', ')}`);
});

/**
 * Round 10: the disapproval floor (lib/detect/disapproval.ts) on the 10-fold severity split of
 * `npm run eval:detector` (seed 20250321, folds stratified by data set and level), with every
 * variant decoded from the same fitted heads, so one training run measures them all:
 *   none    round 8/9's floors only
 *   social  + disapproval floor where the other floors apply (posts the gate reads as social)
 *   both    + disapproval floor on every post, the banking-like ones too
 *   words   + the disapproval words on every post, money lost on social posts only (shipped)
 * RUN=n: first n folds only (a quick look, never a reported figure).
 */
import { createFeatureSet, extract, featureFlags } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../lib/detect/severity';
import { compoundFloor } from '../../lib/detect/escalation';
import { disapprovalFloor, moneyLostFloor } from '../../lib/detect/disapproval';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, type Multi } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS, SEED, SEVERITY_BITS } from '../../scripts/detect/pipeline';
import { fitSeverityHeads, withMentionCount } from '../../scripts/detect/recipe-shipped';
import type { SeverityExample } from '../../scripts/detect/recipe';
import { escalationOf } from '../../scripts/detect/severity-ordinal';
import { toSparse } from '../../scripts/detect/sparse';

featureFlags.mentions = false;
const K = 10, RUN = Number(process.env.RUN ?? K);
const { tweets, finance } = loadCorpus();
const rated = (rows: typeof tweets, domain: number) => rows.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0))
  .map((r) => ({ x: toSparse(r.text, SEVERITY_BITS), level: r.severity!, text: r.text, domain }));
const pool = [...rated(tweets, 0), ...rated(finance, 1)];
const folds = stratifiedFolds(pool.map((e) => e.domain * 10 + e.level), K, SEED);
const fs = createFeatureSet();
const VARIANTS = ['none', 'social', 'both', 'words'] as const;
const pred = Object.fromEntries(VARIANTS.map((v) => [v, new Array<number>(pool.length).fill(0)])) as Record<(typeof VARIANTS)[number], number[]>;
const logits = (m: Multi, x: typeof pool[number]['x']) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);
for (let f = 0; f < RUN; f++) {
  const train = pool.filter((_, i) => folds[i] !== f);
  const h = fitSeverityHeads(train.filter((e) => e.domain === 0) as SeverityExample[], train.filter((e) => e.domain === 1) as SeverityExample[]);
  pool.forEach((e, i) => {
    if (folds[i] !== f) return;
    const norm = normalise(e.text);
    extract(norm, fs);
    const base = Math.max(escalationFloor(norm, fs.lexiconBits), compoundFloor(norm, escalationOf(e.text)));
    const dis = Math.max(disapprovalFloor(norm), moneyLostFloor(norm));
    const s = logits(h.social, e.x), b = logits(h.bank, withMentionCount(e.x, e.text));
    const g = dotSparse(h.gate.w, e.x) + h.gate.bias;
    pred.none[i] = decodeLevel(s, b, g, LEVELS, base);
    pred.social[i] = decodeLevel(s, b, g, LEVELS, Math.max(base, dis));
    pred.both[i] = Math.max(pred.none[i]!, dis);
    pred.words[i] = Math.max(decodeLevel(s, b, g, LEVELS, Math.max(base, moneyLostFloor(norm))), disapprovalFloor(norm));
  });
  process.stderr.write(`fold ${f + 1}/${RUN}\n`);
}
const pct = (v: number) => (100 * v).toFixed(1);
for (const v of VARIANTS) {
  for (const [domain, label] of [[0, 'tweets'], [1, 'banking']] as const) {
    const idx = pool.map((e, i) => (e.domain === domain && folds[i]! < RUN ? i : -1)).filter((i) => i >= 0);
    const ys = idx.map((i) => pool[i]!.level), ps = idx.map((i) => pred[v][i]!);
    console.log(`${v.padEnd(7)} ${label.padEnd(8)} macro-F1 ${pct(macroF1(ys, ps, LEVELS))} within-one ${pct(withinOne(ys, ps))} exact ${pct(accuracy(ys, ps))}`);
  }
}

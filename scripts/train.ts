/**
 * npm run train — fits the shipped detector and writes lib/detect/weights.json.
 * Deterministic: L-BFGS from zero weights, fixed fold seed; the same data gives the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DENSE_NAMES, featureFlags } from '../lib/detect/features';
import { grievancePrior } from '../lib/detect/grievance-prior';
import { normalise } from '../lib/detect/normalise';
import { weightsSchema, type WeightsJson } from '../lib/detect/weights-format';
import { featurise, loadCorpus } from './detect/featurise';
import { stratifiedFolds } from './detect/folds';
import {
  complaintLogit, COMPLAINT_BITS, FINANCE_WEIGHT, fitComplaint, fitDecision, LEVELS, quantise, SEED, SEVERITY_BITS,
  type Example,
} from './detect/pipeline';
import { fitOrdinalHeads, fitSeverityHeads, ORDINAL, shippedRecipe } from './detect/recipe-shipped';
import type { Binary } from './detect/logreg';
import { toSparse } from './detect/sparse';
import type { Row } from './detect/data';

const started = Date.now();
/** Round 12: the grievance-phrase prior (lib/detect/grievance-prior.ts) joins the logit before Platt and the cut-off are fitted; GRIEVANCE_PRIOR=0 trains round 11's decision. */
const GRIEVANCE = process.env.GRIEVANCE_PRIOR !== '0';
const priorOf = (text: string) => (GRIEVANCE ? grievancePrior(normalise(text)) : 0);
shippedRecipe.setup();
const { tweets, finance } = loadCorpus();
const path = resolve(import.meta.dirname, '../lib/detect/weights.json');
// SEVERITY_ONLY=1 refits the severity heads and keeps the complaint model of the current file
// (the complaint fits are 6 of the 7 minutes' work and do not depend on the severity recipe).
const kept = process.env.SEVERITY_ONLY === '1' ? weightsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).complaint : null;

function trainComplaint(): WeightsJson['complaint'] {
  const xt = featurise(tweets, COMPLAINT_BITS);
  const xf = featurise(finance, COMPLAINT_BITS);
  const financeExamples: Example[] = finance.map((r, i) => ({ x: xf[i]!, y: r.complaint, w: FINANCE_WEIGHT, domain: 1 }));
  const tweetExamples: Example[] = tweets.map((r, i) => ({ x: xt[i]!, y: r.complaint, w: 1 }));
  // Calibration and threshold come from out-of-fold tweet scores (the shipped model never saw them scored in-sample).
  // 5 folds (10 before round 3): the same estimate of the cut-off at half the time on a shared machine.
  const K = 5;
  const folds = stratifiedFolds(tweets.map((r) => r.complaint), K, SEED);
  const oof = new Array<number>(tweets.length).fill(0);
  for (let f = 0; f < K; f++) {
    const m = fitComplaint([...tweetExamples.filter((_, i) => folds[i] !== f), ...financeExamples]);
    tweets.forEach((r, i) => { if (folds[i] === f) oof[i] = complaintLogit(m, xt[i]!) + priorOf(r.text); });
    process.stderr.write(`calibration fold ${f + 1}/${K}\n`);
  }
  const decision = fitDecision(oof, tweets.map((r) => r.complaint));
  const complaint = fitComplaint([...tweetExamples, ...financeExamples]);
  // Platt holds a and b only (the threshold is its own field), as the schema keeps them: a full train and SEVERITY_ONLY=1 write the same bytes.
  return { ...quantise(complaint.w, complaint.bias, COMPLAINT_BITS), bits: COMPLAINT_BITS, platt: { a: decision.a, b: decision.b }, threshold: decision.threshold,
    ...(GRIEVANCE ? { grievancePrior: true } : {}) };
}
const complaint = kept ?? trainComplaint();

const rated = (rows: Row[]) => rows.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0))
  .map((r) => ({ x: toSparse(r.text, SEVERITY_BITS), level: r.severity!, text: r.text }));
const ratedTweets = rated(tweets), ratedFinance = rated(finance);
const head = (m: { w: Float64Array[]; bias: number[] }) => m.w.map((w, k) => quantise(w, m.bias[k]!, SEVERITY_BITS));
const tables = (ms: Binary[]) => ms.map((m) => quantise(m.w, m.bias, SEVERITY_BITS));
const round = (rows: number[][]) => rows.map((r) => r.map((v) => Number(v.toPrecision(6))));

function severityJson(): WeightsJson['severity'] {
  if (ORDINAL) {
    // Round 7: three "level > k" tables per data set and the escalation cues' weights (severity-ordinal.ts).
    const h = fitOrdinalHeads(ratedTweets, ratedFinance);
    return {
      bits: SEVERITY_BITS, levels: LEVELS, decoder: 'ordinal', classes: tables(h.ordinal.social), bank: tables(h.ordinal.bank),
      gate: quantise(h.gate.w, h.gate.bias, SEVERITY_BITS),
      escalation: { social: round(h.ordinal.escalation.social), bank: round(h.ordinal.escalation.bank) },
    };
  }
  const heads = fitSeverityHeads(ratedTweets, ratedFinance);
  return {
    bits: SEVERITY_BITS, levels: LEVELS, classes: head(heads.social), bank: head(heads.bank),
    gate: quantise(heads.gate.w, heads.gate.bias, SEVERITY_BITS),
  };
}

const weights: WeightsJson = {
  version: 1,
  complaint,
  severity: severityJson(),
  features: { mentions: featureFlags.mentions, places: featureFlags.places },
  dense: DENSE_NAMES,
  trainedOn: { tweets: tweets.length, finance: finance.length, severityTweets: ratedTweets.length, severityFinance: ratedFinance.length },
};
const json = JSON.stringify(weights);
writeFileSync(path, json + '\n');
console.log(`wrote ${path} (${(json.length / 1024).toFixed(1)} kB) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
  `Platt a=${complaint.platt.a.toFixed(3)} b=${complaint.platt.b.toFixed(3)}, threshold ${complaint.threshold}${kept ? ' (complaint model kept)' : ''}`);

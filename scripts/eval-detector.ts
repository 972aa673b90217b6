/**
 * npm run eval:detector — stratified 10-fold cross-validation (fixed seed) of the training
 * recipe in scripts/detect/pipeline.ts, plus cross-dataset figures and a calibration table.
 * The complaint threshold and Platt scaling for fold f are fitted on the out-of-fold scores
 * of the other nine folds only, so no label of fold f chooses its own cut-off.
 */
import { featurise, loadCorpus } from './detect/featurise';
import { stratifiedFolds } from './detect/folds';
import { accuracy, brier, calibrationTable, macroF1, withinOne } from './detect/metrics';
import {
  complaintLogit, COMPLAINT_BITS, FINANCE_WEIGHT, fitComplaint, fitDecision, fitSeverity, LEVELS, predictSeverity, SEED,
  SEVERITY_BITS, type Example,
} from './detect/pipeline';

const K = 10;
const started = Date.now();
const pct = (v: number) => (100 * v).toFixed(1);
const { tweets, finance } = loadCorpus();
const xt = featurise(tweets, COMPLAINT_BITS);
const xf = featurise(finance, COMPLAINT_BITS);
const yt = tweets.map((r) => r.complaint);
const yf = finance.map((r) => r.complaint);
const tweetEx: Example[] = tweets.map((r, i) => ({ x: xt[i]!, y: r.complaint, w: 1 }));
const financeEx: Example[] = finance.map((r, i) => ({ x: xf[i]!, y: r.complaint, w: FINANCE_WEIGHT }));

console.log(`Frontline detector evaluation — stratified ${K}-fold CV, seed ${SEED}`);
console.log(`data: ${tweets.length} tweets, ${finance.length} finance posts\n`);

// 1. Complaint yes/no on tweets (finance posts join every training fold, never a test fold).
const folds = stratifiedFolds(yt, K, SEED);
const oof = new Array<number>(tweets.length).fill(0);
for (let f = 0; f < K; f++) {
  const m = fitComplaint([...tweetEx.filter((_, i) => folds[i] !== f), ...financeEx]);
  tweets.forEach((_, i) => { if (folds[i] === f) oof[i] = complaintLogit(m, xt[i]!); });
  process.stderr.write(`complaint fold ${f + 1}/${K}\r`);
}
const scores = new Array<number>(tweets.length).fill(0);
const pred = new Array<number>(tweets.length).fill(0);
for (let f = 0; f < K; f++) {
  const others = tweets.map((_, i) => i).filter((i) => folds[i] !== f);
  const d = fitDecision(others.map((i) => oof[i]!), others.map((i) => yt[i]!));
  tweets.forEach((_, i) => {
    if (folds[i] !== f) return;
    scores[i] = 1 / (1 + Math.exp(-(d.a * oof[i]! + d.b)));
    pred[i] = scores[i]! >= d.threshold ? 1 : 0;
  });
}
const rawPred = oof.map((z) => (z >= 0 ? 1 : 0));
console.log('Complaint detection, tweets (10-fold CV)');
console.log(`  macro-F1 ${pct(macroF1(yt, pred, [0, 1]))}  (target >= 85.0; uncalibrated logit>0: ${pct(macroF1(yt, rawPred, [0, 1]))})`);
console.log(`  accuracy ${pct(accuracy(yt, pred))}, Brier ${brier(scores, yt).toFixed(4)}\n`);

console.log('Calibration, tweets (out-of-fold calibrated scores)');
console.log(calibrationTable(scores, yt));
console.log('');

// 2. Severity 1..4 on finance complaint posts.
const sev = finance.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
const xs = featurise(sev, SEVERITY_BITS);
const ys = sev.map((r) => r.severity!);
const sevFolds = stratifiedFolds(ys, K, SEED);
const sevPred = new Array<number>(sev.length).fill(0);
for (let f = 0; f < K; f++) {
  const train = sev.map((_, i) => i).filter((i) => sevFolds[i] !== f);
  const m = fitSeverity(train.map((i) => xs[i]!), train.map((i) => ys[i]!));
  sev.forEach((_, i) => { if (sevFolds[i] === f) sevPred[i] = predictSeverity(m, xs[i]!); });
  process.stderr.write(`severity fold ${f + 1}/${K}\r`);
}
console.log(`Severity, finance complaint posts (${sev.length}, levels 1..4, 10-fold CV)`);
console.log(`  macro-F1 ${pct(macroF1(ys, sevPred, LEVELS))}  (target >= 56.0)`);
console.log(`  within-one-level accuracy ${pct(withinOne(ys, sevPred))}  (target >= 80.0)`);
console.log(`  exact accuracy ${pct(accuracy(ys, sevPred))}`);
console.log('  confusion (rows true 1..4, columns predicted 1..4):');
for (const t of LEVELS) console.log('   ', LEVELS.map((p) => String(ys.filter((y, i) => y === t && sevPred[i] === p).length).padStart(5)).join(''));
console.log('');

// 3. Cross-dataset: train on one data set only, test on all of the other (threshold: logit 0).
const onTweets = fitComplaint(tweetEx);
const financePred = xf.map((x) => (complaintLogit(onTweets, x) >= 0 ? 1 : 0));
const onFinance = fitComplaint(finance.map((r, i) => ({ x: xf[i]!, y: r.complaint, w: 1 })));
const tweetPred = xt.map((x) => (complaintLogit(onFinance, x) >= 0 ? 1 : 0));
console.log('Cross-dataset complaint detection (macro-F1)');
console.log(`  train tweets  -> test finance: ${pct(macroF1(yf, financePred, [0, 1]))}`);
console.log(`  train finance -> test tweets:  ${pct(macroF1(yt, tweetPred, [0, 1]))}`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);

/**
 * Tweet severity bench for round 12: a stacked tweet head. Same separate split as rounds 8 and 10
 * (stratified 5-fold, seed 99, 982 rated tweets; never the 10-fold evaluation split).
 *
 * Stage 1 (every input predicted out-of-fold on the training tweets through inner 4-fold, and by a
 * model fitted on the whole training fold for the test tweets; the test fold's tweets never train
 * anything): the shipped social head's 4 level logits; a char-n-gram-only head's 4 logits;
 * emotion/sentiment models (anger, sadness, joy, negative, positive) fitted on every labelled tweet
 * outside the test fold (non-complaints too, ~2,600 posts); the banking head's 4 logits (fitted on the
 * rated finance posts, another data set); the lexicon categories of lib/detect and the floors.
 * Stage 2: a class-balanced softmax over those ~25 dense inputs, per-level offsets tuned on inner
 * folds of the training tweets only, floors applied after (so escalation never lowers a level).
 * Every stage-1 input is a logit of a linear model, so a linear stage 2 folds back into one linear
 * table: shipping it would cost nothing at run time.
 *
 * INPUTS picks the stage-1 groups (social,char,aux,bank,lex); RUN=n scores the first n folds.
 * e.g. VARIANTS="social;social,aux;social,char,aux,bank,lex" RUN=2 npx tsx research/detect/tune-severity4.ts
 */
import { createFeatureSet, extract, featureFlags } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../lib/detect/severity';
import { compoundFloor } from '../../lib/detect/escalation';
import { categoryBit } from '../../lib/detect/lexicon';
import { disapprovalFloor, moneyLostFloor } from '../../lib/detect/disapproval';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, nbRatios, trainBinary, trainMulti, type Multi } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS, SEED } from '../../scripts/detect/pipeline';
import { escalationOf } from '../../scripts/detect/severity-ordinal';
import { dimension, toSparse, viewsOf, type Sparse } from '../../scripts/detect/sparse';
import type { Row } from '../../scripts/detect/data';

featureFlags.mentions = false;
const K = 5, RUN = Number(process.env.RUN ?? K), BITS = 14, L2 = 3e-4, DIM = dimension(BITS);
const STAGE2_L2 = Number(process.env.S2_L2 ?? 1e-2);
const corpus = loadCorpus();
const isRated = (r: Row) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0);
const tweets = corpus.tweets.filter(isRated);
const bank = corpus.finance.filter(isRated);
const folds = stratifiedFolds(tweets.map((r) => r.severity!), K, 99);
const fs = createFeatureSet();
const LEX = ['churn', 'abuse', 'accusation', 'blame', 'negative', 'urgency', 'positive', 'request'] as const;
const lexOf = (text: string) => {
  const norm = normalise(text);
  extract(norm, fs);
  const bits = fs.lexiconBits;
  const floor = Math.max(escalationFloor(norm, bits), compoundFloor(norm, escalationOf(text)), moneyLostFloor(norm), disapprovalFloor(norm));
  return { lex: LEX.map((c) => (bits & categoryBit(c) ? 1 : 0)), floor };
};
const tLex = tweets.map((r) => lexOf(r.text));
const xt = tweets.map((r) => toSparse(r.text, BITS));
const xb = bank.map((r) => toSparse(r.text, BITS));
const charOf = (x: Sparse) => viewsOf(x)[1];

// Auxiliary pool: every tweet with an emotion and a sentiment; rated complaints keep their index in `tweets`.
const ratedIndex = new Map(tweets.map((r, i) => [r, i]));
const auxRows = corpus.tweets.filter((r) => typeof r.emotion === 'string' && typeof r.sentiment === 'string' && (r.complaint === 0 || isRated(r)))
  .map((r) => ({ x: toSparse(r.text, BITS), rated: ratedIndex.get(r) ?? -1, r }));
const AUX: ((r: Row) => number)[] = [
  (r) => (r.emotion === 'anger' || r.emotion === 'disgust' ? 1 : 0),
  (r) => (r.emotion === 'sadness' || r.emotion === 'fear' ? 1 : 0),
  (r) => (r.emotion === 'joy' ? 1 : 0),
  (r) => (r.sentiment === 'negative' ? 1 : 0),
  (r) => (r.sentiment === 'positive' ? 1 : 0),
];

function balanced(y: number[]): number[] {
  const pos = Math.max(1, y.reduce((a, b) => a + b, 0)), n = y.length;
  return y.map((v) => (v === 1 ? n / (2 * pos) : n / (2 * Math.max(1, n - pos))));
}
/** One-vs-rest NB-LR per level, class-balanced (the shipped social head's recipe). */
function fitOvr(xs: Sparse[], levels: number[]): Multi {
  const out: Multi = { w: [], bias: [] };
  for (const l of LEVELS) {
    const y = levels.map((v) => (v === l ? 1 : 0));
    const m = trainBinary(xs, y, DIM, { l2: L2, weights: balanced(y), scale: nbRatios(xs, y, DIM, 1 << BITS) });
    out.w.push(m.w); out.bias.push(m.bias);
  }
  return out;
}
const logits = (m: Multi, x: Sparse) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);

/** Emotion/sentiment models fitted on the aux pool minus the tweets in `exclude` (rated indices). */
function fitAux(exclude: Set<number>): Multi {
  const rows = auxRows.filter((a) => a.rated < 0 || !exclude.has(a.rated));
  const out: Multi = { w: [], bias: [] };
  for (const target of AUX) {
    const y = rows.map((a) => target(a.r));
    const m = trainBinary(rows.map((a) => a.x), y, DIM, { l2: 1e-4, weights: balanced(y), maxIter: 100 });
    out.w.push(m.w); out.bias.push(m.bias);
  }
  return out;
}

const bankHead = fitOvr(xb, bank.map((r) => r.severity!));
const bankZ = xt.map((x) => logits(bankHead, x));

interface Stage1 { social: number[][]; char: number[][]; aux: number[][] }
/** Stage-1 inputs for `test` from models fitted on `train` (indices into `tweets`). */
function stage1(train: number[], test: number[], groups: Set<string>): Stage1 {
  const levels = train.map((i) => tweets[i]!.severity!);
  const out: Stage1 = { social: [], char: [], aux: [] };
  if (groups.has('social')) { const m = fitOvr(train.map((i) => xt[i]!), levels); out.social = test.map((i) => logits(m, xt[i]!)); }
  if (groups.has('char')) { const m = fitOvr(train.map((i) => charOf(xt[i]!)), levels); out.char = test.map((i) => logits(m, charOf(xt[i]!))); }
  if (groups.has('aux')) { const m = fitAux(new Set(test)); out.aux = test.map((i) => logits(m, xt[i]!)); }
  return out;
}
function row(s: Stage1, k: number, i: number, groups: Set<string>): number[] {
  const v: number[] = [];
  if (groups.has('social')) v.push(...s.social[k]!);
  if (groups.has('char')) v.push(...s.char[k]!);
  if (groups.has('aux')) v.push(...s.aux[k]!);
  if (groups.has('bank')) v.push(...bankZ[i]!);
  if (groups.has('lex')) v.push(...tLex[i]!.lex, ...[2, 3, 4].map((f) => (tLex[i]!.floor >= f ? 1 : 0)));
  return v;
}
const dense = (v: number[]): Sparse => ({ idx: Int32Array.from(v.map((_, j) => j)), val: Float64Array.from(v) });
function fitStage2(rows: number[][], levels: number[]): Multi {
  const counts = LEVELS.map((l) => levels.filter((v) => v === l).length);
  const ws = levels.map((l) => levels.length / (LEVELS.length * counts[l - 1]!));
  return trainMulti(rows.map(dense), levels.map((l) => l - 1), LEVELS.length, rows[0]!.length, { l2: STAGE2_L2, weights: ws, maxIter: 200 });
}
const s2logits = (m: Multi, v: number[]) => m.w.map((w, c) => v.reduce((a, x, j) => a + w[j]! * x, m.bias[c]!));

function argmax(z: number[], off: number[]): number {
  let best = -Infinity, k = 0;
  z.forEach((s, c) => { if (s + off[c]! > best) { best = s + off[c]!; k = c; } });
  return LEVELS[k]!;
}
function tune(z: number[][], levels: number[]): number[] {
  const off = [0, 0, 0, 0];
  const score = () => { const p = z.map((s) => argmax(s, off)); return macroF1(levels, p, LEVELS) + withinOne(levels, p); };
  let best = score();
  for (let pass = 0; pass < 3; pass++) for (let c = 1; c < 4; c++) {
    let arg = off[c]!;
    for (let s = -3; s <= 3.001; s += 0.1) { off[c] = s; const sc = score(); if (sc > best + 1e-9) { best = sc; arg = s; } }
    off[c] = arg;
  }
  return off;
}

const variants = (process.env.VARIANTS ?? 'social;social,char,aux,bank,lex').split(';');
const results = variants.map(() => ({ ys: [] as number[], ps: [] as number[] }));
const allGroups = new Set(variants.flatMap((v) => v.split(',')));
for (let f = 0; f < RUN; f++) {
  const t0 = Date.now();
  const train = tweets.map((_, i) => i).filter((i) => folds[i] !== f);
  const test = tweets.map((_, i) => i).filter((i) => folds[i] === f);
  const inner = stratifiedFolds(train.map((i) => tweets[i]!.severity!), 4, SEED + 1);
  // Stage-1 inputs of the training tweets, out-of-fold; of the test tweets, from the whole training fold.
  const oof: Stage1 = { social: new Array(train.length), char: new Array(train.length), aux: new Array(train.length) };
  for (let g = 0; g < 4; g++) {
    const inTest = train.filter((_, j) => inner[j] === g);
    const s = stage1(train.filter((_, j) => inner[j] !== g), inTest, allGroups);
    let k = 0;
    train.forEach((_, j) => { if (inner[j] !== g) return; oof.social[j] = s.social[k]!; oof.char[j] = s.char[k]!; oof.aux[j] = s.aux[k]!; k++; });
  }
  const onTest = stage1(train, test, allGroups);
  const levels = train.map((i) => tweets[i]!.severity!);
  variants.forEach((spec, vi) => {
    const groups = new Set(spec.split(','));
    const rows = train.map((i, j) => row(oof, j, i, groups));
    let off: number[], m: Multi, z: (v: number[]) => number[];
    if (spec === 'social') {
      // The shipped recipe: the head's own logits, offsets tuned on its inner out-of-fold logits.
      off = tune(oof.social, levels);
      z = (v) => v;
    } else {
      // Offsets from stage 2 refitted inside the same inner folds (the test fold never seen).
      const zin = new Array<number[]>(train.length);
      for (let g = 0; g < 4; g++) {
        const mi = fitStage2(rows.filter((_, j) => inner[j] !== g), levels.filter((_, j) => inner[j] !== g));
        rows.forEach((v, j) => { if (inner[j] === g) zin[j] = s2logits(mi, v); });
      }
      off = tune(zin, levels);
      m = fitStage2(rows, levels);
      z = (v) => s2logits(m, v);
    }
    test.forEach((i, k) => {
      results[vi]!.ys.push(tweets[i]!.severity!);
      results[vi]!.ps.push(decodeLevel(z(row(onTest, k, i, groups)).map((s, c) => s + off[c]!), null, 0, LEVELS, tLex[i]!.floor));
    });
  });
  process.stderr.write(`fold ${f + 1}/${RUN} ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
const pct = (x: number) => (100 * x).toFixed(1);
variants.forEach((spec, vi) => {
  const { ys, ps } = results[vi]!;
  const conf = LEVELS.map((l) => LEVELS.map((p) => ys.filter((y, i) => y === l && ps[i] === p).length).join('/')).join(' ');
  console.log(`${spec.padEnd(32)} macro-F1 ${pct(macroF1(ys, ps, LEVELS))} within-one ${pct(withinOne(ys, ps))} exact ${pct(accuracy(ys, ps))}  ${conf}`);
});

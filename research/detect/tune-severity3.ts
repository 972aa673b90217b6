/**
 * Tweet severity bench for round 10 (the social head as decoded for a social post: floors on, no
 * banking head). Same separate split as round 8's tune-social.ts (stratified 5-fold, seed 99, 982
 * rated tweets), never the evaluation split. Each line of VARIANTS is one head recipe:
 *   bits=14|15|16   hash size of the severity features
 *   view=all|word|char|mix   features: both views, one view, or the three models' logits averaged
 *   l2=3e-4         penalty of every binary model
 *   fw=0.1          rated banking posts added to the social head's training at this weight
 *   dis=1           floor 2 for explicit disapproval words or money lost
 *   obj=both|f1     what the per-level offsets maximise (macro-F1 + within-one, or macro-F1 alone)
 * e.g. VARIANTS="bits=14;bits=16;view=mix" npx tsx research/detect/tune-severity3.ts
 */
import { createFeatureSet, extract, featureFlags } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../lib/detect/severity';
import { compoundFloor } from '../../lib/detect/escalation';
import { MONEY_LOST } from '../../lib/detect/money-lost';
import { loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { dotSparse, nbRatios, trainBinary, type Multi } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS, SEED } from '../../scripts/detect/pipeline';
import { escalationOf } from '../../scripts/detect/severity-ordinal';
import { dimension, toSparse, viewsOf, type Sparse } from '../../scripts/detect/sparse';

featureFlags.mentions = false;
const K = 5, RUN = Number(process.env.RUN ?? K);
const corpus = loadCorpus();
const ratedRows = (rows: typeof corpus.tweets) => rows.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
const tweets = ratedRows(corpus.tweets), bank = ratedRows(corpus.finance);
const folds = stratifiedFolds(tweets.map((r) => r.severity!), K, 99);
const fs = createFeatureSet();
const floors = tweets.map((r) => {
  const norm = normalise(r.text);
  extract(norm, fs);
  return Math.max(escalationFloor(norm, fs.lexiconBits), compoundFloor(norm, escalationOf(r.text)));
});
/** dis=1: candidate floor 2 for explicit disapproval or money lost (tested here before it enters lib/detect). */
const DISAPPROVAL = new RegExp(process.env.DIS_RE ?? '\\b(unacceptable|disappointed|disappointing|ridiculous|terrible|awful|horrible|worst|pathetic|disgusting|appalling|shameful|outrageous|useless)\\b');
const disFloor = tweets.map((r) => { const n = normalise(r.text); return DISAPPROVAL.test(n) || MONEY_LOST.test(n) ? 2 : 0; });

interface Variant { bits: number; view: string; l2: number; fw: number; obj: string; dis: number }
const parse = (s: string): Variant => {
  const v: Variant = { bits: 14, view: 'all', l2: 3e-4, fw: 0, obj: 'both', dis: 0 };
  for (const kv of s.split(',').filter(Boolean)) {
    const [k, val] = kv.split('=') as [keyof Variant, string];
    (v as unknown as Record<string, string | number>)[k] = k === 'view' || k === 'obj' ? val : Number(val);
  }
  return v;
};

const vectors = new Map<number, { t: Sparse[]; b: Sparse[] }>();
const vecs = (bits: number) => {
  if (!vectors.has(bits)) vectors.set(bits, { t: tweets.map((r) => toSparse(r.text, bits)), b: bank.map((r) => toSparse(r.text, bits)) });
  return vectors.get(bits)!;
};

function fitRaw(xs: Sparse[], levels: number[], ws: number[], v: Variant): Multi {
  const dim = dimension(v.bits);
  const out: Multi = { w: [], bias: [] };
  for (let c = 0; c < LEVELS.length; c++) {
    const y = levels.map((l): number => (l === LEVELS[c] ? 1 : 0));
    const posW = y.reduce((a, yy, i) => a + yy * ws[i]!, 0), allW = ws.reduce((a, b) => a + b, 0);
    const weights = y.map((yy, i) => ws[i]! * (yy === 1 ? allW / (2 * posW) : allW / (2 * (allW - posW))));
    const m = trainBinary(xs, y, dim, { l2: v.l2, weights, scale: nbRatios(xs, y, dim, 1 << v.bits) });
    out.w.push(m.w); out.bias.push(m.bias);
  }
  return out;
}
const logits = (m: Multi, x: Sparse) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);

/** A head: a function from a tweet index (in `all`) to per-level logits. */
function fitHead(train: number[], v: Variant): (x: Sparse) => number[] {
  const { t, b } = vecs(v.bits);
  const levels = [...train.map((i) => tweets[i]!.severity!), ...(v.fw > 0 ? bank.map((r) => r.severity!) : [])];
  const ws = [...train.map(() => 1), ...(v.fw > 0 ? bank.map(() => v.fw) : [])];
  const xs = [...train.map((i) => t[i]!), ...(v.fw > 0 ? b : [])];
  const views = v.view === 'mix' ? ['all', 'word', 'char'] : [v.view];
  const models = views.map((view) => ({ view, m: fitRaw(xs.map((x) => pick(x, view)), levels, ws, v) }));
  return (x) => {
    const z = [0, 0, 0, 0];
    for (const { view, m } of models) logits(m, pick(x, view)).forEach((s, c) => { z[c]! += s / models.length; });
    return z;
  };
}
const pick = (x: Sparse, view: string) => (view === 'word' ? viewsOf(x)[0] : view === 'char' ? viewsOf(x)[1] : x);

function argmax(z: number[], off: number[]): number {
  let best = -Infinity, k = 0;
  z.forEach((s, c) => { if (s + off[c]! > best) { best = s + off[c]!; k = c; } });
  return LEVELS[k]!;
}
function tune(z: number[][], levels: number[], obj: string): number[] {
  const off = [0, 0, 0, 0];
  const score = () => { const p = z.map((s) => argmax(s, off)); return macroF1(levels, p, LEVELS) + (obj === 'f1' ? 0 : withinOne(levels, p)); };
  let best = score();
  for (let pass = 0; pass < 3; pass++) for (let c = 1; c < 4; c++) {
    let arg = off[c]!;
    for (let s = -3; s <= 3.001; s += 0.1) { off[c] = s; const sc = score(); if (sc > best + 1e-9) { best = sc; arg = s; } }
    off[c] = arg;
  }
  return off;
}

for (const spec of (process.env.VARIANTS ?? 'bits=14').split(';')) {
  const v = parse(spec);
  const { t } = vecs(v.bits);
  const ys: number[] = [], ps: number[] = [];
  for (let f = 0; f < RUN; f++) {
    const train = tweets.map((_, i) => i).filter((i) => folds[i] !== f);
    const inner = stratifiedFolds(train.map((i) => tweets[i]!.severity!), 4, SEED + 1);
    const z: number[][] = new Array(train.length);
    for (let g = 0; g < 4; g++) {
      const head = fitHead(train.filter((_, j) => inner[j] !== g), v);
      train.forEach((i, j) => { if (inner[j] === g) z[j] = head(t[i]!); });
    }
    const off = tune(z, train.map((i) => tweets[i]!.severity!), v.obj);
    const head = fitHead(train, v);
    tweets.forEach((r, i) => {
      if (folds[i] !== f) return;
      ys.push(r.severity!);
      ps.push(decodeLevel(head(t[i]!).map((s, c) => s + off[c]!), null, 0, LEVELS, Math.max(floors[i]!, v.dis ? disFloor[i]! : 0)));
    });
  }
  const pct = (x: number) => (100 * x).toFixed(1);
  const conf = LEVELS.map((l) => LEVELS.map((p) => ys.filter((y, i) => y === l && ps[i] === p).length).join('/')).join(' ');
  console.log(`${spec.padEnd(36)} macro-F1 ${pct(macroF1(ys, ps, LEVELS))} within-one ${pct(withinOne(ys, ps))} exact ${pct(accuracy(ys, ps))}  ${conf}`);
}

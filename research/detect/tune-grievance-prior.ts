/**
 * Round 12: does a grievance-phrase prior (or scoring a post by its angriest clause) earn its place
 * on the tweets? Reads the out-of-fold complaint logits of the 10-fold evaluation
 * (`ONLY=complaint DUMP=file npm run eval:detector`, same folds and seed as the reported figures)
 * and adds a post-hoc term to each logit. The prior's size is chosen for fold f on the other nine
 * folds only (nested), the Platt scaling and cut-off as eval:detector fits them (other folds only).
 * DUMP=file npx tsx research/detect/tune-grievance-prior.ts
 */
import { readFileSync } from 'node:fs';
import { grievancePhrases } from '../../lib/detect/cue-phrases';
import { normalise } from '../../lib/detect/normalise';
import { loadCorpus } from '../../scripts/detect/featurise';
import { macroF1 } from '../../scripts/detect/metrics';
import { fitDecision } from '../../scripts/detect/pipeline';
import { stripHandles } from '../../scripts/detect/strip-handles';

interface Dump { folds: number[]; oof: number[]; oofBare: number[]; y: number[]; partLogits: { s: number[]; c: number[]; bs: number[]; bc: number[] }[] }
const d = JSON.parse(readFileSync(process.env.DUMP ?? '/tmp/d11/complaint-oof.json', 'utf8')) as Dump;
const { tweets } = loadCorpus();
const K = 1 + Math.max(...d.folds);
const phrases = (t: string) => grievancePhrases(normalise(t));
const gWith = tweets.map((r) => phrases(r.text)), gBare = tweets.map((r) => phrases(stripHandles(r.text)));

/** A variant: the term added to a tweet's logit, given its size beta. */
type Term = (i: number, bare: boolean, beta: number) => number;
const has = (min: number): Term => (i, bare, beta) => ((bare ? gBare : gWith)[i]!.some((p) => p.strength >= min) ? beta : 0);
const count = (min: number): Term => (i, bare, beta) => beta * Math.min(2, (bare ? gBare : gWith)[i]!.filter((p) => p.strength >= min).length);
/** Angriest clause / sentence: z' = max(z, w * best + (1 - w) * z), w = beta / 3 (beta 0..3). */
const part = (key: 'c' | 's'): Term => (i, bare, beta) => {
  const z = bare ? d.oofBare[i]! : d.oof[i]!;
  const parts = bare ? (key === 'c' ? d.partLogits[i]!.bc : d.partLogits[i]!.bs) : d.partLogits[i]![key];
  if (parts.length < 2) return 0;
  const w = beta / 3, best = Math.max(...parts);
  return Math.max(0, w * best + (1 - w) * z - z);
};
const VARIANTS: Record<string, Term> = {
  'harm or fault phrase (strength >= 2.5)': has(2.5), 'any grievance phrase (>= 2)': has(2), 'harm verb phrase (3)': has(3),
  'phrase count (>= 2, capped 2)': count(2), 'harm or fault count (>= 2.5, capped 2)': count(2.5), 'angriest clause': part('c'), 'angriest sentence': part('s'),
};
const BETAS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];

function evaluate(term: Term, betaOf: (f: number) => number) {
  const pred = new Array<number>(d.y.length).fill(0), predBare = [...pred];
  for (let f = 0; f < K; f++) {
    const beta = betaOf(f);
    const others = d.y.map((_, i) => i).filter((i) => d.folds[i] !== f);
    const dec = fitDecision(others.map((i) => d.oof[i]! + term(i, false, beta)), others.map((i) => d.y[i]!));
    const s = (z: number) => 1 / (1 + Math.exp(-(dec.a * z + dec.b)));
    d.y.forEach((_, i) => {
      if (d.folds[i] !== f) return;
      pred[i] = s(d.oof[i]! + term(i, false, beta)) >= dec.threshold ? 1 : 0;
      predBare[i] = s(d.oofBare[i]! + term(i, true, beta)) >= dec.threshold ? 1 : 0;
    });
  }
  return { f1: macroF1(d.y, pred, [0, 1]), bare: macroF1(d.y, predBare, [0, 1]) };
}
/** Beta for fold f: the best on the other folds (their own cut-offs fitted on them, in-sample for all betas alike). */
function nestedBeta(term: Term, f: number): number {
  const idx = d.y.map((_, i) => i).filter((i) => d.folds[i] !== f);
  let best = -1, arg = 0;
  for (const beta of BETAS) {
    const z = idx.map((i) => d.oof[i]! + term(i, false, beta)), y = idx.map((i) => d.y[i]!);
    const dec = fitDecision(z, y);
    const f1 = macroF1(y, z.map((v) => (1 / (1 + Math.exp(-(dec.a * v + dec.b))) >= dec.threshold ? 1 : 0)), [0, 1]);
    if (f1 > best + 1e-9) { best = f1; arg = beta; }
  }
  return arg;
}

const pct = (v: number) => (100 * v).toFixed(1);
const base = evaluate(() => 0, () => 0);
console.log(`no term (as eval:detector): macro-F1 ${pct(base.f1)}, handles removed ${pct(base.bare)}`);
for (const [name, term] of Object.entries(VARIANTS)) {
  const betas = Array.from({ length: K }, (_, f) => nestedBeta(term, f));
  const r = evaluate(term, (f) => betas[f]!);
  const fixed = BETAS.slice(1).map((b) => `${b}: ${pct(evaluate(term, () => b).f1)}`).join(', ');
  console.log(`${name}: nested macro-F1 ${pct(r.f1)}, handles removed ${pct(r.bare)} (betas chosen ${betas.join(' ')}); fixed beta ${fixed}`);
}

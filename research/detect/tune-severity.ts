/** Tuning bench for the severity model: nested CV on a 5-fold split with seed 99 (never the eval split). */
import { featurise, loadCorpus } from '../../scripts/detect/featurise';
import { stratifiedFolds } from '../../scripts/detect/folds';
import { trainMulti, predictMulti, trainBinary, nbRatios, type Multi } from '../../scripts/detect/logreg';
import { accuracy, macroF1, withinOne } from '../../scripts/detect/metrics';
import { LEVELS, SEVERITY_BITS } from '../../scripts/detect/pipeline';
import { dimension, type Sparse } from '../../scripts/detect/sparse';
import { extra } from './extra-features';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { complaintLogit, COMPLAINT_BITS, FINANCE_WEIGHT, fitComplaint } from '../../scripts/detect/pipeline';

const L2 = Number(process.env.L2 ?? 1e-4);
const BITS = Number(process.env.BITS ?? SEVERITY_BITS);
const POW = Number(process.env.POW ?? 1);
const WO = Number(process.env.WO ?? 0);
const EV = process.env.EV === '1';
const { finance } = loadCorpus();
const sev = finance.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
const FEATS = new Set((process.env.FEAT ?? '').split(',').filter(Boolean));
const CAP = Number(process.env.CAP ?? 3);
const base = featurise(sev, BITS);
const ys = sev.map((r) => r.severity!);
/** Out-of-fold complaint logits of the finance posts (5 folds, seed 99), cached between runs. */
function complaintOof(): Map<string, number> {
  const cache = '/tmp/frontline-complaint-oof.json';
  if (existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]);
  const { tweets } = loadCorpus();
  const xt = featurise(tweets, COMPLAINT_BITS), xf = featurise(finance, COMPLAINT_BITS);
  const ff = stratifiedFolds(finance.map((r) => r.complaint), 5, 99);
  const out = new Map<string, number>();
  for (let f = 0; f < 5; f++) {
    const m = fitComplaint([...tweets.map((r, i) => ({ x: xt[i]!, y: r.complaint, w: 1 })),
      ...finance.map((r, i) => ({ x: xf[i]!, y: r.complaint, w: FINANCE_WEIGHT })).filter((_, i) => ff[i] !== f)]);
    finance.forEach((r, i) => { if (ff[i] === f) out.set(r.id, complaintLogit(m, xf[i]!)); });
    process.stderr.write(`complaint oof ${f}\n`);
  }
  writeFileSync(cache, JSON.stringify([...out]));
  return out;
}
const clog = process.env.CLOGIT ? complaintOof() : null;
const CLS = Number(process.env.CLOGIT ?? 0.1);
const nExtra = extra('', { feats: FEATS, cap: CAP }).length + (clog ? 1 : 0);
const DIM = dimension(BITS) + nExtra;
const xs: Sparse[] = sev.map((r, i) => {
  const e = extra(r.text, { feats: FEATS, cap: CAP });
  if (clog) e.push(CLS * clog.get(r.id)!);
  const x = base[i]!;
  const idx = [...x.idx], val = [...x.val];
  e.forEach((v, j) => { if (v !== 0) { idx.push(dimension(BITS) + j); val.push(v); } });
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
});

function fit(x: Sparse[], lv: number[]) {
  const y = lv.map((l) => LEVELS.indexOf(l));
  const counts = LEVELS.map((_, k) => y.filter((v) => v === k).length);
  const weights = y.map((v) => (x.length / (LEVELS.length * counts[v]!)) ** POW);
  if (process.env.OVR !== '1') return trainMulti(x, y, LEVELS.length, DIM, { l2: L2, weights });
  const dim = DIM;
  const out: Multi = { w: [], bias: [] };
  for (let c = 0; c < LEVELS.length; c++) {
    const yc = y.map((v): number => (v === c ? 1 : 0));
    const pos = yc.reduce((a, b) => a + b, 0);
    const wc = yc.map((v) => (v === 1 ? x.length / (2 * pos) : x.length / (2 * (x.length - pos))));
    const b = trainBinary(x, yc, dim, { l2: L2, weights: wc, scale: process.env.NB === '1' ? nbRatios(x, yc, dim, 1 << BITS) : undefined });
    out.w.push(b.w); out.bias.push(b.bias);
  }
  return out;
}
const logp = (m: ReturnType<typeof fit>, x: Sparse) => predictMulti(m, x).map(Math.log);
const decide = (lp: number[], off: number[]) => EV ? decideEv(lp, off) : decideArg(lp, off);
const decideEv = (lp: number[], cut: number[]) => { const e = lp.reduce((a, v, c) => a + Math.exp(v) * (c + 1), 0); let l = 1; for (let c = 1; c < 4; c++) if (e >= cut[c]!) l = c + 1; return l; };
const decideArg = (lp: number[], off: number[]) => { let b = -Infinity, k = 0; lp.forEach((v, c) => { if (v + off[c]! > b) { b = v + off[c]!; k = c; } }); return LEVELS[k]!; };
function tuneOffsets(lps: number[][], y: number[]): number[] {
  const off = EV ? [0, 1.5, 2.5, 3.5] : [0, 0, 0, 0];
  const score = () => { const p = lps.map((lp) => decide(lp, off)); return macroF1(y, p, LEVELS) + WO * withinOne(y, p); };
  let best = score();
  for (let pass = 0; pass < 3; pass++) for (let c = 1; c < 4; c++) {
    const keep = off[c]!; let arg = keep;
    for (let v = EV ? 1 : -3; v <= (EV ? 4.001 : 3.001); v += EV ? 0.05 : 0.1) { off[c] = v; const s = score(); if (s > best + 1e-9) { best = s; arg = v; } }
    off[c] = arg;
  }
  return off;
}
function oofLogp(idx: number[], k: number, seed: number): number[][] {
  const f = stratifiedFolds(idx.map((i) => ys[i]!), k, seed);
  const out: number[][] = new Array(idx.length);
  for (let g = 0; g < k; g++) {
    const tr = idx.filter((_, j) => f[j] !== g);
    const m = fit(tr.map((i) => xs[i]!), tr.map((i) => ys[i]!));
    idx.forEach((i, j) => { if (f[j] === g) out[j] = logp(m, xs[i]!); });
  }
  return out;
}
const K = 5;
const folds = stratifiedFolds(ys, K, 99);
const plain = new Array<number>(sev.length).fill(0), tuned = plain.slice();
for (let f = 0; f < K; f++) {
  const train = sev.map((_, i) => i).filter((i) => folds[i] !== f);
  const inner = oofLogp(train, 4, 7);
  const off = tuneOffsets(inner, train.map((i) => ys[i]!));
  const m = fit(train.map((i) => xs[i]!), train.map((i) => ys[i]!));
  sev.forEach((_, i) => { if (folds[i] === f) { const lp = logp(m, xs[i]!); plain[i] = decideArg(lp, [0, 0, 0, 0]); tuned[i] = decide(lp, off); } });
  process.stderr.write(`fold ${f} off ${off.map((v) => v.toFixed(1))}\n`);
}
const r = (p: number[]) => `mF1 ${(100 * macroF1(ys, p, LEVELS)).toFixed(1)} w1 ${(100 * withinOne(ys, p)).toFixed(1)} acc ${(100 * accuracy(ys, p)).toFixed(1)}`;
console.log(`FEAT=${[...FEATS].join(',')}${clog ? ' +clogit' : ''} CAP=${CAP} L2=${L2} POW=${POW} WO=${WO} plain: ${r(plain)} | tuned: ${r(tuned)}`);
for (const t of LEVELS) console.log('   ', LEVELS.map((p) => String(ys.filter((y, i) => y === t && tuned[i] === p).length).padStart(5)).join(''));

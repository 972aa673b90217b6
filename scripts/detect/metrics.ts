/** Evaluation figures: macro-F1, within-one accuracy, Platt calibration and a reliability table. */
import { minimise } from './lbfgs';

export function macroF1(truth: number[], pred: number[], classes: number[]): number {
  let sum = 0;
  for (const c of classes) {
    let tp = 0, fp = 0, fn = 0;
    truth.forEach((t, i) => {
      if (pred[i] === c && t === c) tp++;
      else if (pred[i] === c) fp++;
      else if (t === c) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes.length;
}

export function withinOne(truth: number[], pred: number[]): number {
  return truth.filter((t, i) => Math.abs(t - pred[i]!) <= 1).length / truth.length;
}

export function accuracy(truth: number[], pred: number[]): number {
  return truth.filter((t, i) => t === pred[i]).length / truth.length;
}

/** Platt scaling: p = sigmoid(a z + b), fitted by maximum likelihood on out-of-fold logits. */
export function fitPlatt(z: number[], y: number[]): { a: number; b: number } {
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  // Platt's smoothed targets avoid over-confident fits on separable folds.
  const hi = (pos + 1) / (pos + 2), lo = 1 / (neg + 2);
  const p = minimise((x, g) => {
    g.fill(0);
    let loss = 0;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? hi : lo;
      const s = x[0]! * z[i]! + x[1]!;
      loss += Math.max(s, 0) - s * t + Math.log1p(Math.exp(-Math.abs(s)));
      const r = 1 / (1 + Math.exp(-s)) - t;
      g[0] = g[0]! + r * z[i]!;
      g[1] = g[1]! + r;
    }
    return loss;
  }, Float64Array.of(1, 0), 200);
  return { a: p[0]!, b: p[1]! };
}

export function calibrationTable(scores: number[], y: number[], bins = 10): string {
  const lines = ['  score bin   posts  mean score  observed rate'];
  for (let b = 0; b < bins; b++) {
    const lo = b / bins, hi = (b + 1) / bins;
    const idx = scores.map((s, i) => i).filter((i) => scores[i]! >= lo && (scores[i]! < hi || (b === bins - 1 && scores[i]! <= hi)));
    if (idx.length === 0) { lines.push(`  ${lo.toFixed(1)}-${hi.toFixed(1)}   ${'0'.padStart(5)}`); continue; }
    const mean = idx.reduce((a, i) => a + scores[i]!, 0) / idx.length;
    const rate = idx.filter((i) => y[i] === 1).length / idx.length;
    lines.push(`  ${lo.toFixed(1)}-${hi.toFixed(1)}   ${String(idx.length).padStart(5)}  ${mean.toFixed(3).padStart(10)}  ${rate.toFixed(3).padStart(13)}`);
  }
  return lines.join('\n');
}

export function brier(scores: number[], y: number[]): number {
  return scores.reduce((a, s, i) => a + (s - y[i]!) ** 2, 0) / scores.length;
}
